// Client-safe date helpers. Every date is shown as it is in Vietnam (Asia/Ho_Chi_Minh), whatever
// the server's or the browser's own time zone, so the page renders the same on both sides.

export const TIME_ZONE = "Asia/Ho_Chi_Minh";
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

type DateInput = Date | string | number;

const formats = {
  // 20/11/2026
  vi: new Intl.DateTimeFormat("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: TIME_ZONE }),
  // 20 Nov 2026
  en: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: TIME_ZONE }),
};
const dateOnlyFormats = {
  vi: new Intl.DateTimeFormat("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
};

function toDate(value: DateInput): { date: Date; dateOnly: boolean } | null {
  if (typeof value === "string") {
    const m = DATE_ONLY.exec(value);
    // "2026-11-30" is a calendar day (a deadline, a spending date), not an instant.
    if (m) return { date: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))), dateOnly: true };
  }
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : { date, dateOnly: false };
}

/** "20/11/2026" (vi) or "20 Nov 2026" (en), on Vietnam's calendar; "" for a missing or bad date. */
export function formatDate(value: DateInput | null | undefined, locale: string): string {
  if (value === null || value === undefined) return "";
  const d = toDate(value);
  if (!d) return "";
  const lng = locale === "en" ? "en" : "vi";
  if (d.dateOnly) return dateOnlyFormats[lng].format(d.date);
  if (lng === "vi") {
    // Built from parts: dd/MM/yyyy whatever the ICU version's punctuation.
    const parts = Object.fromEntries(formats.vi.formatToParts(d.date).map((p) => [p.type, p.value]));
    return `${parts.day}/${parts.month}/${parts.year}`;
  }
  return formats.en.format(d.date);
}

const numberVi = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });
const numberEn = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

// Building an Intl.DateTimeFormat costs far more than using one: make it once.
const dayParts = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: TIME_ZONE });

// A list renders "days left" for every card against the same render time: remember the last one.
let lastInstant = Number.NaN;
let lastDay = Number.NaN;

/** The calendar day in Vietnam at an instant, as a UTC midnight timestamp (for day arithmetic). */
export function vietnamDay(value: DateInput): number {
  const d = toDate(value);
  if (!d) return Number.NaN;
  if (d.dateOnly) return d.date.getTime();
  const instant = d.date.getTime();
  if (instant === lastInstant) return lastDay;
  const parts = Object.fromEntries(dayParts.formatToParts(d.date).map((p) => [p.type, p.value]));
  lastDay = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
  lastInstant = instant;
  return lastDay;
}

/**
 * Whole days from today (in Vietnam) to the deadline day: 0 on the last day, negative once it has
 * passed. Null without a deadline.
 */
export function daysLeft(deadline: DateInput | null | undefined, now: DateInput = new Date()): number | null {
  if (deadline === null || deadline === undefined) return null;
  const end = vietnamDay(deadline);
  const today = vietnamDay(now);
  if (Number.isNaN(end) || Number.isNaN(today)) return null;
  return Math.round((end - today) / DAY_MS);
}

/** 1234 → "1.234" (vi) / "1,234" (en). */
export function formatNumber(value: number, locale: string): string {
  return (locale === "en" ? numberEn : numberVi).format(value);
}
