import { describe, expect, it } from "vitest";
import { isCrossSiteRequest, type RequestOriginFacts } from "../../app/utils/origin-check.server";

const base: RequestOriginFacts = { method: "POST", host: "trao.example", protocol: "https", publicUrl: "https://trao.example" };
const check = (facts: Partial<RequestOriginFacts>) => isCrossSiteRequest({ ...base, ...facts });

describe("refusing cross-site requests", () => {
  it("lets a visitor's own form post through (same-origin)", () => {
    expect(check({ origin: "https://trao.example", secFetchSite: "same-origin" })).toBe(false);
  });

  it("lets a visitor who typed or bookmarked the URL through (Sec-Fetch-Site: none)", () => {
    expect(check({ secFetchSite: "none" })).toBe(false);
  });

  it("lets payment webhooks and curl through: they send neither header", () => {
    expect(check({})).toBe(false);
  });

  it("refuses a form posted from another site", () => {
    expect(check({ origin: "https://evil.example", secFetchSite: "cross-site" })).toBe(true);
  });

  it("refuses a post from a sibling subdomain (same-site is not same-origin)", () => {
    expect(check({ origin: "https://shop.trao.example", secFetchSite: "same-site" })).toBe(true);
  });

  it("refuses when only Sec-Fetch-Site says cross-site", () => {
    expect(check({ secFetchSite: "cross-site" })).toBe(true);
  });

  it("refuses when only Origin names another site (older browsers)", () => {
    expect(check({ origin: "https://evil.example" })).toBe(true);
  });

  it("refuses an opaque Origin: null (sandboxed frames, privacy redirects)", () => {
    expect(check({ origin: "null" })).toBe(true);
  });

  it("refuses a lookalike origin on another port or scheme", () => {
    expect(check({ origin: "https://trao.example:8443" })).toBe(true);
    expect(check({ origin: "http://trao.example", host: "other.example" })).toBe(true);
  });

  it("accepts the request's own origin when PUBLIC_URL names another host (e.g. localhost during setup)", () => {
    expect(check({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000", protocol: "http", publicUrl: "http://localhost:3000" })).toBe(false);
  });

  it("accepts the public origin behind a TLS-terminating proxy", () => {
    expect(check({ origin: "https://trao.example", protocol: "http", host: "10.0.0.5:3000" })).toBe(false);
  });

  it("treats default ports and letter case as the same origin", () => {
    expect(check({ origin: "HTTPS://Trao.Example:443" })).toBe(false);
  });

  it("never refuses reads: GET, HEAD and OPTIONS pass whatever their headers", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) {
      expect(check({ method, origin: "https://evil.example", secFetchSite: "cross-site" })).toBe(false);
    }
  });

  it("checks every other method: PUT, PATCH and DELETE too", () => {
    for (const method of ["PUT", "PATCH", "DELETE"]) expect(check({ method, secFetchSite: "cross-site" })).toBe(true);
  });
});
