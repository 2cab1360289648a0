import { describe, expect, it } from "vitest";
import { daysLeft, formatDate } from "../../app/utils/format";

describe("dates shown to donors", () => {
  it("are written dd/MM/yyyy in Vietnamese, on Vietnam's calendar", () => {
    // 17:30 UTC on 30 Nov is already 1 December in Vietnam.
    expect(formatDate("2026-11-30T17:30:00.000Z", "vi")).toBe("01/12/2026");
    expect(formatDate(new Date("2026-11-20T03:00:00.000Z"), "vi")).toBe("20/11/2026");
  });

  it("take a calendar day (a deadline) as that day, whatever the time zone", () => {
    expect(formatDate("2027-02-05", "vi")).toBe("05/02/2027");
    expect(formatDate("2027-02-05", "en")).toBe("5 Feb 2027");
  });

  it("are empty for a missing or broken date rather than 'Invalid Date'", () => {
    expect(formatDate(null, "vi")).toBe("");
    expect(formatDate("not a date", "vi")).toBe("");
  });
});

describe("days left before a deadline", () => {
  const now = "2026-11-20T03:00:00.000Z"; // 10:00 in Vietnam
  it("counts whole days in Vietnam, 0 on the last day, negative once passed", () => {
    expect(daysLeft("2026-11-30", now)).toBe(10);
    expect(daysLeft("2026-11-20", now)).toBe(0);
    expect(daysLeft("2026-11-19", now)).toBe(-1);
  });

  it("switches day at midnight in Vietnam, not at midnight UTC", () => {
    expect(daysLeft("2026-11-21", "2026-11-20T16:59:00.000Z")).toBe(1); // 23:59 on the 20th
    expect(daysLeft("2026-11-21", "2026-11-20T17:00:00.000Z")).toBe(0); // 00:00 on the 21st
  });

  it("is null without a deadline", () => {
    expect(daysLeft(null, now)).toBeNull();
  });
});
