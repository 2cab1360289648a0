import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { supportedLngs } from "~/i18n";
import { localeCookie } from "~/i18n.server";
import { getEnv } from "~/utils/env.server";
import { safeRedirect } from "~/utils/safe-redirect";

// POST (form) or GET (a plain link, so the switch works without JavaScript):
// lng=vi|en and redirectTo=/same/site/path. Remembers the choice for a year.
const schema = z.object({ lng: z.enum(supportedLngs), redirectTo: z.string().optional() });

export async function loader({ request }: LoaderFunctionArgs) {
  return setLanguage(Object.fromEntries(new URL(request.url).searchParams), 302);
}

export async function action({ request }: ActionFunctionArgs) {
  return setLanguage(Object.fromEntries(await request.formData()), 303);
}

async function setLanguage(fields: Record<string, unknown>, status: number) {
  const parsed = schema.safeParse(fields);
  const to = new URL(safeRedirect(fields.redirectTo), "http://trao.invalid");
  // A `?lng=` left on the target would override the cookie just set.
  to.searchParams.delete("lng");
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (parsed.success) {
    const secure = getEnv().PUBLIC_URL.startsWith("https:");
    headers.set("Set-Cookie", await localeCookie.serialize(parsed.data.lng, { secure }));
  }
  return redirect(to.pathname + to.search + to.hash, { status, headers });
}
