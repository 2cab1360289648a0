import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { mediaUrl, readLocalMedia } from "~/media/storage.server";
import { getPublicMediaFile } from "~/models/media.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

// GET /media/:id: a public image. Content-addressed (the bytes of an id never change), so it is
// cached for a year and revalidated by its sha256. Private, withdrawn or unknown → 404.

const IMMUTABLE = "public, max-age=31536000, immutable";

function notFound(): never {
  throw new Response("Not Found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = /^[1-9]\d{0,9}$/.test(params.id ?? "") ? Number(params.id) : NaN;
  if (!Number.isSafeInteger(id)) notFound();
  const file = await getPublicMediaFile(await getDb(), id);
  if (!file) notFound();

  const env = getEnv();
  if (file.storage === "cloudinary") {
    const url = mediaUrl({ id: file.id, storage: file.storage, storageKey: file.storageKey, isPublic: true }, env);
    // Without Cloudinary credentials the URL would point back here.
    if (url.startsWith("/")) notFound();
    return redirect(url, { status: 302, headers: { "Cache-Control": "public, max-age=86400" } });
  }

  const etag = `"${file.sha256}"`;
  const headers = { ETag: etag, "Cache-Control": IMMUTABLE };
  if (matchesEtag(request.headers.get("If-None-Match"), etag)) return new Response(null, { status: 304, headers });

  const bytes = await readLocalMedia(env, file.storageKey);
  if (!bytes) notFound();
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: { ...headers, "Content-Type": file.mime || "image/jpeg", "Content-Length": String(bytes.length) },
  });
}

/** If-None-Match: `*`, or a list of (possibly weak) tags. */
function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
