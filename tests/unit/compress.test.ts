import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { chooseEncoding, compressBody } from "../../app/utils/compress.server";

const page = Buffer.from(`<!DOCTYPE html><html lang="vi"><body>${"<article>Ngư dân Rạch Giá cần máy tàu</article>".repeat(200)}</body></html>`);

describe("page compression", () => {
  it("gives browsers brotli, older clients gzip, and honours q=0", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseEncoding("gzip, deflate")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("identity")).toBeNull();
    expect(chooseEncoding("gzip;q=0, br;q=0")).toBeNull();
    expect(chooseEncoding(null)).toBeNull();
  });

  it("sends a page a browser can read back exactly, smaller", () => {
    const br = compressBody(page, "gzip, deflate, br");
    expect(br.encoding).toBe("br");
    expect(br.body.byteLength).toBeLessThan(page.byteLength / 4);
    expect(zlib.brotliDecompressSync(br.body).equals(page)).toBe(true);
    const gz = compressBody(page, "gzip");
    expect(gz.encoding).toBe("gzip");
    expect(zlib.gunzipSync(gz.body).equals(page)).toBe(true);
  });

  it("leaves small bodies and clients without compression alone", () => {
    expect(compressBody(Buffer.from("<p>ok</p>"), "br")).toEqual({ encoding: null, body: Buffer.from("<p>ok</p>") });
    expect(compressBody(page, "identity").encoding).toBeNull();
  });
});
