import { type AppLoadContext, type EntryContext, type HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { createInstance, type i18n as I18n } from "i18next";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import i18nConfig from "./i18n";
import { getLocale } from "./i18n.server";
import { addVary } from "./utils/cache";
import { compressBody } from "./utils/compress.server";
import { collectHtml } from "./utils/html-stream.server";
import { log } from "./utils/log.server";
import { NonceProvider } from "./utils/nonce-provider";

// One initialised instance per language, shared by every render: its language never changes.
const instances = new Map<string, Promise<I18n>>();
function i18nInstance(lng: string): Promise<I18n> {
  let instance = instances.get(lng);
  if (!instance) {
    const created = createInstance();
    instance = created
      .use(initReactI18next)
      .init({ ...i18nConfig, lng })
      .then(() => created);
    instances.set(lng, instance);
  }
  return instance;
}

/** How long deferred data may stream before the render is aborted. */
export const streamTimeout = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  const lng = await getLocale(request);
  const instance = await i18nInstance(lng);

  // No page defers data, so the whole document is rendered before it is sent: one Buffer, one
  // write and one gzip pass (streaming 2 KB chunks through the web-stream bridge cost more CPU
  // than the render itself on the catalogue).
  return new Promise<Response>((resolve, reject) => {
    let failed = false;
    let renderError: unknown = null;
    const { sink, done } = collectHtml();
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          if (failed) return;
          // A shell error is logged by Remix's handleError; one inside a boundary only here.
          if (renderError) logError(renderError, request);
          pipe(sink);
          done
            .then((html) => {
            clearTimeout(timer);
            const { body, encoding } = compressBody(html, request.headers.get("Accept-Encoding"));
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            responseHeaders.set("Content-Length", String(body.byteLength));
            if (encoding) responseHeaders.set("Content-Encoding", encoding);
            // The language comes from the cookie or Accept-Language: caches must key on both.
            addVary(responseHeaders, "Accept-Language", "Cookie", "Accept-Encoding");
            resolve(new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), { headers: responseHeaders, status: responseStatusCode }));
          })
            .catch(reject);
        },
        onShellError(error: unknown) {
          failed = true;
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          renderError = error;
        },
      },
    );
    const timer = setTimeout(abort, streamTimeout + 1_000);
  });
}

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return; // the client went away
  logError(error, request);
};

function logError(error: unknown, request: Request) {
  log.error("unhandled error", {
    path: new URL(request.url).pathname,
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
}
