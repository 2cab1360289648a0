import { Transform } from "node:stream";

/**
 * React 18.3's streaming renderer encodes into a 2 KB buffer and, when a multi-byte character
 * (most Vietnamese letters) does not fit at its end, flushes the whole buffer anyway: the unused
 * bytes go out as NUL (facebook/react#26228, fixed in React 19). The character itself is written
 * in the next chunk, so dropping NUL bytes restores the exact HTML. Valid HTML never contains NUL.
 */
export function stripNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, chunk.includes(0) ? Buffer.from(chunk.filter((byte) => byte !== 0)) : chunk);
    },
  });
}
