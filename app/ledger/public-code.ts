// Client-safe: the short public code of a pledge (bank memo, receipt number, key to verify it).

/** No 0/O or 1/I: a code read aloud or copied from a phone screen survives. 32 symbols. */
export const PUBLIC_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const PUBLIC_CODE_PREFIX = "TRAO";
/** What the database accepts (check `pledges_public_code_format`). */
export const PUBLIC_CODE_RE = /^TRAO[0-9A-Z]{6,12}$/;

/**
 * "TRAO" + `length` symbols (30 bits for 6). `rng` returns floats in [0, 1) (a seeded PRNG in
 * the seed and tests); by default crypto.getRandomValues, unbiased since 256 is a multiple of 32.
 */
export function generatePublicCode(rng?: () => number, length = 6): string {
  let out = PUBLIC_CODE_PREFIX;
  if (rng) {
    for (let i = 0; i < length; i++) out += PUBLIC_CODE_ALPHABET[Math.floor(rng() * PUBLIC_CODE_ALPHABET.length) % PUBLIC_CODE_ALPHABET.length];
    return out;
  }
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  for (const b of bytes) out += PUBLIC_CODE_ALPHABET[b & 31];
  return out;
}

export function isPublicCode(value: string): boolean {
  return PUBLIC_CODE_RE.test(value);
}

/** What a person typed (" trao 7kq2-m9 ") → "TRAO7KQ2M9", or null when it cannot be a code. */
export function normalizePublicCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s\-.]/g, "");
  return isPublicCode(compact) ? compact : null;
}
