import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getPublicAddress } from "~/models/catalogue.server";
import { apiHandler, apiJson, apiMethodNotAllowed, apiNotFound, snakeCaseKeys } from "~/utils/api.server";
import { getDb } from "~/utils/db.server";

// GET /api/v1/addresses/:slug: one public address. Drafts, submitted and rejected ones are 404.
export function loader({ request, params }: LoaderFunctionArgs) {
  return apiHandler(request, async () => {
    const address = await getPublicAddress(await getDb(), params.slug ?? "");
    if (!address) return apiNotFound();
    return apiJson({ data: snakeCaseKeys(address) });
  });
}

export function action({ request }: ActionFunctionArgs) {
  return apiMethodNotAllowed(request);
}
