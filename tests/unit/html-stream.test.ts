import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { stripNulBytes } from "../../app/utils/html-stream.server";

describe("server-rendered HTML", () => {
  it("reaches the browser without the NUL bytes React 18 leaves at its 2 KB buffer edges", async () => {
    // What React 18.3 emits when "ậ" (3 bytes) does not fit at the end of a buffer.
    const chunks = [Buffer.concat([Buffer.from("<h3>Dụng cụ học t"), Buffer.from([0])]), Buffer.from("ập</h3>")];
    const html = await text(Readable.from(chunks).pipe(stripNulBytes()));
    expect(html).toBe("<h3>Dụng cụ học tập</h3>");
  });

  it("passes chunks without NUL through untouched", async () => {
    const html = await text(Readable.from([Buffer.from("Trao nhận "), Buffer.from("yêu thương")]).pipe(stripNulBytes()));
    expect(html).toBe("Trao nhận yêu thương");
  });
});
