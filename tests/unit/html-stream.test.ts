import { describe, expect, it } from "vitest";
import { collectHtml } from "../../app/utils/html-stream.server";

async function render(chunks: Buffer[]): Promise<string> {
  const { sink, done } = collectHtml();
  for (const chunk of chunks) sink.write(chunk);
  sink.end();
  return (await done).toString("utf8");
}

describe("server-rendered HTML", () => {
  it("reaches the browser without the NUL bytes React 18 leaves at its 2 KB buffer edges", async () => {
    // What React 18.3 emits when "ậ" (3 bytes) does not fit at the end of a buffer.
    const chunks = [Buffer.concat([Buffer.from("<h3>Dụng cụ học t"), Buffer.from([0, 0])]), Buffer.from("ập</h3>")];
    expect(await render(chunks)).toBe("<h3>Dụng cụ học tập</h3>");
  });

  it("drops NUL bytes anywhere in a chunk, not only at its end", async () => {
    const chunk = Buffer.concat([Buffer.from([0]), Buffer.from("Trao"), Buffer.from([0, 0]), Buffer.from(" nhận"), Buffer.from([0])]);
    expect(await render([chunk, Buffer.from([0, 0, 0])])).toBe("Trao nhận");
  });

  it("joins chunks without NUL untouched, in order", async () => {
    expect(await render([Buffer.from("Trao nhận "), Buffer.from("yêu thương")])).toBe("Trao nhận yêu thương");
  });

  it("fails the page when the render is destroyed with an error", async () => {
    const { sink, done } = collectHtml();
    sink.destroy(new Error("render aborted"));
    await expect(done).rejects.toThrow("render aborted");
  });
});
