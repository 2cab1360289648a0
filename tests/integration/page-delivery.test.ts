import http from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_FILE } from "../../scripts/lib/build";
import { createApp } from "../../server";
import { createTestDatabase, testEnv, type TestDatabase } from "../helpers/db";
import { minimalWorld } from "../helpers/fixtures";

// Pages as a browser receives them from the real build behind the real Express shell: rendered
// whole, compressed once by what the browser accepts, with a length that matches the bytes.

let t: TestDatabase;
let server: Server;
let port: number;

beforeAll(async () => {
  t = await createTestDatabase();
  await minimalWorld(t.db);
  const build = (await import(/* @vite-ignore */ pathToFileURL(BUILD_FILE).href)) as ServerBuild;
  server = createApp({ build, env: testEnv() }).listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;
}, 300_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await t?.cleanup();
});

/** The raw answer (node:http does not decompress, unlike fetch). */
function raw(path: string, headers: Record<string, string>, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("a page on its way to the browser", () => {
  it("comes brotli-compressed to a browser, once, with the length of the bytes sent", async () => {
    const res = await raw("/addresses", { "accept-encoding": "gzip, deflate, br" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(Number(res.headers["content-length"])).toBe(res.body.byteLength);
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    const html = zlib.brotliDecompressSync(res.body).toString("utf8");
    expect(html).toMatch(/^<!DOCTYPE html><html lang="vi"/);
    expect(html).toContain("</html>");
    expect(html).not.toContain("\u0000");
  });

  it("comes gzip-compressed to a client without brotli, and plain to one without either", async () => {
    const gz = await raw("/addresses", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    const html = zlib.gunzipSync(gz.body).toString("utf8");
    const plain = await raw("/addresses", { "accept-encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(Number(plain.headers["content-length"])).toBe(plain.body.byteLength);
    // Same page apart from the per-response nonce and the render time.
    const strip = (s: string) => s.replace(/nonce="[^"]*"/g, "").replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g, "");
    expect(strip(plain.body.toString("utf8"))).toBe(strip(html));
  });

  it("answers HEAD with the headers of the page and no body", async () => {
    const head = await raw("/addresses", { "accept-encoding": "identity" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-type"]).toMatch(/text\/html/);
    expect(head.body.byteLength).toBe(0);
  });

  it("compresses a 404 page too, and JSON through the middleware", async () => {
    const missing = await raw("/addresses/khong-co-dia-chi-nay", { "accept-encoding": "br" });
    expect(missing.status).toBe(404);
    expect(zlib.brotliDecompressSync(missing.body).toString("utf8")).toContain("<html");
    const api = await raw("/api/v1/addresses?limit=100", { "accept-encoding": "br" });
    expect(api.status).toBe(200);
    const json = JSON.parse((api.headers["content-encoding"] === "br" ? zlib.brotliDecompressSync(api.body) : api.body).toString("utf8"));
    expect(Array.isArray(json.data)).toBe(true);
  });
});
