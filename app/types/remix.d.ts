import "@remix-run/server-runtime";

// What server.ts's getLoadContext hands to every loader, action and entry.server.
declare module "@remix-run/server-runtime" {
  interface AppLoadContext {
    /** This response's Content-Security-Policy nonce. */
    cspNonce: string;
  }
}
