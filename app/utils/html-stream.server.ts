import { Writable } from "node:stream";

/**
 * Collects React's server render into one Buffer, for one write (and one gzip pass) per page
 * instead of one per 2 KB chunk through the web-stream bridge.
 *
 * React 18.3's streaming renderer encodes into a 2 KB buffer and, when a multi-byte character
 * (most Vietnamese letters) does not fit at its end, flushes the whole buffer anyway: the unused
 * bytes go out as NUL (facebook/react#26228, fixed in React 19). The character itself is written
 * in the next chunk, so dropping NUL bytes restores the exact HTML. Valid HTML never contains NUL.
 */
export function collectHtml(): { sink: Writable; done: Promise<Buffer> } {
  const chunks: Buffer[] = [];
  let resolve!: (body: Buffer) => void;
  let reject!: (error: Error) => void;
  const done = new Promise<Buffer>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      // The runs between NUL bytes, as views of the chunk (React does not reuse a flushed buffer).
      let start = 0;
      for (let nul = chunk.indexOf(0); nul !== -1; nul = chunk.indexOf(0, start)) {
        if (nul > start) chunks.push(chunk.subarray(start, nul));
        start = nul + 1;
      }
      if (start < chunk.length) chunks.push(start === 0 ? chunk : chunk.subarray(start));
      callback();
    },
    final(callback) {
      resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
      callback();
    },
    destroy(error, callback) {
      if (error) reject(error);
      callback(error);
    },
  });
  sink.on("error", () => {}); // reported through `done`
  return { sink, done };
}
