import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbOrTx } from "../../db/client";
import type { AddressCategory, AddressStatus, NameDisplay } from "../../db/enums";
import {
  addressCampaigns,
  addresses,
  addressPrivate,
  campaigns,
  chapters,
  consents,
  disbursements,
  media,
  needs,
  pledges,
  updates,
  users,
} from "../../db/schema";
import { checkLedger } from "../../app/ledger/invariants.server";
import { postGroup } from "../../app/ledger/ledger.server";
import {
  decodeCursor,
  getPublicAddress,
  listAddresses,
  listFilterOptions,
  parseCatalogueQuery,
  type AddressCard,
  type CatalogueSort,
} from "../../app/models/catalogue.server";
import { loader as listLoader } from "../../app/routes/api.v1.addresses";
import { loader as detailLoader } from "../../app/routes/api.v1.addresses.$slug";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { execRows } from "../../db/client";

// The public catalogue on a small world: real inserts, money through the ledger door.

let t: TestDatabase;
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  t = await createTestDatabase();
  world = await buildWorld(t.db);
});
afterAll(async () => t?.cleanup());

// Private values that must never reach a public answer.
const SECRET = {
  beneficiary: "Trần Văn Bíẩn",
  location: "Số 12 hẻm 34 đường Kín Đáo",
  phone: "0909123456",
  guestEmail: "secret.donor@example.com",
  anonymousDonor: "Lê Thị Giấu Tên",
  initialsDonor: "Nguyễn Văn An",
  staffNote: "ghi chú nội bộ",
};

let seq = 0;
let pledgeSeq = 0;

async function buildWorld(db: DbOrTx) {
  const [central] = await db.insert(chapters).values({ slug: "trung-uong", name: "Trung ương Hội", level: "central", path: "/tmp-c/" }).returning();
  await db.execute(sql`update chapters set path = '/' || id || '/' where id = ${central.id}`);
  const [angiang] = await db
    .insert(chapters)
    .values({ slug: "an-giang", name: "Hội CTĐ tỉnh An Giang", level: "province", parentId: central.id, province: "An Giang", path: `/${central.id}/x/` })
    .returning();
  const [camau] = await db
    .insert(chapters)
    .values({ slug: "ca-mau", name: "Hội CTĐ tỉnh Cà Mau", level: "province", parentId: central.id, province: "Cà Mau", path: `/${central.id}/y/` })
    .returning();
  const [rachgia] = await db
    .insert(chapters)
    .values({ slug: "rach-gia", name: "Hội CTĐ phường Rạch Giá", level: "commune", parentId: angiang.id, province: "An Giang", commune: "Phường Rạch Giá", path: "/z/" })
    .returning();
  await db.execute(sql`update chapters set path = '/' || ${central.id} || '/' || id || '/' where parent_id = ${central.id}`);
  await db.execute(sql`update chapters set path = '/' || ${central.id} || '/' || ${angiang.id} || '/' || id || '/' where id = ${rachgia.id}`);

  const [editor] = await db.insert(users).values({ email: "editor@trao.test", name: "Biên tập viên", phone: "0911000111" }).returning();
  const [verifier] = await db.insert(users).values({ email: "verifier@trao.test", name: "Người xác minh" }).returning();
  const [treasurer] = await db.insert(users).values({ email: "treasurer@trao.test", name: "Thủ quỹ" }).returning();
  const [approver] = await db.insert(users).values({ email: "approver@trao.test", name: "Người duyệt" }).returning();

  const [programme] = await db
    .insert(campaigns)
    .values({ slug: "gan-ket-dia-chi-nhan-dao", kind: "programme", title: "Mỗi tổ chức, cá nhân gắn với một địa chỉ nhân đạo", organiserChapterId: central.id })
    .returning();
  const [appeal] = await db
    .insert(campaigns)
    .values({ slug: "bao-so-3", kind: "appeal", title: "Khắc phục hậu quả bão số 3", organiserChapterId: central.id, startsOn: "2026-09-01" })
    .returning();
  await db.insert(campaigns).values({ slug: "nhap", kind: "tet", status: "draft", title: "Chiến dịch nháp", organiserChapterId: central.id });

  interface Spec {
    title: string;
    summary?: string;
    category?: AddressCategory;
    province?: string;
    formerProvince?: string | null;
    commune?: string;
    chapterId?: number;
    status?: AddressStatus;
    urgency?: number;
    deadline?: string | null;
    publishedAt?: Date | null;
    goal?: number[];
    raised?: number;
    programme?: boolean;
    appeal?: boolean;
  }
  const created: { id: number; slug: string; spec: Spec; needIds: number[] }[] = [];
  async function address(spec: Spec) {
    const n = ++seq;
    const status = spec.status ?? "published";
    const [row] = await db
      .insert(addresses)
      .values({
        slug: `dia-chi-${n}`,
        chapterId: spec.chapterId ?? rachgia.id,
        category: spec.category ?? "poor_household",
        title: spec.title,
        summary: spec.summary ?? "Hoàn cảnh khó khăn cần giúp đỡ.",
        publicAlias: "Gia đình anh T.",
        province: spec.province ?? "An Giang",
        formerProvince: spec.formerProvince === undefined ? "Kiên Giang" : spec.formerProvince,
        commune: spec.commune ?? "Phường Rạch Giá",
        urgency: spec.urgency ?? 2,
        deadline: spec.deadline === undefined ? null : spec.deadline,
        status,
        createdBy: editor.id,
        verifiedBy: ["draft", "submitted", "rejected"].includes(status) ? null : verifier.id,
        verifiedChapterId: ["draft", "submitted", "rejected"].includes(status) ? null : angiang.id,
        verifiedAt: ["draft", "submitted", "rejected"].includes(status) ? null : new Date("2026-10-01T00:00:00Z"),
        reverifyDueAt: new Date("2026-01-01T00:00:00Z"),
        publishedAt: spec.publishedAt === undefined ? new Date(Date.UTC(2026, 9, 1) + n * 3_600_000) : spec.publishedAt,
        programmeId: spec.programme ? programme.id : null,
      })
      .returning();
    const needIds: number[] = [];
    for (const [i, amount] of (spec.goal ?? [1_000_000]).entries()) {
      const [need] = await db
        .insert(needs)
        .values({ addressId: row.id, title: `Khoản cần ${i + 1}`, kind: "cash", quantity: 1, unitCost: amount, amount, sortOrder: i })
        .returning();
      needIds.push(need.id);
    }
    if (spec.appeal) await db.insert(addressCampaigns).values({ addressId: row.id, campaignId: appeal.id });
    if (spec.raised) await give(db, row.id, spec.raised, { needId: needIds[0] });
    created.push({ id: row.id, slug: row.slug, spec, needIds });
    return { id: row.id, slug: row.slug, needIds };
  }

  const fisher = await address({
    title: "Hỗ trợ ngư dân sửa máy tàu ở Rạch Giá",
    summary: "Máy tàu hỏng sau mùa bão, gia đình không thể ra khơi.",
    category: "poor_fisherman",
    urgency: 4,
    deadline: "2026-12-20",
    goal: [3_000_000, 1_400_000],
    raised: 1_100_000,
    programme: true,
  });
  const net = await address({
    title: "Giúp ngư dân mua lưới mới",
    summary: "Anh đánh bắt gần Rạch Giá từ nhỏ; lưới đã rách hết.",
    category: "poor_fisherman",
    urgency: 3,
    deadline: "2027-01-15",
    goal: [2_000_000],
    raised: 500_000,
    appeal: true,
  });
  const granny = await address({
    title: "Sửa nhà cho bà cụ neo đơn",
    category: "elderly_alone",
    formerProvince: null,
    commune: "Phường Long Xuyên",
    urgency: 3,
    deadline: null,
    goal: [15_000_000],
    raised: 14_000_000,
  });
  const island = await address({
    title: "Thuốc men cho bà cụ ở đảo",
    summary: "Bà sống một mình, gia đình ở xa; lưới rách, tàu hỏng, không ai giúp.",
    category: "elderly_alone",
    commune: "Đặc khu Phú Quốc",
    urgency: 2,
    deadline: "2027-02-01",
    goal: [900_000],
  });
  const student = await address({
    title: "Học bổng cho em H. vào lớp 10",
    category: "student",
    province: "Cà Mau",
    formerProvince: "Bạc Liêu",
    commune: "Phường Bạc Liêu",
    chapterId: camau.id,
    status: "funded",
    goal: [3_000_000],
    raised: 3_000_000,
  });
  const done = await address({ title: "Xe lăn cho em K.", category: "disabled_child", status: "completed", goal: [2_500_000], raised: 2_500_000 });
  const closed = await address({ title: "Thuốc men cho ông Ba", category: "sick", status: "closed", goal: [800_000], raised: 800_000 });
  const hidden: Record<string, { id: number; slug: string }> = {};
  for (const status of ["draft", "submitted", "rejected"] as const) {
    hidden[status] = await address({ title: `Ngư dân Rạch Giá cần giúp (${status})`, category: "poor_fisherman", status, urgency: 4, goal: [1_000_000] });
  }
  // Fillers for paging, with ties on every sort key (same urgency and deadline, same % funded, same time).
  const tiedTime = new Date("2026-10-20T08:00:00.123456Z");
  for (let i = 0; i < 22; i++) {
    await address({
      title: `Gạo và sữa cho gia đình số ${i}`,
      category: i % 2 ? "poor_household" : "malnourished_child",
      province: i % 3 === 0 ? "Cà Mau" : "An Giang",
      formerProvince: i % 3 === 0 ? null : i % 3 === 1 ? "Kiên Giang" : null,
      commune: i % 3 === 0 ? "Phường Tân Thành" : "Xã Vĩnh Hòa Hưng",
      chapterId: i % 3 === 0 ? camau.id : rachgia.id,
      urgency: 1 + (i % 4),
      deadline: i % 5 === 0 ? null : `2026-12-${String(10 + (i % 3)).padStart(2, "0")}`,
      publishedAt: i % 4 === 0 ? tiedTime : undefined,
      goal: [1_000_000],
      raised: [0, 250_000, 500_000, 990_000][i % 4] || undefined,
      status: i % 7 === 6 ? "funded" : "published",
    });
  }

  // A1's private facts, donations with every name display, a guest email, spending, an update, photos.
  await db.insert(addressPrivate).values({
    addressId: fisher.id,
    beneficiaryName: SECRET.beneficiary,
    birthYear: 1971,
    exactLocation: SECRET.location,
    phone: SECRET.phone,
    idNumberHash: "f00dfeed",
    duplicateKey: "tran van bi an|1971|rach gia",
    staffNotes: SECRET.staffNote,
  });
  await give(db, fisher.id, 200_000, { donorName: SECRET.initialsDonor, nameDisplay: "initials", guestEmail: SECRET.guestEmail });
  await give(db, fisher.id, 100_000, { donorName: SECRET.anonymousDonor, nameDisplay: "anonymous", guestEmail: "hidden@example.com" });
  await give(db, fisher.id, 150_000, { donorName: "Phạm Minh Công", nameDisplay: "full", donorUserId: verifier.id, receiptNumber: "BL-0042", recordedBy: treasurer.id });
  await db.insert(pledges).values({ publicCode: "TRAOPENDING1", addressId: fisher.id, donorName: "Người Chưa Trả", guestEmail: "pending@example.com", amount: 90_000, method: "bank_transfer" });

  const [spend] = await db
    .insert(disbursements)
    .values({
      addressId: fisher.id,
      needId: fisher.needIds[0],
      amount: 600_000,
      payeePublic: "Cửa hàng máy thủy Rạch Giá",
      description: "Mua piston",
      spentOn: "2026-11-10",
      status: "approved",
      recordedBy: treasurer.id,
      approvedBy: approver.id,
      approvedAt: new Date(),
    })
    .returning();
  await db.transaction((tx) =>
    postGroup(tx, {
      kind: "disbursement",
      idempotencyKey: `test:spend:${spend.id}`,
      disbursementId: spend.id,
      lines: [
        { account: "address_fund", addressId: fisher.id, needId: fisher.needIds[0], amount: -600_000 },
        { account: "payees", amount: 600_000 },
      ],
    }),
  );
  await db.insert(updates).values({ addressId: fisher.id, kind: "disbursement", title: "Đã mua piston mới", body: "…", authorId: editor.id });

  const [consent] = await db.insert(consents).values({ addressId: fisher.id, givenByName: SECRET.beneficiary, relationship: "self", scopePhotos: true, givenOn: "2026-09-30" }).returning();
  const [withdrawn] = await db
    .insert(consents)
    .values({ addressId: granny.id, givenByName: "Bà Tư", relationship: "self", scopePhotos: true, givenOn: "2026-09-30", withdrawnAt: new Date() })
    .returning();
  const photo = (addressId: number, consentId: number | null, isPublic = true) => ({
    kind: "photo" as const,
    storage: "local" as const,
    storageKey: `${addressId}-${consentId}-${isPublic}.webp`,
    sha256: "a".repeat(64),
    mime: "image/webp",
    width: 800,
    height: 600,
    bytes: 1000,
    addressId,
    consentId,
    isPublic,
  });
  const [fisherCover] = await db.insert(media).values(photo(fisher.id, consent.id)).returning();
  const [grannyCover] = await db.insert(media).values(photo(granny.id, withdrawn.id)).returning();
  const [netCover] = await db.insert(media).values(photo(net.id, null, false)).returning();
  await db.execute(sql`update addresses set cover_media_id = ${fisherCover.id} where id = ${fisher.id}`);
  await db.execute(sql`update addresses set cover_media_id = ${grannyCover.id} where id = ${granny.id}`);
  await db.execute(sql`update addresses set cover_media_id = ${netCover.id} where id = ${net.id}`);

  return { created, fisher, net, island, granny, student, done, closed, hidden, programme, appeal, fisherCover };
}

async function give(
  db: DbOrTx,
  addressId: number,
  amount: number,
  extra: { needId?: number; donorName?: string; nameDisplay?: NameDisplay; guestEmail?: string; donorUserId?: number; receiptNumber?: string; recordedBy?: number } = {},
) {
  const n = ++pledgeSeq;
  const [pledge] = await db
    .insert(pledges)
    .values({
      publicCode: `TRAO${String(n).padStart(8, "0")}`,
      addressId,
      needId: extra.needId ?? null,
      donorName: extra.donorName ?? "Nhà hảo tâm",
      nameDisplay: extra.nameDisplay ?? "full",
      guestEmail: extra.guestEmail ?? null,
      donorUserId: extra.donorUserId ?? null,
      receiptNumber: extra.receiptNumber ?? null,
      recordedBy: extra.recordedBy ?? null,
      amount,
      receivedAmount: amount,
      method: extra.recordedBy ? "cash" : "bank_transfer",
      status: "paid",
      paidAt: new Date(Date.UTC(2026, 10, 1) + n * 60_000),
    })
    .returning();
  await db.transaction((tx) =>
    postGroup(tx, {
      kind: "donation",
      idempotencyKey: `test:donation:${pledge.id}`,
      pledgeId: pledge.id,
      lines: [
        { account: "donors", amount: -amount },
        { account: "address_fund", addressId, needId: extra.needId ?? null, amount },
      ],
    }),
  );
}

const list = (params: string, limit?: number) => listAddresses(t.db, parseCatalogueQuery(new URLSearchParams(params)), { limit });
const slugs = (items: AddressCard[]) => items.map((i) => i.slug);

/** Walks every page forward, then back from the last one; both walks must give the same rows. */
async function walk(params: string, limit: number) {
  const forward: AddressCard[][] = [];
  let page = await list(params, limit);
  forward.push(page.items);
  expect(page.prevCursor).toBeNull();
  while (page.nextCursor) {
    page = await list(`${params}&cursor=${page.nextCursor}`, limit);
    forward.push(page.items);
    expect(page.notices.map((n) => n.code)).not.toContain("invalid_cursor");
  }
  const backward: AddressCard[][] = [page.items];
  while (page.prevCursor) {
    page = await list(`${params}&cursor=${page.prevCursor}`, limit);
    backward.unshift(page.items);
  }
  return { forward, backward, all: forward.flat() };
}

/** The truth, computed in JavaScript from every public address. */
async function truth() {
  return execRows<{ slug: string; status: AddressStatus; urgency: number; deadline: string | null; at: string; id: number; permille: number }>(
    t.db,
    sql`select a.slug, a.status, a.urgency, to_char(a.deadline, 'YYYY-MM-DD') as deadline,
          to_char(coalesce(a.published_at, a.created_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as at, a.id, t.funded_permille as permille
        from addresses a join address_totals t on t.address_id = a.id`,
  );
}

describe("searching the catalogue", () => {
  it("finds the fisherman in Rạch Giá first when the donor types without diacritics", async () => {
    const page = await list("q=ngu dan rach gia");
    // Both are fishermen in Rạch Giá; only the first says so in its title.
    expect(slugs(page.items)).toEqual([world.fisher.slug, world.net.slug]);
    expect(page.notices).toEqual([]);
    expect(page.applied).toMatchObject({ q: "ngu dan rach gia", sort: "relevance" });
  });

  it("matches titles and places, not words that every summary shares", async () => {
    // "rách" (torn), "tàu hỏng" and "gia đình" are in the island's summary, not in its title or place.
    expect(slugs((await list("q=ngu dan rach gia", 100)).items)).not.toContain(world.island.slug);
    expect(slugs((await list("q=tau hong", 100)).items)).toEqual([]);
  });

  it("reads a search that is exactly a province's name as that place", async () => {
    const page = await list("q=Kien Giang", 100);
    expect(page.notices.map((n) => n.code)).toEqual(["query_is_place"]);
    expect(page.applied).toMatchObject({ q: null, sort: "urgent", place: { kind: "former", name: "Kiên Giang" } });
    expect(page.items.length).toBeGreaterThan(3);
    for (const item of page.items) expect(item.formerProvince).toBe("Kiên Giang");
  });

  it("ignores case and diacritics either way", async () => {
    expect((await list("q=NGƯ DÂN Rạch giá")).items[0].slug).toBe(world.fisher.slug);
    expect((await list("q=Ngu%20Dan")).items.map((i) => i.slug).sort()).toEqual([world.fisher.slug, world.net.slug].sort());
  });

  it("finds addresses by their former province name among other words", async () => {
    const page = await list("q=ngu dan Kien Giang", 100);
    expect(slugs(page.items).sort()).toEqual([world.fisher.slug, world.net.slug].sort());
    for (const item of page.items) expect(item.formerProvince).toBe("Kiên Giang");
  });

  it("finds addresses by their commune, and a commune's whole list when the search is its name", async () => {
    expect(slugs((await list("q=phu quoc")).items)).toEqual([world.island.slug]);
    expect(slugs((await list("q=Long Xuyên")).items)).toEqual([world.granny.slug]);
    const page = await list("q=rach gia", 3);
    expect(page.applied).toMatchObject({ q: null, commune: "Phường Rạch Giá", sort: "urgent" });
    expect(page.notices.map((n) => n.code)).toEqual(["query_is_place"]);
    expect(slugs(page.items)).toEqual([world.fisher.slug, world.net.slug]);
    const all = (await list("q=xa vinh hoa hung", 100)).items;
    expect(all.length).toBeGreaterThan(6);
    for (const item of all) expect(item.commune).toBe("Xã Vĩnh Hòa Hưng");
    const { forward } = await walk("q=Vĩnh Hòa Hưng", 3);
    expect(forward.length).toBeGreaterThanOrEqual(3);
    expect(slugs(forward.flat())).toEqual(slugs(all));
    // Other words around it: a text search again.
    expect((await list("q=ngu dan rach gia")).applied).toMatchObject({ commune: null, sort: "relevance" });
  });

  it("finds a word still being typed, and keeps searching that way page after page", async () => {
    expect(slugs((await list("q=sua may tau o rac")).items)).toEqual([world.fisher.slug]);
    const { forward, backward, all } = await walk("q=gao va sua cho gia di", 3);
    expect(forward.length).toBeGreaterThanOrEqual(3);
    expect(backward).toEqual(forward);
    expect(all.every((c) => c.title.startsWith("Gạo và sữa cho gia đình"))).toBe(true);
    expect(all.length).toBe((await list("q=gao va sua cho gia dinh", 100)).items.length);
  });

  it("pages through search results by rank without overlap", async () => {
    const { forward, backward, all } = await walk("q=gia", 3);
    expect(forward.length).toBeGreaterThanOrEqual(3);
    expect(backward).toEqual(forward);
    expect(new Set(slugs(all)).size).toBe(all.length);
  });

  it("sorts a search with too many matches to rank by urgency instead, says so, and pages on", async () => {
    const query = (qs: string) => listAddresses(t.db, parseCatalogueQuery(new URLSearchParams(qs)), { limit: 4, rankLimit: 5 });
    const first = await query("q=gia");
    expect(first.notices.map((n) => n.code)).toEqual(["search_too_broad"]);
    expect(first.applied.sort).toBe("urgent");
    expect(first.items[0].urgency).toBe(4);
    const second = await query(`q=gia&cursor=${first.nextCursor}`);
    expect(second.notices).toEqual([]);
    expect(second.applied.sort).toBe("urgent");
    expect(slugs(second.items).filter((s) => slugs(first.items).includes(s))).toEqual([]);
    const narrow = await query("q=thuoc men");
    expect(narrow.notices).toEqual([]);
    expect(narrow.applied.sort).toBe("relevance");
  });

  it("finds nothing that is not public, however well it matches", async () => {
    const page = await list("q=ngu dan rach gia&status=draft,submitted,rejected", 100);
    for (const hidden of Object.values(world.hidden)) expect(slugs(page.items)).not.toContain(hidden.slug);
  });
});

describe("filtering the catalogue", () => {
  it("finds the former Kiên Giang area however the province is written", async () => {
    for (const value of ["Kiên Giang", "kien-giang", "kien giang", "KIEN GIANG"]) {
      const page = await list(`province=${encodeURIComponent(value)}`, 100);
      expect(page.notices).toEqual([]);
      expect(page.items.length).toBeGreaterThan(3);
      for (const item of page.items) {
        expect(item.province).toBe("An Giang");
        expect(item.formerProvince).toBe("Kiên Giang");
      }
      expect(page.applied.place).toMatchObject({ kind: "former", name: "Kiên Giang", province: "An Giang" });
    }
  });

  it("shows the whole of today's province, former areas included", async () => {
    const page = await list("province=an-giang", 100);
    expect(slugs(page.items)).toContain(world.granny.slug);
    expect(slugs(page.items)).toContain(world.fisher.slug);
    for (const item of page.items) expect(item.province).toBe("An Giang");
  });

  it("filters by category, programme, campaign and status", async () => {
    expect(slugs((await list("category=poor_fisherman")).items).sort()).toEqual([world.fisher.slug, world.net.slug].sort());
    expect(slugs((await list(`programme=${world.programme.slug}`)).items)).toEqual([world.fisher.slug]);
    expect(slugs((await list(`campaign=${world.appeal.slug}`)).items)).toEqual([world.net.slug]);
    expect(slugs((await list(`campaign=${world.programme.slug}`)).items)).toEqual([world.fisher.slug]);
    expect(slugs((await list("status=completed")).items)).toEqual([world.done.slug]);
    expect(slugs((await list("status=closed,completed")).items).sort()).toEqual([world.done.slug, world.closed.slug].sort());
    const byDefault = await list("", 100);
    for (const item of byDefault.items) expect(["published", "funded"]).toContain(item.status);
    expect(slugs(byDefault.items)).toContain(world.student.slug);
  });

  it("ignores unknown filter values, says so, and still shows addresses", async () => {
    const page = await list("category=spaceship&province=Atlantis&status=draft&sort=random&programme=nope&campaign=Nope!&limit=5000");
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.notices.map((n) => n.code).sort()).toEqual(
      ["invalid_limit", "unknown_campaign", "unknown_category", "unknown_programme", "unknown_province", "unknown_sort", "unknown_status"].sort(),
    );
    expect(page.notices.find((n) => n.code === "unknown_status")).toMatchObject({ param: "status", value: "draft" });
    for (const item of page.items) expect(["published", "funded"]).toContain(item.status);
  });

  it("treats a broken or foreign cursor as the first page, with a notice", async () => {
    const first = await list("");
    for (const bad of ["garbage", "eyJzIjoidXJnZW50IiwiayI6WyJ4Il0sImQiOiJuZXh0In0", first.nextCursor ? `${first.nextCursor}&sort=newest` : "x"]) {
      const page = await list(`cursor=${bad}`);
      expect(page.notices.map((n) => n.code)).toContain("invalid_cursor");
      expect(page.prevCursor).toBeNull();
    }
  });
});

describe("sorting and paging the catalogue", () => {
  const expected: Record<Exclude<CatalogueSort, "relevance">, (rows: Awaited<ReturnType<typeof truth>>) => string[]> = {
    urgent: (rows) =>
      rows
        .sort((a, b) => b.urgency - a.urgency || (a.deadline ?? "9999").localeCompare(b.deadline ?? "9999") || a.id - b.id)
        .map((r) => r.slug),
    newest: (rows) => rows.sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id).map((r) => r.slug),
    least_funded: (rows) => rows.sort((a, b) => a.permille - b.permille || a.id - b.id).map((r) => r.slug),
    nearly_funded: (rows) =>
      rows
        .filter((r) => r.permille < 1000)
        .sort((a, b) => b.permille - a.permille || b.id - a.id)
        .map((r) => r.slug),
  };

  for (const sort of Object.keys(expected) as (keyof typeof expected)[]) {
    it(`lists by ${sort} in the right order, page after page, forwards and back`, async () => {
      const listed = (await truth()).filter((r) => r.status === "published" || r.status === "funded");
      const want = expected[sort](listed);
      const { forward, backward, all } = await walk(`sort=${sort}`, 4);
      expect(forward.length).toBeGreaterThanOrEqual(3);
      expect(slugs(all)).toEqual(want);
      expect(backward.map(slugs)).toEqual(forward.map(slugs));
      for (const page of forward.slice(0, -1)) expect(page).toHaveLength(4);
    });
  }

  it("pages a filtered list without gaps", async () => {
    const all = (await list("province=kien-giang&sort=newest", 100)).items;
    const { forward } = await walk("province=kien-giang&sort=newest", 2);
    expect(slugs(forward.flat())).toEqual(slugs(all));
  });

  it("puts the most urgent first by default", async () => {
    const page = await list("");
    expect(page.items[0].urgency).toBe(4);
    expect(decodeCursor(page.nextCursor!)).toMatchObject({ sort: "urgent", direction: "next" });
  });
});

describe("address cards", () => {
  it("carry what a card shows, with real totals from the ledger", async () => {
    const card = (await list("q=ngu dan rach gia")).items[0];
    expect(card).toMatchObject({
      slug: world.fisher.slug,
      title: "Hỗ trợ ngư dân sửa máy tàu ở Rạch Giá",
      publicAlias: "Gia đình anh T.",
      category: "poor_fisherman",
      province: "An Giang",
      formerProvince: "Kiên Giang",
      commune: "Phường Rạch Giá",
      chapter: { name: "Hội CTĐ phường Rạch Giá", slug: "rach-gia" },
      verified: true,
      cover: { id: world.fisherCover.id, url: `/media/${world.fisherCover.id}` },
      raised: 1_100_000 + 200_000 + 100_000 + 150_000,
      goal: 4_400_000,
      percent: 35,
      deadline: "2026-12-20",
      urgency: 4,
      status: "published",
    });
  });

  it("hide a cover photo whose consent was withdrawn, or that is not public", async () => {
    const cards = (await list("q=ngu dan", 100)).items.concat((await list("q=long xuyen")).items);
    expect(cards.find((c) => c.slug === world.granny.slug)?.cover).toBeNull();
    expect(cards.find((c) => c.slug === world.net.slug)?.cover).toBeNull();
  });
});

describe("the address goal", () => {
  it("follows its needs as they are added, changed and removed, and the ledger check still holds", async () => {
    const goal = async () => Number((await execRows<{ goal: string }>(t.db, sql`select goal::text from address_totals where address_id = ${world.granny.id}`))[0].goal);
    expect(await goal()).toBe(15_000_000);
    const [extra] = await t.db.insert(needs).values({ addressId: world.granny.id, title: "Tôn lợp mái", kind: "in_kind", quantity: 10, unitCost: 120_000, amount: 1_200_000 }).returning();
    expect(await goal()).toBe(16_200_000);
    await t.db.execute(sql`update needs set quantity = 5, amount = 600000 where id = ${extra.id}`);
    expect(await goal()).toBe(15_600_000);
    await t.db.execute(sql`delete from needs where id = ${extra.id}`);
    expect(await goal()).toBe(15_000_000);
    expect(await checkLedger(t.db)).toEqual([]);
  });

  it("keeps a status copy for the funded sorts as the address moves on", async () => {
    const [row] = await execRows<{ id: number; slug: string }>(t.db, sql`select id, slug from addresses where status = 'published' order by id desc limit 1`);
    await t.db.execute(sql`update addresses set status = 'completed' where id = ${row.id}`);
    expect(slugs((await list("sort=least_funded", 100)).items)).not.toContain(row.slug);
    expect(slugs((await list("sort=least_funded&status=completed", 100)).items)).toContain(row.slug);
    await t.db.execute(sql`update addresses set status = 'published' where id = ${row.id}`);
    expect(slugs((await list("sort=least_funded", 100)).items)).toContain(row.slug);
    expect(await checkLedger(t.db)).toEqual([]);
  });
});

describe("the public address page data", () => {
  it("shows needs, totals, spending, campaigns, updates and donations as donors chose to be named", async () => {
    const a = await getPublicAddress(t.db, world.fisher.slug);
    expect(a).not.toBeNull();
    expect(a!.totals).toMatchObject({ raised: 1_550_000, disbursed: 600_000, balance: 950_000, goal: 4_400_000, gifts: 4 });
    expect(a!.needs[0]).toMatchObject({ title: "Khoản cần 1", amount: 3_000_000, funded: 1_100_000, disbursed: 600_000, isFunded: false });
    expect(a!.disbursements).toEqual([
      { id: expect.any(Number), amount: 600_000, kind: "cash", quantity: null, spentOn: "2026-11-10", payeePublic: "Cửa hàng máy thủy Rạch Giá", need: { id: world.fisher.needIds[0], title: "Khoản cần 1" } },
    ]);
    expect(a!.programme).toEqual({ slug: world.programme.slug, title: expect.any(String) });
    expect(a!.updates.map((u) => u.title)).toEqual(["Đã mua piston mới"]);
    expect(a!.photos.map((p) => p.url)).toEqual([`/media/${world.fisherCover.id}`]);
    const names = a!.donations.map((d) => [d.displayName, d.anonymous]);
    expect(names).toContainEqual(["N.V.A.", false]);
    expect(names).toContainEqual([null, true]);
    expect(names).toContainEqual(["Phạm Minh Công", false]);
    expect(a!.donations).toHaveLength(4);
    expect(a!.verification).toMatchObject({ verified: true, chapter: { name: "Hội CTĐ tỉnh An Giang", slug: "an-giang" }, overdue: true });
  });

  it("is null for drafts, submitted and rejected addresses, and for unknown slugs", async () => {
    for (const hidden of Object.values(world.hidden)) expect(await getPublicAddress(t.db, hidden.slug)).toBeNull();
    expect(await getPublicAddress(t.db, "khong-co")).toBeNull();
    expect(await getPublicAddress(t.db, world.closed.slug)).not.toBeNull();
  });

  it("offers the filters that have addresses behind them", async () => {
    const options = await listFilterOptions(t.db, { maxAgeMs: 0 });
    expect(options.provinces).toHaveLength(34);
    const angiang = options.provinces.find((p) => p.slug === "an-giang")!;
    expect(angiang.former).toEqual([{ name: "Kiên Giang", slug: "kien-giang", hasAddresses: true }]);
    expect(options.provinces.find((p) => p.slug === "ca-mau")!.former).toEqual([{ name: "Bạc Liêu", slug: "bac-lieu", hasAddresses: true }]);
    expect(options.programmes).toEqual([{ slug: world.programme.slug, title: expect.any(String) }]);
    expect(options.campaigns.map((c) => c.slug)).toEqual([world.appeal.slug]);
  });
});

describe("the public JSON API", () => {
  const get = (path: string, method = "GET") => new Request(`http://localhost${path}`, { method });
  const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} }) as Parameters<typeof listLoader>[0];

  it("lists addresses with cursors and notices, open to every origin and cacheable", async () => {
    const res = await listLoader(args(get("/api/v1/addresses?limit=5&category=nope")));
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cache-control")).toBe("public, max-age=30, s-maxage=60, stale-while-revalidate=300");
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body.data).toHaveLength(5);
    expect(body.data[0]).toHaveProperty("public_alias");
    expect(body.data[0]).toHaveProperty("former_province");
    expect(body.data[0].chapter).toHaveProperty("slug");
    expect(typeof body.next_cursor).toBe("string");
    expect(body.prev_cursor).toBeNull();
    expect(body.notices).toEqual([expect.objectContaining({ code: "unknown_category", value: "nope" })]);
    const next = await (await listLoader(args(get(`/api/v1/addresses?limit=5&cursor=${body.next_cursor}`)))).json();
    expect(next.data.map((d: { slug: string }) => d.slug)).not.toContain(body.data[0].slug);
    expect(typeof next.prev_cursor).toBe("string");
  });

  it("answers a CORS preflight", async () => {
    for (const loader of [listLoader, detailLoader]) {
      const res = await loader(args(get("/api/v1/addresses", "OPTIONS"), { slug: world.fisher.slug }));
      expect(res.status).toBe(204);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("access-control-allow-methods")).toContain("GET");
    }
  });

  it("shows one address with public fields only: no beneficiary, exact place, phone, emails or hidden donor names", async () => {
    const res = await detailLoader(args(get(`/api/v1/addresses/${world.fisher.slug}`), { slug: world.fisher.slug }));
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const text = await res.text();
    const body = JSON.parse(text);
    expect(body.data.slug).toBe(world.fisher.slug);
    expect(body.data.totals).toMatchObject({ raised: 1_550_000, disbursed: 600_000, balance: 950_000 });
    expect(body.data.donations).toContainEqual(expect.objectContaining({ display_name: "N.V.A.", anonymous: false }));
    expect(body.data.donations).toContainEqual(expect.objectContaining({ display_name: null, anonymous: true }));
    const listText = await (await listLoader(args(get("/api/v1/addresses?q=ngu+dan+rach+gia")))).text();
    for (const json of [text, listText]) {
      for (const secret of [...Object.values(SECRET), "hidden@example.com", "pending@example.com", "Người Chưa Trả", "0911000111", "BL-0042", "f00dfeed", "1971"]) {
        expect(json).not.toContain(secret);
      }
      for (const field of ["address_private", "beneficiary", "exact_location", "phone", "guest_email", "donor_user_id", "recorded_by", "created_by", "verified_by", "id_number", "duplicate_key", "staff_notes", "receipt_number", "public_code", "search_vector"]) {
        expect(json).not.toContain(`"${field}`);
      }
    }
  });

  it("answers 404 JSON for drafts, submitted and rejected addresses and unknown slugs", async () => {
    for (const slug of [...Object.values(world.hidden).map((h) => h.slug), "khong-co-dia-chi-nay"]) {
      const res = await detailLoader(args(get(`/api/v1/addresses/${slug}`), { slug }));
      expect(res.status).toBe(404);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(await res.json()).toEqual({ error: "not_found" });
    }
  });

  it("never lists hidden addresses, even when asked for their status", async () => {
    const body = await (await listLoader(args(get("/api/v1/addresses?status=draft&status=rejected&status=submitted&limit=100")))).json();
    const listed = body.data.map((d: { slug: string }) => d.slug);
    for (const hidden of Object.values(world.hidden)) expect(listed).not.toContain(hidden.slug);
    expect(body.notices.filter((n: { code: string }) => n.code === "unknown_status")).toHaveLength(3);
  });
});
