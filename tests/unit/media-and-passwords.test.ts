import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { sanitizeImage } from "../../app/media/images.server";
import { cloudinaryDeliveryUrl, localMediaPath, mediaUrl, parseCloudinaryUrl, putImage, readLocalMedia } from "../../app/media/storage.server";
import { hashPassword, needsRehash, verifyPassword } from "../../app/utils/password.server";
import { isDomainError } from "../../app/utils/errors";

async function phonePhoto(): Promise<Buffer> {
  // A 3000×1000 photo taken sideways (EXIF orientation 6) with a GPS position, as phones make them.
  return sharp({ create: { width: 3000, height: 1000, channels: 3, background: "#6fb5cf" } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: "TestCam" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "10/1 1/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "105/1 5/1 0/1" } })
    .toBuffer();
}

describe("uploaded photos", () => {
  it("lose every trace of where and with what they were taken", async () => {
    const input = await phonePhoto();
    const before = await sharp(input).metadata();
    expect(before.exif).toBeDefined();
    expect(before.orientation).toBe(6);
    const out = await sanitizeImage(input);
    const meta = await sharp(out.buffer).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    // Turned upright, then bounded to 2048 px.
    expect([out.width, out.height]).toEqual([683, 2048]);
    expect(out.mime).toBe("image/jpeg");
    expect(out.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuse files that are not photos", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    await expect(sanitizeImage(svg)).rejects.toSatisfy((e) => isDomainError(e, "MEDIA_UNSUPPORTED_FORMAT"));
    await expect(sanitizeImage(Buffer.from("not an image"))).rejects.toSatisfy((e) => isDomainError(e, "MEDIA_INVALID_IMAGE"));
  });

  it("are stored once by content and read back by key only", async () => {
    const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), "trao-media-"));
    const image = await sanitizeImage(await phonePhoto());
    const a = await putImage(image, { mediaDir });
    const b = await putImage(image, { mediaDir });
    expect(a).toEqual({ storage: "local", storageKey: `${image.sha256}.jpg` });
    expect(b).toEqual(a);
    expect(await readLocalMedia({ mediaDir }, a.storageKey)).toEqual(image.buffer);
    expect(await readLocalMedia({ mediaDir }, "../secrets.json")).toBeNull();
    expect(() => localMediaPath({ mediaDir }, "../../etc/passwd")).toThrow();
  });

  it("are served from the app, or from Cloudinary's CDN when public there", () => {
    const env = { CLOUDINARY_URL: "cloudinary://key:secret@demo-cloud" };
    expect(mediaUrl({ id: 7, storage: "local", storageKey: "x.jpg", isPublic: true }, env)).toBe("/media/7");
    expect(mediaUrl({ id: 8, storage: "cloudinary", storageKey: "trao/abc", isPublic: true }, env)).toBe("https://res.cloudinary.com/demo-cloud/image/upload/f_auto,q_auto,c_limit,w_1600/trao/abc");
    expect(mediaUrl({ id: 9, storage: "cloudinary", storageKey: "trao/abc", isPublic: false }, env)).toBe("/media/9");
    expect(parseCloudinaryUrl("cloudinary://k:s@c")).toEqual({ apiKey: "k", apiSecret: "s", cloudName: "c" });
    expect(cloudinaryDeliveryUrl("trao/x", "c", 800)).toContain("c_limit,w_800");
  });
});

describe("passwords", () => {
  it("are stored as argon2id and checked without revealing unknown accounts", async () => {
    const hash = await hashPassword("trao-demo-2026");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(needsRehash(hash)).toBe(false);
    expect(await verifyPassword(hash, "trao-demo-2026")).toBe(true);
    expect(await verifyPassword(hash, "trao-demo-2025")).toBe(false);
    expect(await verifyPassword(null, "anything")).toBe(false);
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
    expect(needsRehash("$argon2id$v=19$m=4096,t=3,p=1$abc$def")).toBe(true);
  });
});
