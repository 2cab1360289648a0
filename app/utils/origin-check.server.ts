import type { RequestHandler } from "express";
import { log } from "./log.server";

export interface RequestOriginFacts {
  method: string;
  /** The `Origin` header, if sent. */
  origin?: string | null;
  /** The `Sec-Fetch-Site` header, if sent. */
  secFetchSite?: string | null;
  /** The `Host` header, e.g. "localhost:3000". */
  host?: string | null;
  /** "http" or "https" (Express's req.protocol; a trailing colon is accepted). */
  protocol?: string | null;
  publicUrl: string;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function originOf(url: string): string | null {
  try {
    const { origin } = new URL(url);
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/**
 * True when a state-changing request comes from another site (CSRF). Browsers always send
 * Sec-Fetch-Site and/or Origin on such requests; server-to-server callers (payment webhooks,
 * curl) send neither and pass.
 */
export function isCrossSiteRequest(facts: RequestOriginFacts): boolean {
  if (SAFE_METHODS.has(facts.method.toUpperCase())) return false;
  const site = facts.secFetchSite?.trim().toLowerCase();
  if (site && site !== "same-origin" && site !== "none") return true;
  if (facts.origin) {
    const origin = originOf(facts.origin);
    if (!origin) return true; // "null" (sandboxed frame, privacy redirect) or garbage
    if (origin === originOf(facts.publicUrl)) return false;
    if (facts.host && facts.protocol) {
      const own = originOf(`${facts.protocol.replace(/:$/, "")}://${facts.host}`);
      if (origin === own) return false;
    }
    return true;
  }
  return false;
}

/** Express middleware: refuses cross-site non-GET requests with 403 before they reach a route. */
export function originCheck(publicUrl: string): RequestHandler {
  return (req, res, next) => {
    const facts = {
      method: req.method,
      origin: req.get("origin"),
      secFetchSite: req.get("sec-fetch-site"),
      host: req.get("host"),
      protocol: req.protocol,
      publicUrl,
    };
    if (!isCrossSiteRequest(facts)) return next();
    log.warn("cross-site request refused", { method: req.method, path: req.path, origin: facts.origin, secFetchSite: facts.secFetchSite });
    res.status(403).type("text/plain").send("Cross-site request refused");
  };
}
