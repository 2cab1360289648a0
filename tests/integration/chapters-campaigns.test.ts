import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import type { AddressStatus, ChapterLevel } from "../../db/enums";
import { addressCampaigns, addresses, campaigns, chapters, needs, pledges, statsRollups } from "../../db/schema";
import { getCampaign, listCampaignAddresses, listCampaigns } from "../../app/models/campaign.server";
import { decodeChapterCursor, getChapter, listChapterAddresses } from "../../app/models/chapter.server";
import { computeCampaignFigures, refreshStats } from "../../app/models/stats.server";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

// Chapter and campaign pages' models on a small world: a tree of five chapters, addresses in
// every status, two campaigns of each linking kind, and cached totals set by hand.

let t: TestDatabase;
let w: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  t = await createTestDatabase();
  w = await buildWorld(t.db);
});
afterAll(async () => t?.cleanup());

async function chapter(db: Db, slug: string, level: ChapterLevel, parent?: { id: number; path: string }, extra: Partial<typeof chapters.$inferInsert> = {}) {
  const [row] = await db
    .insert(chapters)
    .values({ slug, name: `Hội CTĐ ${slug}`, level, parentId: parent?.id, path: `/tmp-${slug}/`, unitKind: level === "unit" ? "school" : null, ...extra })
    .returning();
  const path = `${parent?.path ?? "/"}${row.id}/`;
  await db.update(chapters).set({ path }).where(eq(chapters.id, row.id));
  return { id: row.id, path, slug };
}

let seq = 0;
async function address(
  db: Db,
  chapterId: number,
  status: AddressStatus,
  o: { urgency?: number; deadline?: string; raised?: number; goal?: number; programmeId?: number; province?: string } = {},
) {
  const n = ++seq;
  const [row] = await db
    .insert(addresses)
    .values({
      slug: `dia-chi-${n}`,
      chapterId,
      category: "poor_household",
      title: `Địa chỉ số ${n}`,
      summary: "Gia đình cần giúp đỡ.",
      publicAlias: `Gia đình chị H${n}.`,
      province: o.province ?? "An Giang",
      commune: "Phường Rạch Giá",
      status,
      urgency: o.urgency ?? 2,
      deadline: o.deadline,
      programmeId: o.programmeId,
    })
    .returning();
  if (o.goal) await db.insert(needs).values({ addressId: row.id, title: "Gạo", kind: "cash", quantity: 1, unit: "bao", unitCost: o.goal, amount: o.goal });
  // Stand-in for the ledger's cached totals (the row is made by a trigger with the address).
  if (o.raised) await db.execute(sql`update address_totals set raised = ${o.raised}, gifts = 1 where address_id = ${row.id}`);
  return { id: row.id, slug: row.slug, status };
}

async function buildWorld(db: Db) {
  const central = await chapter(db, "trung-uong", "central", undefined, {
    contactEmail: "tw@chapters.trao.test",
    contactPhone: "024 3822 4030",
    bankBin: "970436",
    bankAccountNumber: "0011002600123",
    bankAccountName: "TRUNG UONG HOI CHU THAP DO VIET NAM",
  });
  const angiang = await chapter(db, "an-giang", "province", central, { province: "An Giang" });
  const rachgia = await chapter(db, "rach-gia", "commune", angiang, { province: "An Giang", commune: "phường Rạch Giá" });
  const school = await chapter(db, "thcs-nguyen-trung-truc", "unit", rachgia, { province: "An Giang", commune: "phường Rạch Giá" });
  const camau = await chapter(db, "ca-mau", "province", central, { province: "Cà Mau", bankBin: "999999", bankAccountNumber: "123456" });

  const [programme] = await db
    .insert(campaigns)
    .values({ slug: "an-toan-cho-ngu-dan", kind: "programme", title: "An toàn cho ngư dân", organiserChapterId: central.id, goal: 1_000_000, startsOn: "2025-01-01" })
    .returning();
  const [appeal] = await db
    .insert(campaigns)
    .values({
      slug: "cuu-tro-lu",
      kind: "appeal",
      title: "Cứu trợ lũ",
      summary: "Sau lũ.",
      description: "Đợt **cứu trợ**.\n\n<script>alert(1)</script>",
      organiserChapterId: angiang.id,
      goal: 2_000_000,
      startsOn: "2026-10-28",
      endsOn: "2026-12-31",
      bankBin: "970415",
      bankAccountNumber: "104002699888",
      bankAccountName: "HOI CTD CUU TRO LU",
    })
    .returning();
  const [month] = await db
    .insert(campaigns)
    .values({ slug: "thang-nhan-dao-2026", kind: "month", status: "ended", title: "Tháng Nhân đạo 2026", organiserChapterId: central.id, startsOn: "2026-05-01", endsOn: "2026-05-31" })
    .returning();
  const [draft] = await db.insert(campaigns).values({ slug: "ban-nhap", kind: "appeal", status: "draft", title: "Bản nháp", organiserChapterId: central.id }).returning();

  // An Giang subtree: 9 public addresses in three chapters, plus three that are not public.
  const inTree = [
    await address(db, angiang.id, "published", { urgency: 4, raised: 100_000, goal: 500_000, programmeId: programme.id }),
    await address(db, rachgia.id, "published", { urgency: 3, deadline: "2026-12-01", raised: 200_000, goal: 400_000, programmeId: programme.id }),
    await address(db, rachgia.id, "published", { urgency: 3, deadline: "2026-11-25" }),
    await address(db, school.id, "funded", { urgency: 2, raised: 300_000, goal: 300_000 }),
    await address(db, school.id, "published", { urgency: 1 }),
    await address(db, rachgia.id, "completed", { urgency: 4, raised: 50_000, goal: 50_000 }),
    await address(db, school.id, "closed", { urgency: 2 }),
    await address(db, angiang.id, "published", { urgency: 2 }),
    await address(db, angiang.id, "funded", { urgency: 1 }),
  ];
  const hidden = [await address(db, rachgia.id, "draft", { urgency: 4 }), await address(db, school.id, "submitted", { urgency: 4 }), await address(db, angiang.id, "rejected", { urgency: 4 })];
  const elsewhere = [await address(db, camau.id, "published", { urgency: 4, raised: 1_000_000, goal: 2_000_000, province: "Cà Mau", programmeId: programme.id })];

  await db.insert(addressCampaigns).values([
    { addressId: inTree[1].id, campaignId: appeal.id },
    { addressId: inTree[3].id, campaignId: appeal.id },
    { addressId: elsewhere[0].id, campaignId: appeal.id },
    { addressId: inTree[5].id, campaignId: month.id },
    // A programme's addresses come from programme_id: this link does not count for it.
    { addressId: inTree[4].id, campaignId: programme.id },
  ]);
  await db.insert(pledges).values([
    { publicCode: "TRAOAAAAAA", addressId: inTree[1].id, donorName: "Chị Lan", guestEmail: "lan@example.vn", amount: 200_000, method: "bank_transfer", status: "paid" },
    { publicCode: "TRAOBBBBBB", addressId: inTree[3].id, donorName: "Chị Lan", guestEmail: "LAN@example.vn", amount: 300_000, method: "bank_transfer", status: "paid" },
    { publicCode: "TRAOCCCCCC", addressId: elsewhere[0].id, donorName: "Anh Minh", amount: 1_000_000, method: "cash", status: "paid" },
  ]);
  return { central, angiang, rachgia, school, camau, programme, appeal, month, draft, inTree, hidden, elsewhere };
}

async function allChapterPages(path: string, limit: number, strategy: "auto" | "dense" | "sparse" = "auto") {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const page = await listChapterAddresses(t.db, { path, cursor, limit, strategy });
    pages.push(page.items.map((a) => a.slug));
    cursor = page.nextCursor;
  } while (cursor && pages.length < 20);
  return pages;
}

describe("a chapter page", () => {
  it("answers null for an unknown or malformed slug", async () => {
    expect(await getChapter(t.db, { slug: "khong-co" })).toBeNull();
    expect(await getChapter(t.db, { slug: "../x" })).toBeNull();
  });

  it("shows the way up to the central chapter and the chapters directly below", async () => {
    const school = await getChapter(t.db, { slug: w.school.slug });
    expect(school?.ancestors.map((a) => a.slug)).toEqual(["trung-uong", "an-giang", "rach-gia"]);
    expect(school).toMatchObject({ level: "unit", unitKind: "school", children: [] });
    const central = await getChapter(t.db, { slug: "trung-uong" });
    expect(central?.ancestors).toEqual([]);
    expect(central?.children.map((c) => c.slug).sort()).toEqual(["an-giang", "ca-mau"]);
  });

  it("shows the chapter's public contact and its account with the bank's name", async () => {
    const central = await getChapter(t.db, { slug: "trung-uong" });
    expect(central?.contact).toMatchObject({ email: "tw@chapters.trao.test", phone: "024 3822 4030" });
    expect(central?.account).toEqual({ bin: "970436", bankName: "Vietcombank", number: "0011002600123", holder: "TRUNG UONG HOI CHU THAP DO VIET NAM" });
    const camau = await getChapter(t.db, { slug: "ca-mau" });
    expect(camau?.account).toMatchObject({ bin: "999999", bankName: null, number: "123456" });
    expect((await getChapter(t.db, { slug: "rach-gia" }))?.account).toBeNull();
  });

  it("shows zeros before the figures are first compiled, then the whole subtree's figures", async () => {
    expect((await getChapter(t.db, { slug: "an-giang" }))?.figures).toEqual({
      raised: 0,
      disbursed: 0,
      gifts: 0,
      donors: 0,
      addressesHelped: 0,
      addressesListed: 0,
      computedAt: null,
    });
    await refreshStats(t.db);
    const angiang = await getChapter(t.db, { slug: "an-giang" });
    expect(angiang?.figures).toMatchObject({ raised: 650_000, gifts: 4, donors: 1, addressesHelped: 4, addressesListed: 7 });
    expect(angiang?.figures.computedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await getChapter(t.db, { slug: "rach-gia" }))?.figures).toMatchObject({ raised: 550_000, addressesListed: 4 });
    expect((await getChapter(t.db, { slug: "trung-uong" }))?.figures).toMatchObject({ raised: 1_650_000, donors: 2 });
  });

  it("lists the public addresses of the chapter and every chapter below, open ones first, most urgent first", async () => {
    const page = await listChapterAddresses(t.db, { path: w.angiang.path });
    const slugs = page.items.map((a) => a.slug);
    expect(page.nextCursor).toBeNull();
    expect(slugs.sort()).toEqual(w.inTree.map((a) => a.slug).sort());
    const ordered = page.items.map((a) => [a.status, a.urgency]);
    expect(ordered).toEqual([
      ["published", 4],
      ["published", 3],
      ["published", 3],
      ["funded", 2],
      ["published", 2],
      ["published", 1],
      ["funded", 1],
      ["completed", 4],
      ["closed", 2],
    ]);
    // Same urgency: the nearest deadline first.
    expect(page.items[1].deadline).toBe("2026-11-25");
    for (const hidden of w.hidden) expect(slugs).not.toContain(hidden.slug);
    expect(slugs).not.toContain(w.elsewhere[0].slug);
  });

  it("pages through the subtree with cursors, every address once, in the same order", async () => {
    const whole = (await listChapterAddresses(t.db, { path: w.angiang.path })).items.map((a) => a.slug);
    for (const limit of [1, 2, 4, 7, 8]) {
      const pages = await allChapterPages(w.angiang.path, limit);
      expect(pages.flat()).toEqual(whole);
      expect(pages.every((p) => p.length <= limit)).toBe(true);
    }
    const unit = await allChapterPages(w.school.path, 2);
    expect(unit.flat().sort()).toEqual([w.inTree[3].slug, w.inTree[4].slug, w.inTree[6].slug].sort());
  });

  it("gives the same pages whether it walks the site-wide order (big subtrees) or the chapters' own addresses (small ones)", async () => {
    for (const chapter of [w.central, w.angiang, w.rachgia, w.school, w.camau]) {
      for (const limit of [1, 3, 12]) {
        const dense = await allChapterPages(chapter.path, limit, "dense");
        expect(await allChapterPages(chapter.path, limit, "sparse")).toEqual(dense);
        expect(await allChapterPages(chapter.path, limit)).toEqual(dense);
      }
    }
  });

  it("shows the first page, flagged, for a cursor it did not make", async () => {
    const made = (keys: unknown) => Buffer.from(JSON.stringify(keys)).toString("base64url");
    for (const bad of ["not-a-cursor", made([2, -1, "x", 1]), made([0, -1, "2026-02-30", 1]), made([0, -9, "infinity", 1]), "a".repeat(500)]) {
      const page = await listChapterAddresses(t.db, { path: w.angiang.path, cursor: bad, limit: 3 });
      expect(page.invalidCursor).toBe(true);
      expect(page.items).toHaveLength(3);
    }
    expect(decodeChapterCursor(Buffer.from(JSON.stringify([0, -4, "infinity", 5])).toString("base64url"))).toEqual([0, -4, "infinity", 5]);
  });
});

describe("a campaign page", () => {
  it("answers null for an unknown slug and for a draft", async () => {
    expect(await getCampaign(t.db, { slug: "khong-co" })).toBeNull();
    expect(await getCampaign(t.db, { slug: "ban-nhap" })).toBeNull();
  });

  it("sums a programme's addresses through programme_id, and an appeal's through its address links", async () => {
    await t.db.delete(statsRollups).where(sql`scope like 'campaign:%'`);
    const programme = await getCampaign(t.db, { slug: "an-toan-cho-ngu-dan" });
    expect(programme).toMatchObject({ kind: "programme", raised: 1_300_000, goal: 1_000_000, percent: 100, account: null });
    expect(programme?.figures).toMatchObject({ raised: 1_300_000, addressesListed: 3, addressesHelped: 3, donors: 2, computedAt: null });
    const appeal = await getCampaign(t.db, { slug: "cuu-tro-lu" });
    expect(appeal).toMatchObject({ raised: 1_500_000, goal: 2_000_000, percent: 75, organiser: { slug: "an-giang" } });
    expect(appeal?.figures).toMatchObject({ gifts: 3, donors: 2, addressesListed: 3 });
    expect(appeal?.account).toEqual({ bin: "970415", bankName: "VietinBank", number: "104002699888", holder: "HOI CTD CUU TRO LU" });
    expect(appeal?.description).toContain("<script>"); // raw Markdown: the route sanitises it
  });

  it("keeps the same figures in stats_rollups after a refresh", async () => {
    const live = await computeCampaignFigures(t.db, { campaignId: w.appeal.id });
    await refreshStats(t.db);
    const [row] = await t.db.select().from(statsRollups).where(eq(statsRollups.scope, `campaign:${w.appeal.id}`));
    expect(row).toMatchObject({ raised: live.raised, disbursed: live.disbursed, gifts: live.gifts, donors: live.donors, addressesListed: live.addressesListed });
    const appeal = await getCampaign(t.db, { slug: "cuu-tro-lu" });
    expect(appeal?.figures.computedAt).not.toBeNull();
    expect(appeal?.raised).toBe(1_500_000);
    expect((await getCampaign(t.db, { slug: "thang-nhan-dao-2026" }))?.raised).toBe(50_000);
  });

  it("shows the first page of ended campaigns, flagged, for a cursor it did not make", async () => {
    for (const bad of ["x", Buffer.from(JSON.stringify(["2026-13-01", 1])).toString("base64url")]) {
      const list = await listCampaigns(t.db, { endedCursor: bad });
      expect(list.invalidCursor).toBe(true);
      expect(list.ended.map((c) => c.slug)).toEqual(["thang-nhan-dao-2026"]);
    }
  });

  it("lists active campaigns first (programmes leading), then ended ones, never drafts", async () => {
    await t.db.delete(statsRollups).where(sql`scope like 'campaign:%'`);
    // Before the figures are compiled a list shows none rather than summing every campaign's addresses.
    expect((await listCampaigns(t.db)).active.map((c) => c.raised)).toEqual([null, null]);
    await refreshStats(t.db);
    const list = await listCampaigns(t.db);
    expect(list.active.map((c) => c.slug)).toEqual(["an-toan-cho-ngu-dan", "cuu-tro-lu"]);
    expect(list.ended.map((c) => c.slug)).toEqual(["thang-nhan-dao-2026"]);
    expect(list.active[1]).toMatchObject({ raised: 1_500_000, percent: 75 });
    expect(list.nextEndedCursor).toBeNull();
  });

  it("shows the campaign's open addresses, or every public one once ended, with a link to the filtered catalogue", async () => {
    const programme = (await getCampaign(t.db, { slug: "an-toan-cho-ngu-dan" }))!;
    const p = await listCampaignAddresses(t.db, { campaign: programme });
    expect(p.items.map((a) => a.slug).sort()).toEqual([w.inTree[0].slug, w.inTree[1].slug, w.elsewhere[0].slug].sort());
    expect(p.catalogueHref).toBe("/addresses?programme=an-toan-cho-ngu-dan");
    const month = (await getCampaign(t.db, { slug: "thang-nhan-dao-2026" }))!;
    const m = await listCampaignAddresses(t.db, { campaign: month });
    expect(m.items.map((a) => a.slug)).toEqual([w.inTree[5].slug]);
    expect(m.catalogueHref).toBe("/addresses?campaign=thang-nhan-dao-2026&status=published%2Cfunded%2Ccompleted%2Cclosed");
    const appeal = (await getCampaign(t.db, { slug: "cuu-tro-lu" }))!;
    const a = await listCampaignAddresses(t.db, { campaign: appeal, limit: 2 });
    expect(a.items).toHaveLength(2);
    expect(a.more).toBe(true);
  });
});
