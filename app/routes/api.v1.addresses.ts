import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { listAddresses, parseCatalogueQuery } from "~/models/catalogue.server";
import { apiHandler, apiJson, apiMethodNotAllowed, snakeCaseKeys } from "~/utils/api.server";
import { getDb } from "~/utils/db.server";

// GET /api/v1/addresses?q=&category=&province=&programme=&campaign=&status=&sort=&cursor=&limit=
// Unknown values are ignored and reported in `notices`; the page is always served.
export function loader({ request }: LoaderFunctionArgs) {
  return apiHandler(request, async () => {
    const query = parseCatalogueQuery(new URL(request.url).searchParams);
    const page = await listAddresses(await getDb(), query);
    return apiJson({
      data: snakeCaseKeys(page.items),
      next_cursor: page.nextCursor,
      prev_cursor: page.prevCursor,
      notices: page.notices,
    });
  });
}

export function action({ request }: ActionFunctionArgs) {
  return apiMethodNotAllowed(request);
}
