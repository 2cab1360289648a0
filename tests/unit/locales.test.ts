import { describe, expect, it } from "vitest";
import { resources } from "../../app/i18n";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("translations", () => {
  it("give every Vietnamese string an English translation, and no English string without Vietnamese", () => {
    expect(keys(resources.en.common).sort()).toEqual(keys(resources.vi.common).sort());
  });

  it("leave no string empty", () => {
    for (const lng of ["vi", "en"] as const) {
      const flat = keys(resources[lng].common).map((k) => k.split(".").reduce<any>((o, p) => o[p], resources[lng].common));
      expect(flat.every((s) => typeof s === "string" && s.trim() !== "")).toBe(true);
    }
  });
});
