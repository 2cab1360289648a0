import { describe, expect, it } from "vitest";
import { decodeCursor, donorDisplayName, encodeCursor, parseCatalogueQuery, searchWords } from "../../app/models/catalogue.server";
import { snakeCaseKeys } from "../../app/utils/api.server";
import { FORMER_PROVINCES, findPlace, PROVINCES } from "../../app/utils/provinces";

const parse = (qs: string) => parseCatalogueQuery(new URLSearchParams(qs));

describe("provinces", () => {
  it("lists the 34 provinces since July 2025, each with a unique slug", () => {
    expect(PROVINCES).toHaveLength(34);
    expect(new Set(PROVINCES.map((p) => p.slug)).size).toBe(34);
    expect(FORMER_PROVINCES.map((f) => f.name)).toContain("Kiên Giang");
    expect(PROVINCES.length + FORMER_PROVINCES.length).toBe(63);
  });

  it("finds a place by name or slug, with or without diacritics", () => {
    for (const value of ["Kiên Giang", "kien-giang", "kien giang", "KIÊN GIANG", "tỉnh Kiên Giang"]) {
      expect(findPlace(value)).toMatchObject({ kind: "former", name: "Kiên Giang", province: { name: "An Giang" } });
    }
    expect(findPlace("an-giang")).toMatchObject({ kind: "province", province: { name: "An Giang" } });
    for (const value of ["TP.HCM", "Hồ Chí Minh", "ho-chi-minh", "Thành phố Hồ Chí Minh", "Sài Gòn"]) {
      expect(findPlace(value)).toMatchObject({ kind: "province", province: { slug: "ho-chi-minh" } });
    }
    expect(findPlace("Bà Rịa - Vũng Tàu")).toMatchObject({ kind: "former", province: { slug: "ho-chi-minh" } });
    expect(findPlace("Atlantis")).toBeNull();
    expect(findPlace("")).toBeNull();
  });
});

describe("reading a catalogue query", () => {
  it("shows published and funded addresses, most urgent first, by default", () => {
    expect(parse("")).toMatchObject({ sort: "urgent", cursor: null, limit: null, notices: [], filters: { statuses: ["published", "funded"], q: null } });
  });

  it("sorts a search by relevance unless the donor picked a sort", () => {
    expect(parse("q=ngu dan").sort).toBe("relevance");
    expect(parse("q=ngu dan&sort=newest").sort).toBe("newest");
    expect(parse("sort=relevance")).toMatchObject({ sort: "urgent", notices: [{ code: "relevance_needs_query" }] });
  });

  it("keeps only public statuses, in either form", () => {
    expect(parse("status=completed&status=closed").filters.statuses).toEqual(["completed", "closed"]);
    expect(parse("status=closed,published").filters.statuses).toEqual(["published", "closed"]);
    const hidden = parse("status=draft,rejected");
    expect(hidden.filters.statuses).toEqual(["published", "funded"]);
    expect(hidden.notices.map((n) => [n.code, n.value])).toEqual([
      ["unknown_status", "draft"],
      ["unknown_status", "rejected"],
    ]);
  });

  it("turns every value it cannot use into a notice instead of an error", () => {
    const q = parse(`category=ufo&province=Mars&programme=${"x".repeat(300)}&campaign=a b&sort=best&cursor=%%%&limit=0&q=${"a".repeat(3000)}`);
    expect(q.notices.map((n) => n.code).sort()).toEqual(
      ["invalid_cursor", "invalid_limit", "query_too_long", "unknown_campaign", "unknown_category", "unknown_programme", "unknown_province", "unknown_sort"].sort(),
    );
    for (const n of q.notices) expect(n.value.length).toBeLessThanOrEqual(41);
    expect(q.filters).toMatchObject({ category: null, place: null, programme: null, campaign: null, q: null });
  });

  it("cuts a long search to 200 characters and says so", () => {
    const q = parse(`q=${encodeURIComponent("ngư dân ".repeat(40))}`);
    expect(q.filters.q?.length).toBe(200);
    expect(q.notices.map((n) => n.code)).toEqual(["query_too_long"]);
  });

  it("reads a search that is exactly a province's name as that place", () => {
    expect(parse("q=Kiên Giang")).toMatchObject({ sort: "urgent", filters: { q: null, place: { kind: "former", name: "Kiên Giang" } }, notices: [{ code: "query_is_place" }] });
    expect(parse("q=hue").filters.place).toMatchObject({ kind: "province", province: { name: "Huế" } });
    expect(parse("q=ngu dan kien giang").filters).toMatchObject({ q: "ngu dan kien giang", place: null });
    expect(parse("q=Kiên Giang&province=ca-mau").filters).toMatchObject({ q: "Kiên Giang", place: { kind: "province" } });
  });

  it("searches words without diacritics, as the index stores them", () => {
    expect(searchWords("Ngư dân, RẠCH GIÁ!")).toEqual(["ngu", "dan", "rach", "gia"]);
    expect(searchWords("Đặc khu Phú Quốc")).toEqual(["dac", "khu", "phu", "quoc"]);
    expect(searchWords("':* & | ! ()")).toEqual([]);
    expect(parse("q=%27%3A*%20%26").filters.q).toBeNull();
  });
});

describe("cursors", () => {
  it("round-trip, and refuse anything this code did not make", () => {
    const c = { sort: "newest" as const, keys: ["2026-10-20T08:00:00.123456Z", 42], direction: "prev" as const, inclusive: false };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    const r = { sort: "relevance" as const, keys: [-1500000, 7], direction: "next" as const, inclusive: true, prefix: true };
    expect(decodeCursor(encodeCursor(r))).toEqual(r);
    const bad = (body: unknown) => Buffer.from(JSON.stringify(body)).toString("base64url");
    expect(decodeCursor(bad({ s: "urgent", k: [-4, "2026-12-01", 1], d: "next" }))).not.toBeNull();
    expect(decodeCursor(bad({ s: "urgent", k: [-4, "2026-12-01'; drop table", 1], d: "next" }))).toBeNull();
    expect(decodeCursor(bad({ s: "newest", k: ["yesterday", 1], d: "next" }))).toBeNull();
    expect(decodeCursor(bad({ s: "least_funded", k: [1001, 1], d: "next" }))).toBeNull();
    expect(decodeCursor(bad({ s: "urgent", k: [-4, "2026-12-01", 1], d: "sideways" }))).toBeNull();
    expect(decodeCursor("not base64 at all!")).toBeNull();
  });

  it("carry their sort, and are void under another chosen sort", () => {
    const cursor = encodeCursor({ sort: "least_funded", keys: [10, 5], direction: "next", inclusive: false });
    expect(parse(`cursor=${cursor}&sort=least_funded`)).toMatchObject({ sort: "least_funded", notices: [] });
    expect(parse(`cursor=${cursor}`)).toMatchObject({ sort: "least_funded", notices: [] });
    expect(parse(`cursor=${cursor}&sort=newest`)).toMatchObject({ sort: "newest", cursor: null, notices: [{ code: "invalid_cursor" }] });
    const ranked = encodeCursor({ sort: "relevance", keys: [-5, 5], direction: "next", inclusive: false });
    expect(parse(`cursor=${ranked}`)).toMatchObject({ sort: "urgent", cursor: null, notices: [{ code: "invalid_cursor" }] });
    expect(parse(`cursor=${ranked}&q=ngu`)).toMatchObject({ sort: "relevance", notices: [] });
  });
});

describe("public names", () => {
  it("show donors as they chose", () => {
    expect(donorDisplayName("Nguyễn Văn An", "full")).toBe("Nguyễn Văn An");
    expect(donorDisplayName("Nguyễn Văn An", "initials")).toBe("N.V.A.");
    expect(donorDisplayName("Đỗ Thị Ánh", "initials")).toBe("Đ.T.A.");
    expect(donorDisplayName("Nguyễn Văn An", "anonymous")).toBeNull();
  });

  it("give the API snake_case keys", () => {
    expect(snakeCaseKeys({ publicAlias: "x", chapter: { verifiedAt: null }, needs: [{ unitCost: 1 }] })).toEqual({
      public_alias: "x",
      chapter: { verified_at: null },
      needs: [{ unit_cost: 1 }],
    });
  });
});
