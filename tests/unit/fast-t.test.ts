import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import i18nConfig, { resources, supportedLngs } from "../../app/i18n";
import { fastT, type TKey } from "../../app/utils/fast-t";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

// Every key once, with its plural suffix removed (fastT picks the form from `count`).
const allKeys = [...new Set(keys(resources.vi.common).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, "")))] as TKey[];
const vars = { count: 3, title: "Ghe máy cho ông T.", goal: "1.250.000 ₫", percent: 42, commune: "Phường Rạch Giá", province: "An Giang", name: "Kiên Giang", q: "ngư dân" };

describe("the card text fast path", () => {
  it("gives exactly what i18next gives, for every key in both languages", async () => {
    for (const lng of supportedLngs) {
      const i18n = createInstance();
      await i18n.init({ ...i18nConfig, lng });
      for (const key of allKeys) {
        // Every plural form: none, one, two, a few, many.
        for (const count of [0, 1, 2, 5, 21]) {
          const variables = { ...vars, count };
          expect(fastT(lng, key, variables), `${lng} ${key} count=${count}`).toBe((i18n.t as (k: string, o: object) => string)(key, variables));
        }
      }
    }
  });

  it("chooses the singular and plural forms the way i18next does", async () => {
    const i18n = createInstance();
    await i18n.init({ ...i18nConfig, lng: "en" });
    for (const count of [0, 1, 2, 21]) expect(fastT("en", "common.daysLeft", { count })).toBe(i18n.t("common.daysLeft", { count }));
    expect(fastT("en", "common.daysLeft", { count: 1 })).not.toBe(fastT("en", "common.daysLeft", { count: 2 }));
  });

  it("falls back to Vietnamese for an unknown language and to the key for an unknown key", () => {
    expect(fastT("fr", "common.verified")).toBe(fastT("vi", "common.verified"));
    expect(fastT("vi", "common.noSuchKey" as TKey)).toBe("common.noSuchKey");
  });
});
