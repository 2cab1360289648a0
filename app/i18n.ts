import en from "./locales/en/common.json";
import vi from "./locales/vi/common.json";

// Client-safe i18next configuration, shared by the server and the browser. The strings are
// bundled (both languages are small), so no backend fetches translations.

export const supportedLngs = ["vi", "en"] as const;
export type Locale = (typeof supportedLngs)[number];
export const fallbackLng: Locale = "vi";
export const defaultNS = "common";

export const resources = {
  vi: { common: vi },
  en: { common: en },
} as const;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (supportedLngs as readonly string[]).includes(value);
}

export default {
  supportedLngs: [...supportedLngs],
  fallbackLng,
  defaultNS,
  ns: [defaultNS],
  resources,
  interpolation: { escapeValue: false }, // React escapes already
};
