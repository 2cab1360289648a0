import zlib from "node:zlib";

// Pages are rendered whole (entry.server.tsx), so they are compressed whole too: one synchronous
// call instead of the compression middleware's stream (its 16 KB chunks, each its own socket
// write, cost about three times the compression itself). Static files and JSON still go through
// the middleware. Brotli for browsers (every current one asks for it), at a quality that costs a
// third of gzip's default for a smaller page; gzip at a fast level otherwise.

export type Encoding = "br" | "gzip";

/** Smaller bodies are sent as they are: compression would not pay for its headers. */
export const MIN_COMPRESS_BYTES = 1024;
export const BROTLI_QUALITY = 2;
export const GZIP_LEVEL = 3;

/** The best encoding the client accepts ("br", then "gzip"), or null for none; honours q=0. */
export function chooseEncoding(acceptEncoding: string | null | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [token, ...params] = part.trim().split(";");
    if (!token) continue;
    let weight = 1;
    for (const param of params) {
      const [k, v] = param.trim().split("=");
      if (k === "q") weight = Number(v);
    }
    q.set(token.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const accepts = (name: string) => (q.get(name) ?? q.get("*") ?? 0) > 0;
  if (accepts("br")) return "br";
  if (accepts("gzip") || (q.get("x-gzip") ?? 0) > 0) return "gzip";
  return null;
}

/** The body as the client asked for it. */
export function compressBody(body: Buffer, acceptEncoding: string | null | undefined): { body: Buffer; encoding: Encoding | null } {
  const encoding = body.byteLength >= MIN_COMPRESS_BYTES ? chooseEncoding(acceptEncoding) : null;
  if (encoding === "br") {
    return {
      encoding,
      body: zlib.brotliCompressSync(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      }),
    };
  }
  if (encoding === "gzip") return { encoding, body: zlib.gzipSync(body, { level: GZIP_LEVEL }) };
  return { encoding: null, body };
}
