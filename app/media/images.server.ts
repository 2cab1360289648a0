import crypto from "node:crypto";
import sharp from "sharp";
import { DomainError } from "../utils/errors";

// Every stored image passes through here: EXIF orientation baked into the pixels, then all
// metadata (EXIF, GPS, XMP, IPTC, ICC) dropped by re-encoding. Never call keepMetadata(),
// withMetadata(), keepExif() or keepXmp() on this pipeline.

export const MAX_IMAGE_SIDE = 2048;
/** Decompression-bomb guard: about a 7,700 × 5,200 photo. */
export const MAX_INPUT_PIXELS = 40_000_000;
/** Raster formats people upload from phones and cameras. SVG and PDF are refused (documents, not photos). */
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "gif", "heif", "avif", "tiff"]);

declare const sanitized: unique symbol;

export interface SanitizedImage {
  buffer: Buffer;
  width: number;
  height: number;
  mime: "image/jpeg";
  /** Hex SHA-256 of `buffer`: the storage key and a dedupe key. */
  sha256: string;
  /** Only sanitizeImage makes one, so storage can trust it was re-encoded. */
  readonly [sanitized]: true;
}

export async function sanitizeImage(input: Buffer): Promise<SanitizedImage> {
  const options = { failOn: "error", limitInputPixels: MAX_INPUT_PIXELS } as const;
  let format: string | undefined;
  try {
    format = (await sharp(input, options).metadata()).format;
  } catch (error) {
    throw invalid(error);
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) {
    throw new DomainError("MEDIA_UNSUPPORTED_FORMAT", `Unsupported image format${format ? ` (${format})` : ""}: use JPEG, PNG, WebP or HEIC.`, { format });
  }
  try {
    const { data, info } = await sharp(input, options)
      .rotate()
      .resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    const sha256 = crypto.createHash("sha256").update(data).digest("hex");
    return { buffer: data, width: info.width, height: info.height, mime: "image/jpeg", sha256 } as SanitizedImage;
  } catch (error) {
    throw invalid(error);
  }
}

export function isSanitizedImage(value: unknown): value is SanitizedImage {
  const v = value as Partial<SanitizedImage> | null;
  return Boolean(v && Buffer.isBuffer(v.buffer) && v.mime === "image/jpeg" && typeof v.sha256 === "string" && /^[0-9a-f]{64}$/.test(v.sha256));
}

function invalid(error: unknown): DomainError {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) {
    return new DomainError("MEDIA_TOO_LARGE", `The image has more than ${MAX_INPUT_PIXELS.toLocaleString("en")} pixels.`);
  }
  return new DomainError("MEDIA_INVALID_IMAGE", "The file is not a readable image.", { cause: message });
}
