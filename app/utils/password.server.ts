import { hash, verify } from "@node-rs/argon2";

// argon2id with the OWASP minimum (19 MiB, 2 passes, 1 lane). The parameters live in the PHC
// string, so raising them later still verifies old hashes (see needsRehash).

/** `Algorithm.Argon2id` in @node-rs/argon2; its enum is a `const enum`, unusable with isolatedModules. */
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Longer input is refused: hashing is deliberately costly, and nobody types 1,000 characters. */
export const MAX_PASSWORD_LENGTH = 1024;

export async function hashPassword(password: string): Promise<string> {
  if (password.length === 0 || password.length > MAX_PASSWORD_LENGTH) {
    throw new RangeError(`A password has 1–${MAX_PASSWORD_LENGTH} characters.`);
  }
  return hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * True when `password` matches the PHC string. A missing hash (unknown user, account without a
 * password) still costs one verification, so response time does not tell whether an email exists.
 */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  if (!passwordHash) {
    dummyHash ??= hash("trao-timing-equaliser", OPTIONS);
    await verify(await dummyHash, password || " ").catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // malformed hash string
  }
}

/** True when the stored hash was made with weaker (or other) parameters than today's. */
export function needsRehash(passwordHash: string): boolean {
  const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(passwordHash);
  if (!m) return true;
  return Number(m[1]) < OPTIONS.memoryCost || Number(m[2]) < OPTIONS.timeCost || Number(m[3]) !== OPTIONS.parallelism;
}
