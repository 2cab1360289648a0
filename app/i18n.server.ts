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
const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLngs],
    fallbackLanguage: fallbackLng,
    cookie: localeCookie,
    order: ["searchParams", "cookie", "header"],
  },
  i18next: i18n,
});

export default i18next;

/** The request's language, typed. */
export async function getLocale(request: Request): Promise<Locale> {
  const locale = await i18next.getLocale(request);
  return isLocale(locale) ? locale : fallbackLng;
}
