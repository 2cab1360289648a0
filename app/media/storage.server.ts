import crypto from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { DbOrTx } from "../../db/client";
import type { MediaKind } from "../../db/enums";
import { media } from "../../db/schema";
import { getEnv, type Env } from "../utils/env.server";
import { isSanitizedImage, sanitizeImage, type SanitizedImage } from "./images.server";

// Stored images: local files under DATA_DIR/media named by content hash (the default), or
// Cloudinary when CLOUDINARY_URL is set. Either way the bytes are sanitised first.

export type MediaRow = typeof media.$inferSelect;
export type MediaEnv = Pick<Env, "mediaDir"> & Partial<Pick<Env, "CLOUDINARY_URL">>;

export interface StoreImageInput {
  /** Raw upload (sanitised here), or the result of sanitizeImage() to skip a second re-encode. */
  buffer: Buffer | SanitizedImage;
  kind: MediaKind;
  alt: string;
  addressId?: number | null;
  updateId?: number | null;
  disbursementId?: number | null;
  consentId?: number | null;
  isPublic: boolean;
  uploadedBy?: number | null;
  sortOrder?: number;
  /** Seed and imports only: when the photo was taken in. */
  createdAt?: Date;
}

export const CLOUDINARY_FOLDER = "trao";
const LOCAL_KEY_RE = /^[0-9a-f]{64}\.jpg$/;

export async function storeImage(db: DbOrTx, input: StoreImageInput, env: MediaEnv = getEnv()): Promise<MediaRow> {
  const image = isSanitizedImage(input.buffer) ? input.buffer : await sanitizeImage(input.buffer as Buffer);
  const stored = await putImage(image, env);
  const [row] = await db
    .insert(media)
    .values({
      kind: input.kind,
      storage: stored.storage,
      storageKey: stored.storageKey,
      sha256: image.sha256,
      mime: image.mime,
      width: image.width,
      height: image.height,
      bytes: image.buffer.length,
      alt: input.alt,
      addressId: input.addressId ?? null,
      updateId: input.updateId ?? null,
      disbursementId: input.disbursementId ?? null,
      consentId: input.consentId ?? null,
      isPublic: input.isPublic,
      sortOrder: input.sortOrder ?? 0,
      uploadedBy: input.uploadedBy ?? null,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    })
    .returning();
  return row;
}

/** Writes the bytes once (same content, same key) and says where they are. */
export async function putImage(image: SanitizedImage, env: MediaEnv): Promise<{ storage: "local" | "cloudinary"; storageKey: string }> {
  if (env.CLOUDINARY_URL) {
    return { storage: "cloudinary", storageKey: await uploadToCloudinary(image, parseCloudinaryUrl(env.CLOUDINARY_URL)) };
  }
  const storageKey = `${image.sha256}.jpg`;
  const file = localMediaPath(env, storageKey);
  // Same name, same bytes: a file that exists is already right (a stat is cheaper than a rejected access()).
  if (!existsSync(file)) {
    await fs.mkdir(env.mediaDir, { recursive: true });
    // Write then rename: a reader never sees half a file.
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
    await fs.writeFile(tmp, image.buffer);
    await fs.rename(tmp, file);
  }
  return { storage: "local", storageKey };
}

/** Absolute path of a local media file; throws on a key that is not ours (no path traversal). */
export function localMediaPath(env: Pick<Env, "mediaDir">, storageKey: string): string {
  if (!LOCAL_KEY_RE.test(storageKey)) throw new Error(`Not a local media key: ${storageKey}`);
  return path.join(env.mediaDir, storageKey);
}

/** The bytes of a locally stored image, or null when the key is not ours or the file is gone. */
export async function readLocalMedia(env: Pick<Env, "mediaDir">, storageKey: string): Promise<Buffer | null> {
  if (!LOCAL_KEY_RE.test(storageKey)) return null;
  try {
    return await fs.readFile(path.join(env.mediaDir, storageKey));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * Where the browser loads an image. Local files and non-public rows go through `/media/<id>`
 * (the route checks is_public or staff rights); public Cloudinary images come from its CDN.
 */
export function mediaUrl(row: Pick<MediaRow, "id" | "storage" | "storageKey" | "isPublic">, env: Partial<Pick<Env, "CLOUDINARY_URL">> = getEnv()): string {
  if (row.storage === "cloudinary" && row.isPublic && env.CLOUDINARY_URL) {
    return cloudinaryDeliveryUrl(row.storageKey, parseCloudinaryUrl(env.CLOUDINARY_URL).cloudName);
  }
  return `/media/${row.id}`;
}

/** A transformed delivery URL (never the stored original): f_auto,q_auto,c_limit,w_1600. */
export function cloudinaryDeliveryUrl(publicId: string, cloudName: string, width = 1600): string {
  const id = publicId.split("/").map(encodeURIComponent).join("/");
  return `https://res.cloudinary.com/${encodeURIComponent(cloudName)}/image/upload/f_auto,q_auto,c_limit,w_${width}/${id}`;
}

export interface CloudinaryCredentials {
  cloudName: string;
  apiKey: string;
  apiSecret: string;
}

/** cloudinary://<key>:<secret>@<cloud> */
export function parseCloudinaryUrl(value: string): CloudinaryCredentials {
  const m = /^cloudinary:\/\/([^:]+):([^@]+)@([\w-]+)$/.exec(value.trim());
  if (!m) throw new Error("CLOUDINARY_URL must look like cloudinary://<key>:<secret>@<cloud>");
  return { apiKey: decodeURIComponent(m[1]), apiSecret: decodeURIComponent(m[2]), cloudName: m[3] };
}

async function uploadToCloudinary(image: SanitizedImage, creds: CloudinaryCredentials): Promise<string> {
  const { v2: cloudinary } = await import("cloudinary");
  return new Promise<string>((resolve, reject) => {
    const stream = cloudinary.uploader.upload_stream(
      {
        cloud_name: creds.cloudName,
        api_key: creds.apiKey,
        api_secret: creds.apiSecret,
        folder: CLOUDINARY_FOLDER,
        public_id: image.sha256,
        // Content-addressed: the same id is the same bytes, so an existing one is kept.
        overwrite: false,
        resource_type: "image",
      },
      (error, result) => {
        if (error || !result) reject(error ?? new Error("Cloudinary returned no result"));
        else resolve(result.public_id);
      },
    );
    stream.end(image.buffer);
  });
}
