import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import i18n, { fallbackLng, isLocale, supportedLngs, type Locale } from "./i18n";

const ONE_YEAR = 365 * 24 * 60 * 60;

/** The visitor's chosen language; set by /set-language. `secure` is added when it is written. */
export const localeCookie = createCookie("lng", { path: "/", sameSite: "lax", httpOnly: true, maxAge: ONE_YEAR });

/**
 * `getLocale(request)`: `?lng=` (one page, e.g. a shared link), then the `lng` cookie, then
 * Accept-Language, then Vietnamese. `getFixedT(request)` gives `t` in loaders and actions.
 */
const remixI18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLngs],
    fallbackLanguage: fallbackLng,
    cookie: localeCookie,
    order: ["searchParams", "cookie", "header"],
  },
  i18next: i18n,
});

/** The request's language, typed. */
export async function getLocale(request: Request): Promise<Locale> {
  const locale = await remixI18next.getLocale(request);
  return isLocale(locale) ? locale : fallbackLng;
}

// One fixed `t` per language for the life of the process: building an i18next instance per
// request (what RemixI18Next.getFixedT does) cost more than the page's database queries.
type FixedT = ReturnType<typeof remixI18next.getFixedT<"common">>;
const fixedT = new Map<Locale, FixedT>();

const i18next = {
  getLocale,
  async getFixedT(input: Request | string): Promise<Awaited<FixedT>> {
    const locale = typeof input === "string" ? (isLocale(input) ? input : fallbackLng) : await getLocale(input);
    let t = fixedT.get(locale);
    if (!t) {
      t = remixI18next.getFixedT<"common">(locale);
      fixedT.set(locale, t);
    }
    return t;
  },
};

export default i18next;
