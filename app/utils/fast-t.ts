import { useContext } from "react";
import { getI18n, I18nContext } from "react-i18next";
import { fallbackLng, isLocale, resources, type Locale } from "~/i18n";

// The same strings as i18next's t(), from the same bundled resources, compiled once per key and
// language into a template: for the parts of a page repeated per card (a catalogue page calls it
// a few hundred times; i18next's general t() cost more than a millisecond of every render).
// Handles what those strings use: {{name}} interpolation (no escaping: React escapes) and
// count plurals by Intl.PluralRules, as i18next v23 does. A unit test checks every key of both
// languages against i18next.

export type Vars = Record<string, string | number>;

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type WithoutPlural<K> = K extends `${infer Base}_${"zero" | "one" | "two" | "few" | "many" | "other"}` ? Base : K;
/** Every key of the strings (plural forms by their base key), checked at compile time. */
export type TKey = WithoutPlural<Leaves<(typeof resources)["vi"]["common"]>>;
type Template = (vars?: Vars) => string;

const templates = new Map<string, Template>();
const pluralRules = new Map<string, Intl.PluralRules>();

function resource(lng: Locale, key: string): string | undefined {
  let node: unknown = resources[lng].common;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

function compile(raw: string): Template {
  const parts = raw.split(/\{\{\s*([\w.]+)\s*\}\}/);
  if (parts.length === 1) return () => raw;
  return (vars) => {
    let out = parts[0];
    for (let i = 1; i < parts.length; i += 2) {
      const value = vars?.[parts[i]];
      out += (value === undefined ? `{{${parts[i]}}}` : String(value)) + parts[i + 1];
    }
    return out;
  };
}

function template(lng: Locale, key: string): Template {
  const id = `${lng}\u0000${key}`;
  let found = templates.get(id);
  if (!found) {
    const raw = resource(lng, key) ?? (lng === fallbackLng ? undefined : resource(fallbackLng, key));
    found = raw === undefined ? () => key : compile(raw);
    templates.set(id, found);
  }
  return found;
}

/** The key to use for `count` (key_zero for 0 when there is one, else key_<plural form>, else key), per language. */
const pluralKeys = new Map<string, string>();
function pluralKey(lng: Locale, key: string, count: number): string {
  let rules = pluralRules.get(lng);
  if (!rules) pluralRules.set(lng, (rules = new Intl.PluralRules(lng)));
  // As i18next: a "_zero" form, when the strings have one, wins for 0.
  const form = count === 0 ? "zero" : rules.select(count);
  const id = `${lng}\u0000${key}\u0000${form}`;
  let found = pluralKeys.get(id);
  if (found === undefined) {
    const has = (k: string) => resource(lng, k) !== undefined || resource(fallbackLng, k) !== undefined;
    found = has(`${key}_${form}`) ? `${key}_${form}` : form === "zero" && has(`${key}_${rules.select(0)}`) ? `${key}_${rules.select(0)}` : key;
    pluralKeys.set(id, found);
  }
  return found;
}

/** t(key, vars) for language `lng`, as i18next would give it. */
export function fastT(language: string, key: TKey, vars?: Vars): string {
  const lng: Locale = isLocale(language) ? language : fallbackLng;
  const resolved = typeof vars?.count === "number" ? pluralKey(lng, key, vars.count) : key;
  return template(lng, resolved)(vars);
}

/** fastT bound to the page's language: `const t = useFastT(); t("common.verified")`. */
export function useFastT(): (key: TKey, vars?: Vars) => string {
  // The context, not useTranslation(): a card has a handful of components and the hook's
  // subscription bookkeeping cost more than the strings. Pages re-render on a language change.
  const i18n = useContext(I18nContext)?.i18n ?? getI18n();
  const lng = i18n?.resolvedLanguage ?? i18n?.language ?? fallbackLng;
  return (key, vars) => fastT(lng, key, vars);
}
