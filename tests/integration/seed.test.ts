import fs from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLedger } from "../../app/ledger/invariants.server";
import { PUBLIC_CODE_RE } from "../../app/ledger/public-code";
import { verifyPassword } from "../../app/utils/password.server";
import { execRows } from "../../db/client";
import { ADDRESS_CATEGORIES, ADDRESS_STATUSES, PAYMENT_METHODS, PLEDGE_STATUSES, URGENCY_LEVELS } from "../../db/enums";
import { SEED_BASE_DATE, SeedRefusedError, isSeeded, seedDemo, type SeedSummary } from "../../db/seed";
import { DEMO_PASSWORD } from "../../db/seed-data";
import { createTestDatabase, testEnv, type TestDatabase } from "../helpers/db";

let database: TestDatabase;
let summary: SeedSummary;
const env = testEnv();

beforeAll(async () => {
  database = await createTestDatabase();
  summary = await seedDemo(database.db, { env });
}, 180_000);

afterAll(async () => {
  await database?.cleanup();
});

const rows = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) => execRows<T>(database.db, query);
const count = async (query: ReturnType<typeof sql>) => Number((await rows<{ n: number | string }>(query))[0].n);

describe("demo seed on an empty database", () => {
  it("gives a fresh install about sixty addresses in every category, status and urgency", async () => {
    expect(summary.addresses).toBeGreaterThanOrEqual(55);
    expect(summary.addresses).toBeLessThanOrEqual(65);
    const categories = await rows<{ v: string }>(sql`select distinct category::text as v from addresses`);
    const statuses = await rows<{ v: string }>(sql`select distinct status::text as v from addresses`);
    const urgencies = await rows<{ v: number }>(sql`select distinct urgency as v from addresses`);
    expect(categories.map((r) => r.v).sort()).toEqual([...ADDRESS_CATEGORIES].sort());
    expect(statuses.map((r) => r.v).sort()).toEqual([...ADDRESS_STATUSES].sort());
    expect(urgencies.map((r) => Number(r.v)).sort()).toEqual([...URGENCY_LEVELS]);
    // Most are listed; the lifecycle's other states are there to try.
    expect(await count(sql`select count(*) as n from addresses where status in ('published', 'funded')`)).toBeGreaterThanOrEqual(30);
    expect(await count(sql`select count(*) as n from addresses where status = 'rejected' and rejected_reason is null`)).toBe(0);
    // Former Kiên Giang addresses can be found under their old province name.
    expect(await count(sql`select count(*) as n from addresses where province = 'An Giang' and former_province = 'Kiên Giang'`)).toBeGreaterThanOrEqual(10);
  });

  it("shows gifts by every payment method and pledges in every status", async () => {
    const methods = await rows<{ v: string }>(sql`select distinct method::text as v from pledges where status = 'paid'`);
    const statuses = await rows<{ v: string }>(sql`select distinct status::text as v from pledges`);
    expect(methods.map((r) => r.v).sort()).toEqual([...PAYMENT_METHODS].sort());
    expect(statuses.map((r) => r.v).sort()).toEqual([...PLEDGE_STATUSES].sort());
    expect(await count(sql`select count(*) as n from pledges where status = 'paid' and is_late and paid_at > expires_at`)).toBe(1);
    expect(await count(sql`select count(*) as n from pledges where status = 'partially_refunded' and refunded_amount > 0 and refunded_amount < received_amount`)).toBe(1);
    expect(await count(sql`select count(*) as n from pledges where method = 'cash' and (receipt_number is null or recorded_by is null)`)).toBe(0);
    const names = await rows<{ v: string }>(sql`select distinct name_display::text as v from pledges`);
    expect(names).toHaveLength(3);
  });

  it("keeps a ledger that passes every invariant check", async () => {
    expect(await checkLedger(database.db)).toEqual([]);
    // Every paid pledge has exactly one gift group; refunds reverse it.
    expect(
      await count(sql`
        select count(*) as n from pledges p
        where p.status in ('paid', 'refunded', 'partially_refunded')
          and (select count(*) from ledger_groups g where g.pledge_id = p.id and g.kind in ('donation', 'in_kind_receipt')) <> 1`),
    ).toBe(0);
    expect(await count(sql`select count(*) as n from ledger_groups where kind = 'refund' and reverses_group_id is not null`)).toBe(2);
  });

  it("funds addresses as their status says and never spends more than was raised", async () => {
    const byStatus = await rows<{ status: string; short: number | string; over: number | string }>(sql`
      with goals as (select address_id, sum(amount) as goal from needs group by address_id)
      select a.status::text as status,
        count(*) filter (where coalesce(t.raised, 0) < g.goal) as short,
        count(*) filter (where coalesce(t.raised, 0) >= g.goal) as over
      from addresses a join goals g on g.address_id = a.id left join address_totals t on t.address_id = a.id
      group by a.status`);
    const of = (s: string) => byStatus.find((r) => r.status === s)!;
    expect(Number(of("published").over)).toBe(0);
    for (const s of ["funded", "completed", "closed"]) expect(Number(of(s).short)).toBe(0);
    expect(await count(sql`select count(*) as n from address_totals where disbursed + fees > raised`)).toBe(0);
    // Completed and closed addresses spent or handed over every need in full.
    expect(
      await count(sql`
        select count(*) as n from needs n join addresses a on a.id = n.address_id
        left join need_totals t on t.need_id = n.id
        where a.status in ('completed', 'closed') and coalesce(t.disbursed, 0) <> n.amount`),
    ).toBe(0);
    expect(await count(sql`select count(*) as n from needs where kind = 'in_kind' and fulfilled_quantity > 0`)).toBeGreaterThan(0);
  });

  it("has spending approved by a second person, with one waiting for approval", async () => {
    expect(await count(sql`select count(*) as n from disbursements where approved_by = recorded_by`)).toBe(0);
    expect(await count(sql`select count(*) as n from disbursements where status = 'recorded'`)).toBe(1);
    expect(await count(sql`select count(*) as n from disbursements where status = 'rejected' and rejected_reason is not null`)).toBe(1);
    expect(await count(sql`select count(*) as n from disbursements where receipt_media_id is null`)).toBe(0);
    expect(await count(sql`select count(*) as n from ledger_groups where kind = 'fee'`)).toBe(1);
  });

  it("refuses to seed a database twice and changes nothing", async () => {
    const before = await count(sql`select count(*) as n from pledges`);
    await expect(seedDemo(database.db, { env })).rejects.toBeInstanceOf(SeedRefusedError);
    expect(await isSeeded(database.db)).toBe(true);
    expect(await count(sql`select count(*) as n from pledges`)).toBe(before);
  });

  it("gives every pledge a public code in the TRAO format without look-alike characters", async () => {
    const codes = await rows<{ public_code: string }>(sql`select public_code from pledges`);
    expect(codes.length).toBe(summary.pledges);
    for (const { public_code } of codes) {
      expect(public_code).toMatch(PUBLIC_CODE_RE);
      expect(public_code.slice(4)).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{6}$/);
    }
  });

  it("never shows a beneficiary's or guardian's full name in public address text", async () => {
    const leaks = await rows(sql`
      select a.id, p.beneficiary_name from addresses a join address_private p on p.address_id = a.id
      where strpos(lower(a.title || ' ' || a.summary || ' ' || a.story || ' ' || a.public_alias), lower(p.beneficiary_name)) > 0
         or exists (select 1 from updates u where u.address_id = a.id and strpos(lower(u.title || ' ' || u.body), lower(p.beneficiary_name)) > 0)
         or exists (select 1 from consents c where c.address_id = a.id
                    and strpos(lower(a.title || ' ' || a.summary || ' ' || a.story || ' ' || a.public_alias), lower(c.given_by_name)) > 0)`);
    expect(leaks).toEqual([]);
  });

  it("lets the demo accounts sign in with the demo password", async () => {
    const staff = await rows<{ email: string; password_hash: string | null; is_admin: boolean }>(sql`select email, password_hash, is_admin from users where email like '%@trao.local' order by id`);
    expect(staff.map((s) => s.email)).toEqual(expect.arrayContaining(["admin@trao.local", "manager@trao.local", "verifier@trao.local", "editor@trao.local", "treasurer@trao.local", "donor@trao.local"]));
    expect(staff.every((s) => s.password_hash?.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"))).toBe(true);
    const admin = staff.find((s) => s.email === "admin@trao.local")!;
    expect(admin.is_admin).toBe(true);
    expect(await verifyPassword(admin.password_hash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(admin.password_hash, "wrong-password")).toBe(false);
    const roles = await rows<{ email: string; role: string; chapter: string }>(sql`
      select u.email, m.role::text as role, c.name as chapter from memberships m join users u on u.id = m.user_id join chapters c on c.id = m.chapter_id`);
    expect(roles).toEqual(
      expect.arrayContaining([
        { email: "manager@trao.local", role: "manager", chapter: "Hội Chữ thập đỏ tỉnh An Giang" },
        { email: "verifier@trao.local", role: "verifier", chapter: "Hội Chữ thập đỏ tỉnh An Giang" },
        { email: "editor@trao.local", role: "editor", chapter: "Hội Chữ thập đỏ phường Rạch Giá" },
        { email: "treasurer@trao.local", role: "treasurer", chapter: "Hội Chữ thập đỏ tỉnh An Giang" },
      ]),
    );
    expect(await count(sql`select count(*) as n from users where password_hash is null`)).toBeGreaterThanOrEqual(40);
  });

  it("verifies addresses by someone else on the same chapter or above, with two reviews overdue", async () => {
    expect(
      await count(sql`
        select count(*) as n from addresses a
        join chapters c on c.id = a.chapter_id join chapters v on v.id = a.verified_chapter_id
        where a.verified_by = a.created_by or c.path not like v.path || '%'`),
    ).toBe(0);
    expect(await count(sql`select count(*) as n from addresses where status in ('published', 'funded', 'completed', 'closed') and (verified_at is null or published_at is null)`)).toBe(0);
    expect(await count(sql`select count(*) as n from addresses where status in ('published', 'funded') and reverify_due_at < ${SEED_BASE_DATE.toISOString()}::timestamptz`)).toBe(2);
    const tree = await rows<{ path: string; level: string }>(sql`select path, level::text as level from chapters`);
    expect(tree.every((c) => /^\/(\d+\/)+$/.test(c.path))).toBe(true);
    expect(new Set(tree.map((c) => c.level))).toEqual(new Set(["central", "province", "commune", "unit"]));
  });

  it("records guardian consent for children and hides a photo once consent is withdrawn", async () => {
    expect(
      await count(sql`
        select count(*) as n from addresses a
        where a.status in ('published', 'funded', 'completed', 'closed')
          and not exists (select 1 from consents c where c.address_id = a.id and c.withdrawn_at is null)`),
    ).toBe(0);
    expect(
      await count(sql`
        select count(*) as n from addresses a
        where a.category in ('malnourished_child', 'disabled_child') and a.status <> 'draft'
          and exists (select 1 from consents c where c.address_id = a.id and c.relationship not in ('parent', 'guardian'))`),
    ).toBe(0);
    const withdrawn = await rows<{ is_public: boolean }>(sql`select m.is_public from media m join consents c on c.id = m.consent_id where c.withdrawn_at is not null`);
    expect(withdrawn.length).toBeGreaterThan(0);
    expect(withdrawn.every((m) => m.is_public === false)).toBe(true);
    expect(await count(sql`select count(*) as n from addresses a join media m on m.id = a.cover_media_id where not m.is_public`)).toBe(0);
  });

  it("flags one likely duplicate: the same person posted by two chapters", async () => {
    const pairs = await rows(sql`
      select duplicate_key from address_private p join addresses a on a.id = p.address_id
      group by duplicate_key having count(distinct a.chapter_id) > 1`);
    expect(pairs).toHaveLength(1);
  });

  it("keeps at most one active exclusive adoption per address or need", async () => {
    const adoptions = await rows<{ kind: string; status: string }>(sql`select kind::text as kind, status::text as status from sponsorships`);
    expect(adoptions.filter((s) => s.kind === "monthly").length).toBeGreaterThanOrEqual(3);
    expect(adoptions.some((s) => s.kind === "whole_need")).toBe(true);
    expect(adoptions.some((s) => s.status === "lapsed")).toBe(true);
    expect(await count(sql`select count(*) as n from (select 1 from sponsorships where exclusive and status = 'active' group by address_id, coalesce(need_id, 0) having count(*) > 1) x`)).toBe(0);
    expect(await count(sql`select count(*) as n from pledges where sponsorship_id is not null and status = 'paid'`)).toBeGreaterThanOrEqual(12);
    // Each adoption is one donor: every instalment carries the same name (and guest email).
    expect(await count(sql`select count(*) as n from (select 1 from pledges where sponsorship_id is not null group by sponsorship_id having count(distinct donor_name) > 1 or count(distinct guest_email) > 1) x`)).toBe(0);
  });

  it("leaves bank transfers to reconcile: two waiting in triage, the rest matched to pledges", async () => {
    expect(await count(sql`select count(*) as n from bank_transactions where status = 'waiting'`)).toBe(2);
    expect(await count(sql`select count(*) as n from bank_transactions where status = 'matched' and matched_pledge_id is null`)).toBe(0);
    expect(
      await count(sql`
        select count(*) as n from bank_transactions b join pledges p on p.id = b.matched_pledge_id
        where strpos(upper(b.memo), p.public_code) = 0`),
    ).toBe(0);
    expect(await count(sql`select count(*) as n from payment_attempts where provider = 'vnpay' and txn_ref !~ '^TRAO[0-9A-Z]{6}-[0-9]+$'`)).toBe(0);
  });

  it("stores re-encoded JPEG images without metadata in the media folder", async () => {
    const files = await rows<{ storage_key: string; width: number; height: number }>(sql`select distinct storage_key, width, height from media`);
    expect(files.length).toBeGreaterThan(10);
    for (const f of files.slice(0, 5)) {
      const buf = await fs.readFile(path.join(env.mediaDir, f.storage_key));
      const meta = await sharp(buf).metadata();
      expect(meta.format).toBe("jpeg");
      expect(meta.exif).toBeUndefined();
      expect([meta.width, meta.height]).toEqual([f.width, f.height]);
    }
    expect(summary.ms).toBeLessThan(60_000);
  });
});
