import type { HeadersFunction } from "@remix-run/node";

// Public pages are cacheable at a CDN for a minute and served stale for five more while it
// revalidates (disaster-day surges come from cache). The HTML depends on the language, which
// comes from the `lng` cookie or Accept-Language: caches must key on both.

export const PUBLIC_PAGE_CACHE_CONTROL = "public, max-age=0, s-maxage=60, stale-while-revalidate=300";

/** `export const headers = publicPageHeaders;` in a public page route. Errors are not cached this way. */
export const publicPageHeaders: HeadersFunction = ({ errorHeaders }): Record<string, string> =>
  errorHeaders ? { "Cache-Control": "no-store" } : { "Cache-Control": PUBLIC_PAGE_CACHE_CONTROL, Vary: "Cookie, Accept-Language" };

/** Adds tokens to Vary once each, keeping what is there. */
export function addVary(headers: Headers, ...tokens: string[]) {
  const present = (headers.get("Vary") ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  const lower = new Set(present.map((v) => v.toLowerCase()));
  for (const token of tokens) {
    if (lower.has(token.toLowerCase())) continue;
    present.push(token);
    lower.add(token.toLowerCase());
  }
  if (present.length) headers.set("Vary", present.join(", "));
}
