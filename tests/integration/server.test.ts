import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { RequestHandler } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server";
import { createTestDatabase, testEnv, type TestDatabase } from "../helpers/db";

// The Express shell around Remix, with a stub in place of the Remix build.

let t: TestDatabase;
let server: Server;
let base: string;
let app: ReturnType<typeof createApp>;
const handled: string[] = [];

const stub: RequestHandler = (req, res) => {
  handled.push(`${req.method} ${req.path}`);
  res.type("text/html").send(`<!doctype html><p>nonce ${res.locals.cspNonce}</p>`);
};

beforeAll(async () => {
  t = await createTestDatabase();
  app = createApp({ handler: stub, env: testEnv() });
  server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await t?.cleanup();
});

describe("the server shell", () => {
  it("reports healthy, naming the database kind, when the database answers", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "ok", database: t.kind });
  });

  it("refuses a form posted from another site with 403", async () => {
    const before = handled.length;
    const res = await fetch(`${base}/set-language`, {
      method: "POST",
      headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site", "Content-Type": "application/x-www-form-urlencoded" },
      body: "lng=en",
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toBe("Cross-site request refused");
    expect(handled.length).toBe(before);
  });

  it("lets the site's own form posts through", async () => {
    const res = await fetch(`${base}/set-language`, {
      method: "POST",
      headers: { Origin: base, "Sec-Fetch-Site": "same-origin", "Content-Type": "application/x-www-form-urlencoded" },
      body: "lng=en",
    });
    expect(res.status).toBe(200);
    expect(handled.at(-1)).toBe("POST /set-language");
  });

  it("lets server-to-server webhooks (no Origin, no Sec-Fetch-Site) through", async () => {
    const res = await fetch(`${base}/webhooks/stripe`, { method: "POST", body: "{}" });
    expect(res.status).toBe(200);
    expect(handled.at(-1)).toBe("POST /webhooks/stripe");
  });

  it("sends a nonce-based Content-Security-Policy, fresh on every page, with no unsafe scripts", async () => {
    const [a, b] = await Promise.all([fetch(`${base}/`), fetch(`${base}/`)]);
    const csp = a.headers.get("content-security-policy")!;
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src "))!;
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
    expect(nonce).toBeTruthy();
    expect(scriptSrc).not.toMatch(/unsafe-eval|unsafe-inline/);
    expect(csp).toMatch(/style-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/form-action 'self' https:\/\/sandbox\.vnpayment\.vn https:\/\/pay\.vnpay\.vn https:\/\/checkout\.stripe\.com/);
    expect(csp).not.toMatch(/upgrade-insecure-requests/); // PUBLIC_URL is http in tests
    // The nonce in the header is the one handed to the page.
    expect(await a.text()).toContain(`nonce ${nonce}`);
    expect(b.headers.get("content-security-policy")).not.toContain(nonce);
  });

  it("tags every response with a request id and hides the framework", async () => {
    const res = await fetch(`${base}/anything`);
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get("x-powered-by")).toBeNull();
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("serves public files with a short cache", async () => {
    const res = await fetch(`${base}/favicon.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=3600");
  });

  it("reports unavailable while shutting down, so the load balancer stops sending traffic", async () => {
    app.locals.shuttingDown = true;
    try {
      const res = await fetch(`${base}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "unavailable" });
    } finally {
      app.locals.shuttingDown = false;
    }
  });

  it("reports unavailable once the database is gone", async () => {
    await t.close();
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "unavailable" });
  });
});
