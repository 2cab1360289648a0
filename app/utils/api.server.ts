import { log } from "./log.server";

// The public JSON API (/api/v1/…): open CORS, CDN-cacheable, snake_case keys, JSON errors.

export const API_CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type, Accept",
  "Access-Control-Max-Age": "86400",
};

/** Public data changes a little at a time: browsers 30 s, CDNs 60 s, then served stale while refreshed. */
export const API_CACHE_CONTROL = "public, max-age=30, s-maxage=60, stale-while-revalidate=300";

export function apiJson(body: unknown, init: { status?: number; cacheControl?: string; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: {
      ...API_CORS_HEADERS,
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": init.cacheControl ?? API_CACHE_CONTROL,
      ...init.headers,
    },
  });
}

/** The answer to a CORS preflight (Remix sends OPTIONS to the loader). */
export function apiPreflight(): Response {
  return new Response(null, { status: 204, headers: { ...API_CORS_HEADERS, "Cache-Control": "public, max-age=86400" } });
}

export function apiNotFound(): Response {
  return apiJson({ error: "not_found" }, { status: 404, cacheControl: "public, max-age=30, s-maxage=30" });
}

/** Read-only API: anything but GET, HEAD and OPTIONS. */
export function apiMethodNotAllowed(request: Request): Response {
  if (request.method === "OPTIONS") return apiPreflight();
  return apiJson({ error: "method_not_allowed" }, { status: 405, cacheControl: "no-store", headers: { Allow: "GET, HEAD, OPTIONS" } });
}

/** Runs a handler; an unexpected failure becomes a JSON 500 (logged), never an HTML page. */
export async function apiHandler(request: Request, handler: () => Promise<Response>): Promise<Response> {
  if (request.method === "OPTIONS") return apiPreflight();
  try {
    return await handler();
  } catch (error) {
    if (error instanceof Response) throw error;
    log.error("api request failed", { path: new URL(request.url).pathname, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return apiJson({ error: "internal_error" }, { status: 500, cacheControl: "no-store" });
  }
}

type Snake<S extends string> = S extends `${infer H}${infer T}` ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${Snake<T>}` : S;
export type SnakeCased<T> = T extends (infer U)[] ? SnakeCased<U>[] : T extends object ? { [K in keyof T as K extends string ? Snake<K> : K]: SnakeCased<T[K]> } : T;

// The same few dozen keys come back on every request: convert each once.
const snakeKeys = new Map<string, string>();
function snakeKey(key: string): string {
  let out = snakeKeys.get(key);
  if (out === undefined) {
    out = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    if (snakeKeys.size < 1000) snakeKeys.set(key, out);
  }
  return out;
}

/** { publicAlias: "…", chapter: { name } } → { public_alias: "…", chapter: { name } }, deeply. */
export function snakeCaseKeys<T>(value: T): SnakeCased<T> {
  if (Array.isArray(value)) return value.map((v) => snakeCaseKeys(v)) as SnakeCased<T>;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const k in value) out[snakeKey(k)] = snakeCaseKeys((value as Record<string, unknown>)[k]);
    return out as SnakeCased<T>;
  }
  return value as SnakeCased<T>;
}
