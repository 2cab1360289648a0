// Client-safe money helpers. Money is an integer number of đồng, never a float.

export const MIN_GIFT = 10_000;
/** Largest amount the ledger accepts in one line: well inside Number.MAX_SAFE_INTEGER. */
export const MAX_AMOUNT = 1_000_000_000_000_000;

export function isMoney(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && Math.abs(value) <= MAX_AMOUNT;
}

/** A SUM() comes back as a string (postgres.js), bigint or number (PGlite): make it a checked integer. */
export function toMoney(value: unknown): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === "bigint" ? Number(value) : typeof value === "string" ? Number(value) : (value as number);
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not an integer amount of đồng: ${String(value)}`);
  return n;
}

const vndFormat = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });

/** 1250000 → "1.250.000 ₫" (Vietnamese grouping in both languages, as on bank statements). */
export function formatVnd(amount: number): string {
  return `${vndFormat.format(amount)}\u00a0₫`;
}

/** "1.250.000", "1,250,000", "1 250 000 ₫" → 1250000; null when it is not a whole number of đồng. */
export function parseVnd(input: string): number | null {
  const digits = input.replace(/[\s.,_₫đ]|vnd/gi, "");
  if (!/^\d{1,16}$/.test(digits)) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}

/** Whole percent of a goal, capped at 100; 0 when there is no goal. */
export function percentOf(raised: number, goal: number): number {
  if (goal <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((raised * 100) / goal)));
}
