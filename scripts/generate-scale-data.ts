// National-size data for benchmarks: `npm run scale-data -- --addresses 1300000 --pledges 5000000`.
//
// Loads PostgreSQL only (DATABASE_URL; PGlite would take hours and a single process). Every paid
// pledge's donation group goes through the ledger's checked bulk writer, postGroupsBulk, with
// the database's deferred balance triggers on (they are the point; this script measures them).
// Batches of a few thousand addresses per transaction, multi-row INSERT … SELECT FROM unnest(),
// two transactions in flight so that Node builds one batch while PostgreSQL writes the other.
// Refuses a database that already has addresses unless --append. Ends with VACUUM (ANALYZE).
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { execRows, openDatabase, type DbOrTx, type Tx } from "../db/client";
import type { AddressCategory, AddressStatus, NameDisplay, PaymentMethod, PledgeStatus } from "../db/enums";
import { postGroupsBulk, type LedgerGroupInput } from "../app/ledger/ledger.server";
import { PUBLIC_CODE_ALPHABET, PUBLIC_CODE_PREFIX } from "../app/ledger/public-code";
import { pgArray } from "../db/arrays";
import { createRng as rng, type Rng } from "../db/factories";
import { PROVINCES } from "../app/utils/provinces";
import { slugify } from "../app/utils/text";
import { ALIASES, COMMUNES, FAMILY_NAMES, GIVEN_NAMES, INITIALS, MIDDLE_NAMES, NEEDS, SUMMARIES, TITLES } from "./lib/scale-words";
import { runMain } from "./lib/run-main";

const { values: args } = parseArgs({
  options: {
    addresses: { type: "string", default: "1300000" },
    pledges: { type: "string", default: "5000000" },
    batch: { type: "string", default: "2000" },
    jobs: { type: "string", default: "2" },
    seed: { type: "string", default: "20250701" },
    append: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

if (args.help) {
  process.stdout.write(
    "npm run scale-data -- [--addresses 1300000] [--pledges 5000000] [--batch 2000] [--jobs 2] [--seed N] [--append]\n" +
      "Loads national-size demo data into DATABASE_URL (PostgreSQL). Refuses a database with addresses unless --append.\n",
  );
  process.exit(0);
}

const int = (name: string, value: string | undefined, min: number) => {
  const n = Number(String(value).replace(/_/g, ""));
  if (!Number.isSafeInteger(n) || n < min) {
    process.stderr.write(`--${name} must be a whole number ≥ ${min}\n`);
    process.exit(2);
  }
  return n;
};
const N_ADDRESSES = int("addresses", args.addresses, 1);
const N_PLEDGES = int("pledges", args.pledges, 0);
const BATCH = int("batch", args.batch, 1);
const JOBS = int("jobs", args.jobs, 1);
const SEED = int("seed", args.seed, 0);

// ───────────────────────────── small tools ─────────────────────────────

const MASK40 = (1n << 40n) - 1n;
/** A bijection on 40 bits, so distinct sequence numbers give distinct 8-symbol codes that do not look sequential. */
function publicCode(n: number): string {
  let x = BigInt(n) & MASK40;
  x = (x * 0x9e3779b97n + 0x5bd1e995n) & MASK40;
  x ^= x >> 17n;
  x = (x * 0xc2b2ae3dn) & MASK40;
  let s = PUBLIC_CODE_PREFIX;
  for (let i = 0; i < 8; i++) {
    s += PUBLIC_CODE_ALPHABET[Number(x & 31n)];
    x >>= 5n;
  }
  return s;
}

const DAY = 86_400_000;
const NOW = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const round1000 = (n: number) => Math.round(n / 1000) * 1000;

// ───────────────────────────── organisation ─────────────────────────────

interface Place {
  province: string;
  commune: string;
  short: string;
  former: string | null;
  chapterId: number;
  provinceChapterId: number;
  editorId: number;
  verifierId: number;
}
interface Org {
  places: Place[];
  programmeIds: number[];
  campaignIds: { month: number; tet: number; appeal: number };
}

async function setupOrganisation(db: DbOrTx): Promise<Org> {
  await db.execute(sql`
    insert into chapters (slug, name, level, path, province)
    values ('scale-trung-uong', 'Trung ương Hội Chữ thập đỏ Việt Nam (dữ liệu quy mô)', 'central', 'scale:/', null)
    on conflict (slug) do nothing`);
  const [central] = await execRows<{ id: number }>(db, sql`select id from chapters where slug = 'scale-trung-uong'`);
  for (const p of PROVINCES) {
    const slug = `scale-${p.slug}`;
    await db.execute(sql`
      insert into chapters (slug, name, level, parent_id, path, province, bank_bin, bank_account_number, bank_account_name)
      values (${slug}, ${`Hội Chữ thập đỏ ${p.kind === "city" && !p.name.startsWith("Thành phố") ? "thành phố " : p.kind === "city" ? "" : "tỉnh "}${p.name}`}, 'province',
              ${central.id}, ${`scale:${slug}`}, ${p.name}, '970436', ${`00${String(PROVINCES.indexOf(p)).padStart(8, "0")}`}, 'HOI CHU THAP DO')
      on conflict (slug) do nothing`);
    for (const c of COMMUNES[p.name] ?? []) {
      const cslug = `scale-${p.slug}-${slugify(c.short)}`;
      await db.execute(sql`
        insert into chapters (slug, name, level, parent_id, path, province, commune)
        select ${cslug}, ${`Hội Chữ thập đỏ ${c.name.charAt(0).toLowerCase()}${c.name.slice(1)}`}, 'commune', id, ${`scale:${cslug}`}, ${p.name}, ${c.name}
        from chapters where slug = ${slug}
        on conflict (slug) do nothing`);
    }
    for (const role of ["editor", "verifier"]) {
      await db.execute(sql`
        insert into users (email, name) values (${`scale-${role}-${p.slug}@trao.test`}, ${`${role === "editor" ? "Biên tập" : "Xác minh"} ${p.name}`})
        on conflict (email) do nothing`);
    }
  }
  // Materialised paths for the whole tree ("/1/4/17/"), as the app keeps them.
  await db.execute(sql`
    with recursive tree as (
      select id, '/' || id || '/' as path from chapters where slug = 'scale-trung-uong'
      union all
      select c.id, tree.path || c.id || '/' from chapters c join tree on c.parent_id = tree.id
    )
    update chapters set path = tree.path from tree where chapters.id = tree.id and chapters.path <> tree.path`);

  const campaigns: [string, string, string, string | null, string | null][] = [
    ["scale-gan-ket-dia-chi-nhan-dao", "programme", "Mỗi tổ chức, cá nhân gắn với một địa chỉ nhân đạo", "2016-01-01", null],
    ["scale-nang-buoc-em-den-truong", "programme", "Nâng bước em đến trường", "2018-08-01", null],
    ["scale-thang-nhan-dao-2026", "month", "Tháng Nhân đạo 2026", "2026-05-01", "2026-05-31"],
    ["scale-tet-nhan-ai-2027", "tet", "Tết Nhân ái Bính Ngọ 2027", "2026-12-01", "2027-02-15"],
    ["scale-khac-phuc-bao-so-3", "appeal", "Khắc phục hậu quả bão số 3", "2026-09-08", "2027-03-31"],
  ];
  for (const [slug, kind, title, startsOn, endsOn] of campaigns) {
    await db.execute(sql`
      insert into campaigns (slug, kind, status, title, summary, organiser_chapter_id, starts_on, ends_on)
      values (${slug}, ${kind}::campaign_kind, 'active', ${title}, ${title}, ${central.id}, ${startsOn}::date, ${endsOn}::date)
      on conflict (slug) do nothing`);
  }
  const campaignRows = await execRows<{ id: number; slug: string }>(db, sql`select id, slug from campaigns where slug like 'scale-%'`);
  const cid = (slug: string) => Number(campaignRows.find((c) => c.slug === slug)!.id);

  const chapterRows = await execRows<{ id: number; slug: string }>(db, sql`select id, slug from chapters where slug like 'scale-%'`);
  const chapterId = new Map(chapterRows.map((c) => [c.slug, Number(c.id)]));
  const userRows = await execRows<{ id: number; email: string }>(db, sql`select id, email from users where email like 'scale-%@trao.test'`);
  const userId = new Map(userRows.map((u) => [u.email, Number(u.id)]));
  const places: Place[] = [];
  for (const p of PROVINCES) {
    for (const c of COMMUNES[p.name] ?? []) {
      places.push({
        province: p.name,
        commune: c.name,
        short: c.short,
        former: c.former ?? null,
        chapterId: chapterId.get(`scale-${p.slug}-${slugify(c.short)}`)!,
        provinceChapterId: chapterId.get(`scale-${p.slug}`)!,
        editorId: userId.get(`scale-editor-${p.slug}@trao.test`)!,
        verifierId: userId.get(`scale-verifier-${p.slug}@trao.test`)!,
      });
    }
  }
  return {
    places,
    programmeIds: [cid("scale-gan-ket-dia-chi-nhan-dao"), cid("scale-nang-buoc-em-den-truong")],
    campaignIds: { month: cid("scale-thang-nhan-dao-2026"), tet: cid("scale-tet-nhan-ai-2027"), appeal: cid("scale-khac-phuc-bao-so-3") },
  };
}

// ───────────────────────────── one batch, in memory ─────────────────────────────

const STATUS_WEIGHTS: [AddressStatus, number][] = [
  ["completed", 55],
  ["closed", 30],
  ["published", 8.5],
  ["funded", 3.5],
  ["draft", 1.5],
  ["submitted", 1],
  ["rejected", 0.5],
];
const CATEGORY_WEIGHTS: [AddressCategory, number][] = [
  ["poor_household", 24],
  ["poor_fisherman", 10],
  ["malnourished_child", 9],
  ["disabled_child", 8],
  ["elderly_alone", 15],
  ["sick", 12],
  ["disaster_victim", 8],
  ["student", 12],
  ["other", 2],
];
const HIDDEN: AddressStatus[] = ["draft", "submitted", "rejected"];
const MESSAGES = ["Chúc gia đình sớm vượt qua khó khăn.", "Một chút tấm lòng.", "Cố lên em nhé!", "Thương gửi bà.", "Mong mọi điều tốt đẹp sẽ đến."];

interface GenNeed {
  title: string;
  unit: string;
  quantity: number;
  unitCost: number;
  amount: number;
}
interface GenPledge {
  code: string;
  needIndex: number;
  donorName: string;
  guestEmail: string | null;
  nameDisplay: NameDisplay;
  message: string | null;
  amount: number;
  method: PaymentMethod;
  status: PledgeStatus;
  received: number;
  paidAt: number | null;
  expiresAt: number | null;
  createdAt: number;
  receiptNumber: string | null;
}
interface GenAddress {
  slug: string;
  place: Place;
  category: AddressCategory;
  programmeId: number | null;
  title: string;
  summary: string;
  story: string;
  alias: string;
  urgency: number;
  householdSize: number | null;
  status: AddressStatus;
  deadline: string | null;
  createdAt: number;
  submittedAt: number | null;
  publishedAt: number | null;
  fundedAt: number | null;
  completedAt: number | null;
  closedAt: number | null;
  reverifyDueAt: number | null;
  needs: GenNeed[];
  pledges: GenPledge[];
  campaigns: number[];
}

function personName(r: Rng) {
  return `${r.pick(FAMILY_NAMES)} ${r.pick(MIDDLE_NAMES)} ${r.pick(GIVEN_NAMES)}`;
}

/** Splits `total` into `parts` multiples of 1,000 ₫, each at least 10,000 ₫. */
function split(r: Rng, total: number, parts: number): number[] {
  if (parts <= 1) return [total];
  const weights = Array.from({ length: parts }, () => 0.3 + r.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - parts * 10_000;
  const out = weights.map((w) => 10_000 + Math.floor((spare * w) / sum / 1000) * 1000);
  out[parts - 1] += total - out.reduce((a, b) => a + b, 0);
  return out;
}

function generateBatch(batchIndex: number, first: number, count: number, org: Org, slugBase: number, codeBase: number): GenAddress[] {
  const r = rng(SEED * 7919 + batchIndex);
  const meanPledges = N_PLEDGES / (N_ADDRESSES * 0.97);
  let codeSeq = codeBase;
  const out: GenAddress[] = [];
  for (let i = 0; i < count; i++) {
    const n = first + i;
    const status = r.weighted(STATUS_WEIGHTS);
    const category = r.weighted(CATEGORY_WEIGHTS);
    const place = r.pick(org.places);
    const initial = r.pick(INITIALS);
    const alias = r
      .pick(ALIASES[category])
      .replace("{I}", initial)
      .replace("{A}", String(r.int(2, 5)))
      .replace("{G}", String(r.int(6, 12)));
    const nNeeds = r.weighted([
      [1, 35],
      [2, 40],
      [3, 20],
      [4, 5],
    ] as const);
    const templates = NEEDS[category];
    const needs: GenNeed[] = [];
    for (let k = 0; k < nNeeds; k++) {
      const [title, unit, qMin, qMax, cMin, cMax] = templates[(k + r.int(0, templates.length - 1)) % templates.length];
      const quantity = r.int(qMin, qMax);
      const unitCost = round1000(cMin + r.next() * (cMax - cMin));
      needs.push({ title: needs.some((x) => x.title === title) ? `${title} (đợt ${k + 1})` : title, unit, quantity, unitCost, amount: quantity * unitCost });
    }
    const title = r
      .pick(TITLES[category])
      .replace("{need}", needs[0].title.toLowerCase())
      .replace("{place}", place.short);
    const summary = r
      .pick(SUMMARIES[category])
      .replace("{n}", String(r.int(3, 7)))
      .replace("{k}", String(r.int(2, 4)));
    const story = `${summary}\n\nHội Chữ thập đỏ ${place.commune.charAt(0).toLowerCase()}${place.commune.slice(1)} đã đến thăm và xác minh hoàn cảnh. Mọi đóng góp được công khai trên Trao.`;

    // Lifecycle times: listed ones are recent, finished ones spread over ten years.
    const listed = status === "published" || status === "funded";
    const hidden = HIDDEN.includes(status);
    const createdAt = listed || hidden ? NOW - r.int(5, 200) * DAY : NOW - r.int(90, 3650) * DAY;
    const submittedAt = status === "draft" ? null : createdAt + r.int(0, 3) * DAY;
    const publishedAt = hidden ? null : Math.min(NOW - DAY, submittedAt! + r.int(1, 10) * DAY);
    const deadline = listed && r.chance(0.85) ? isoDate(NOW + r.int(-5, 200) * DAY) : !hidden && r.chance(0.5) ? isoDate(publishedAt! + r.int(30, 240) * DAY) : null;

    // Money: finished and funded ones reached their goal; published ones part of it.
    const fraction = hidden ? 0 : status === "published" ? (r.chance(0.2) ? 0 : r.next() * 0.95) : 1;
    const slots = hidden ? 0 : Math.max(1, Math.round(1 + r.next() * (2 * meanPledges - 2)));
    const pledges: GenPledge[] = [];
    let lastPaid = publishedAt ?? createdAt;
    const span = Math.max(DAY, (status === "published" ? NOW : Math.min(NOW, (publishedAt ?? createdAt) + 120 * DAY)) - (publishedAt ?? createdAt));
    const paidSlots = Math.max(fraction > 0 ? nNeeds : 0, Math.round(slots * 0.9));
    const funded = needs.map((x) => (fraction >= 1 ? x.amount : Math.floor((x.amount * fraction) / 1000) * 1000));
    // Paid pledges, shared out over the needs.
    const perNeed = needs.map(() => 0);
    for (let k = 0; k < paidSlots; k++) perNeed[k < nNeeds ? k : r.int(0, nNeeds - 1)] += 1;
    for (let k = 0; k < nNeeds; k++) {
      const parts = Math.min(perNeed[k], Math.floor(funded[k] / 10_000));
      if (funded[k] < 10_000 || parts === 0) continue;
      for (const amount of split(r, funded[k], parts)) {
        const paidAt = (publishedAt ?? createdAt) + Math.floor(r.next() * span);
        lastPaid = Math.max(lastPaid, paidAt);
        const method = r.weighted([
          ["bank_transfer", 50],
          ["vnpay", 30],
          ["cash", 15],
          ["stripe", 5],
        ] as const);
        pledges.push(pledge(r, codeSeq++, k, amount, "paid", method, paidAt));
      }
    }
    // Some that never turned into money.
    for (let k = paidSlots; k < slots || (fraction === 0 && k < paidSlots + 1 && !hidden); k++) {
      const status: PledgeStatus = listed && r.chance(0.4) ? "pending" : r.weighted([["expired", 6], ["failed", 3], ["cancelled", 1]] as const);
      const at = (publishedAt ?? createdAt) + Math.floor(r.next() * span);
      pledges.push(pledge(r, codeSeq++, r.int(0, nNeeds - 1), round1000(r.int(50, 500) * 1000), status, r.pick(["bank_transfer", "vnpay"] as const), at));
    }
    const fundedAt = status === "funded" || status === "completed" || status === "closed" ? lastPaid : null;
    const completedAt = status === "completed" || status === "closed" ? Math.min(NOW, fundedAt! + r.int(20, 120) * DAY) : null;
    const closedAt = status === "closed" ? Math.min(NOW, completedAt! + r.int(30, 365) * DAY) : null;
    const campaigns: number[] = [];
    if (listed && r.chance(0.15)) campaigns.push(org.campaignIds.tet);
    if (listed && r.chance(0.05)) campaigns.push(org.campaignIds.month);
    if ((listed || status === "completed") && category === "disaster_victim" && r.chance(0.6)) campaigns.push(org.campaignIds.appeal);

    out.push({
      slug: `${slugify(title, 60)}-${(slugBase + n).toString(36)}`,
      place,
      category,
      programmeId: category === "student" && r.chance(0.6) ? org.programmeIds[1] : r.chance(0.55) ? org.programmeIds[0] : null,
      title,
      summary,
      story,
      alias,
      urgency: r.weighted([
        [1, 20],
        [2, 40],
        [3, 28],
        [4, 12],
      ] as const),
      householdSize: r.chance(0.8) ? r.int(1, 8) : null,
      status,
      deadline,
      createdAt,
      submittedAt,
      publishedAt,
      fundedAt,
      completedAt,
      closedAt,
      reverifyDueAt: hidden ? null : (publishedAt ?? createdAt) + 365 * DAY,
      needs,
      pledges,
      campaigns,
    });
  }
  return out;
}

function pledge(r: Rng, seq: number, needIndex: number, amount: number, status: PledgeStatus, method: PaymentMethod, at: number): GenPledge {
  const guest = r.chance(0.6);
  const donorName = r.chance(0.1) ? `Công ty ${r.pick(["TNHH", "Cổ phần"])} ${r.pick(GIVEN_NAMES)} ${r.pick(["Phát", "Thịnh", "Hưng", "An"])}` : personName(r);
  const paid = status === "paid";
  return {
    code: publicCode(seq),
    needIndex,
    donorName,
    guestEmail: guest ? `${slugify(donorName).replace(/-/g, ".")}.${seq % 997}@example.com` : null,
    nameDisplay: r.weighted([
      ["full", 50],
      ["initials", 30],
      ["anonymous", 20],
    ] as const),
    message: r.chance(0.25) ? r.pick(MESSAGES) : null,
    amount,
    method,
    status,
    received: paid ? amount : 0,
    paidAt: paid ? at : null,
    expiresAt: method === "bank_transfer" ? at + 3 * DAY : at + DAY / 24,
    createdAt: at - 60_000,
    receiptNumber: method === "cash" ? `BL-${seq}` : null,
  };
}

// ───────────────────────────── one batch, into the database ─────────────────────────────

interface Timings {
  generate: number;
  addresses: number;
  needs: number;
  pledges: number;
  ledger: number;
  commit: number;
  rows: { addresses: number; needs: number; pledges: number; groups: number };
}
const timings: Timings = { generate: 0, addresses: 0, needs: 0, pledges: 0, ledger: 0, commit: 0, rows: { addresses: 0, needs: 0, pledges: 0, groups: 0 } };

async function writeBatch(db: DbOrTx, batch: GenAddress[]) {
  let bodyDone = 0;
  const started = performance.now();
  await db.transaction(async (tx: Tx) => {
    // A generator can lose its last second of work in a crash: no need to wait for the disk.
    await tx.execute(sql`set local synchronous_commit = off`);
    let t0 = performance.now();
    const a = batch;
    const inserted = await execRows<{ id: number; slug: string }>(
      tx,
      sql`
      insert into addresses (slug, chapter_id, category, programme_id, title, summary, story, public_alias, province, former_province,
        commune, urgency, household_size, status, deadline, created_by, submitted_at, verified_by, verified_chapter_id, verified_at,
        reverify_due_at, published_at, funded_at, completed_at, closed_at, created_at, updated_at)
      select * from unnest(
        ${pgArray(a.map((x) => x.slug))}::text[], ${pgArray(a.map((x) => x.place.chapterId))}::int[],
        ${pgArray(a.map((x) => x.category))}::address_category[], ${pgArray(a.map((x) => x.programmeId))}::int[],
        ${pgArray(a.map((x) => x.title))}::text[], ${pgArray(a.map((x) => x.summary))}::text[], ${pgArray(a.map((x) => x.story))}::text[],
        ${pgArray(a.map((x) => x.alias))}::text[], ${pgArray(a.map((x) => x.place.province))}::text[],
        ${pgArray(a.map((x) => x.place.former))}::text[], ${pgArray(a.map((x) => x.place.commune))}::text[],
        ${pgArray(a.map((x) => x.urgency))}::smallint[], ${pgArray(a.map((x) => x.householdSize))}::smallint[],
        ${pgArray(a.map((x) => x.status))}::address_status[], ${pgArray(a.map((x) => x.deadline))}::date[],
        ${pgArray(a.map((x) => x.place.editorId))}::int[], ${pgArray(a.map((x) => (x.submittedAt ? iso(x.submittedAt) : null)))}::timestamptz[],
        ${pgArray(a.map((x) => (x.publishedAt ? x.place.verifierId : null)))}::int[],
        ${pgArray(a.map((x) => (x.publishedAt ? x.place.provinceChapterId : null)))}::int[],
        ${pgArray(a.map((x) => (x.publishedAt ? iso(x.publishedAt - DAY) : null)))}::timestamptz[],
        ${pgArray(a.map((x) => (x.reverifyDueAt ? iso(x.reverifyDueAt) : null)))}::timestamptz[],
        ${pgArray(a.map((x) => (x.publishedAt ? iso(x.publishedAt) : null)))}::timestamptz[],
        ${pgArray(a.map((x) => (x.fundedAt ? iso(x.fundedAt) : null)))}::timestamptz[],
        ${pgArray(a.map((x) => (x.completedAt ? iso(x.completedAt) : null)))}::timestamptz[],
        ${pgArray(a.map((x) => (x.closedAt ? iso(x.closedAt) : null)))}::timestamptz[],
        ${pgArray(a.map((x) => iso(x.createdAt)))}::timestamptz[],
        ${pgArray(a.map((x) => iso(x.closedAt ?? x.completedAt ?? x.fundedAt ?? x.publishedAt ?? x.createdAt)))}::timestamptz[])
      returning id, slug`,
    );
    const addressId = new Map(inserted.map((row) => [row.slug, Number(row.id)]));
    timings.addresses += performance.now() - t0;

    t0 = performance.now();
    const needRows = a.flatMap((x) => x.needs.map((n, k) => ({ addressId: addressId.get(x.slug)!, k, ...n })));
    const needIds = await execRows<{ id: number; address_id: number; sort_order: number }>(
      tx,
      sql`
      insert into needs (address_id, title, kind, quantity, unit, unit_cost, amount, sort_order)
      select a, t, 'cash', q, u, c, m, s from unnest(
        ${pgArray(needRows.map((n) => n.addressId))}::int[], ${pgArray(needRows.map((n) => n.title))}::text[],
        ${pgArray(needRows.map((n) => n.quantity))}::int[], ${pgArray(needRows.map((n) => n.unit))}::text[],
        ${pgArray(needRows.map((n) => n.unitCost))}::bigint[], ${pgArray(needRows.map((n) => n.amount))}::bigint[],
        ${pgArray(needRows.map((n) => n.k))}::smallint[]) as x(a, t, q, u, c, m, s)
      returning id, address_id, sort_order`,
    );
    const needId = new Map(needIds.map((row) => [`${row.address_id}:${row.sort_order}`, Number(row.id)]));
    const links = a.flatMap((x) => x.campaigns.map((c) => [addressId.get(x.slug)!, c]));
    if (links.length) {
      await tx.execute(sql`
        insert into address_campaigns (address_id, campaign_id)
        select * from unnest(${pgArray(links.map((l) => l[0]))}::int[], ${pgArray(links.map((l) => l[1]))}::int[])`);
    }
    timings.needs += performance.now() - t0;

    t0 = performance.now();
    const pledgeRows = a.flatMap((x) => {
      const id = addressId.get(x.slug)!;
      return x.pledges.map((p) => ({ ...p, addressId: id, needId: needId.get(`${id}:${p.needIndex}`)! }));
    });
    const pledgeIds: { id: number; public_code: string }[] = [];
    for (let i = 0; i < pledgeRows.length; i += 10_000) {
      const p = pledgeRows.slice(i, i + 10_000);
      pledgeIds.push(
        ...(await execRows<{ id: number; public_code: string }>(
          tx,
          sql`
          insert into pledges (public_code, address_id, need_id, donor_name, guest_email, name_display, message, amount, method, status,
            received_amount, expires_at, paid_at, receipt_number, created_at)
          select * from unnest(
            ${pgArray(p.map((x) => x.code))}::text[], ${pgArray(p.map((x) => x.addressId))}::int[], ${pgArray(p.map((x) => x.needId))}::int[],
            ${pgArray(p.map((x) => x.donorName))}::text[], ${pgArray(p.map((x) => x.guestEmail))}::text[],
            ${pgArray(p.map((x) => x.nameDisplay))}::name_display[], ${pgArray(p.map((x) => x.message))}::text[],
            ${pgArray(p.map((x) => x.amount))}::bigint[], ${pgArray(p.map((x) => x.method))}::payment_method[],
            ${pgArray(p.map((x) => x.status))}::pledge_status[], ${pgArray(p.map((x) => x.received))}::bigint[],
            ${pgArray(p.map((x) => (x.expiresAt ? iso(x.expiresAt) : null)))}::timestamptz[],
            ${pgArray(p.map((x) => (x.paidAt ? iso(x.paidAt) : null)))}::timestamptz[],
            ${pgArray(p.map((x) => x.receiptNumber))}::text[], ${pgArray(p.map((x) => iso(x.createdAt)))}::timestamptz[])
          returning id, public_code`,
        )),
      );
    }
    const pledgeId = new Map(pledgeIds.map((row) => [row.public_code, Number(row.id)]));
    timings.pledges += performance.now() - t0;

    // Every paid pledge is one donation group, through the ledger's checked bulk writer.
    t0 = performance.now();
    const groups: LedgerGroupInput[] = pledgeRows
      .filter((p) => p.status === "paid")
      .map((p) => {
        const id = pledgeId.get(p.code)!;
        return {
          kind: "donation",
          idempotencyKey: `donation:pledge:${id}`,
          pledgeId: id,
          occurredAt: new Date(p.paidAt!),
          lines: [
            { account: "donors", amount: -p.amount },
            { account: "address_fund", amount: p.amount, addressId: p.addressId, needId: p.needId },
          ],
        };
      });
    await postGroupsBulk(tx, groups);
    timings.ledger += performance.now() - t0;
    timings.rows.addresses += a.length;
    timings.rows.needs += needRows.length;
    timings.rows.pledges += pledgeRows.length;
    timings.rows.groups += groups.length;
    bodyDone = performance.now();
  });
  // The deferred constraint triggers (one balance check per group and per line) run at COMMIT.
  timings.commit += performance.now() - bodyDone;
  return performance.now() - started;
}

// ───────────────────────────── progress ─────────────────────────────

function duration(ms: number) {
  const s = Math.round(ms / 1000);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

function progress(started: number) {
  let last = 0;
  const draw = (final = false) => {
    const now = performance.now();
    if (!final && now - last < 500) return;
    last = now;
    const done = timings.rows.addresses;
    const elapsed = now - started;
    const rate = done / (elapsed / 1000 || 1);
    const ratio = done / N_ADDRESSES;
    const width = 24;
    const bar = "█".repeat(Math.round(ratio * width)).padEnd(width, "░");
    const eta = rate > 0 ? duration(((N_ADDRESSES - done) / rate) * 1000) : "?";
    const rows = done + timings.rows.needs + timings.rows.pledges + timings.rows.groups * 3;
    process.stderr.write(
      `\r${bar} ${(ratio * 100).toFixed(1).padStart(5)}%  ${fmt(done)}/${fmt(N_ADDRESSES)} addresses · ${fmt(timings.rows.pledges)} pledges · ` +
        `${fmt(rate)} addr/s · ${fmt(rows / (elapsed / 1000 || 1))} rows/s · ${final ? `done in ${duration(elapsed)}` : `ETA ${eta}`}   ${final ? "\n" : ""}`,
    );
  };
  return draw;
}

// ───────────────────────────── main ─────────────────────────────

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write("scale-data loads PostgreSQL only: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/trao_bench).\n");
    return 2;
  }
  const database = await openDatabase({ databaseUrl: url, poolMax: JOBS + 1 });
  const { db } = database;
  try {
    const [existing] = await execRows<{ n: string }>(db, sql`select count(*)::text as n from addresses`);
    const already = Number(existing.n);
    if (already > 0 && !args.append) {
      process.stderr.write(`${database.location} already has ${fmt(already)} addresses: refusing to load more. Use --append to add to them, or an empty database.\n`);
      return 1;
    }
    process.stderr.write(`Loading ${fmt(N_ADDRESSES)} addresses and about ${fmt(N_PLEDGES)} pledges into ${database.location} (batches of ${BATCH}, ${JOBS} in flight)…\n`);
    const org = await setupOrganisation(db);
    const [pledgeCount] = await execRows<{ n: string }>(db, sql`select count(*)::text as n from pledges`);
    // Distinct sequence numbers across runs (--append) give distinct codes and slugs.
    const slugBase = already * 7 + 1;
    const codeBase = Number(pledgeCount.n) * 3 + already * 50 + 1_000_000_000;

    const started = performance.now();
    const draw = progress(started);
    const ticker = setInterval(() => draw(), 500);
    const batches = Math.ceil(N_ADDRESSES / BATCH);
    let next = 0;
    const worker = async () => {
      for (;;) {
        const b = next++;
        if (b >= batches) return;
        const first = b * BATCH;
        const count = Math.min(BATCH, N_ADDRESSES - first);
        const t0 = performance.now();
        const batch = generateBatch(b, first, count, org, slugBase, codeBase + b * 1_000_000);
        timings.generate += performance.now() - t0;
        await writeBatch(db, batch);
        draw();
      }
    };
    await Promise.all(Array.from({ length: JOBS }, worker));
    clearInterval(ticker);
    draw(true);
    const loadMs = performance.now() - started;

    const t0 = performance.now();
    // VACUUM too: it sets the visibility map (index-only scans) and empties the GIN pending lists
    // that a bulk load leaves behind (a manual ANALYZE does not).
    process.stderr.write("VACUUM (ANALYZE)…\n");
    await db.execute(sql`vacuum (analyze)`);
    const analyzeMs = performance.now() - t0;

    // Time per phase, summed over the workers (they overlap, so the sum exceeds the wall time).
    const busy = timings.generate + timings.addresses + timings.needs + timings.pledges + timings.ledger + timings.commit;
    const share = (ms: number) => `${duration(ms).padStart(6)}  ${((100 * ms) / busy).toFixed(0).padStart(3)}%`;
    const lines = [
      `Loaded ${fmt(timings.rows.addresses)} addresses, ${fmt(timings.rows.needs)} needs, ${fmt(timings.rows.pledges)} pledges, ${fmt(timings.rows.groups)} ledger groups (${fmt(timings.rows.groups * 2)} lines)`,
      `in ${duration(loadMs)} wall time (+ VACUUM ANALYZE ${duration(analyzeMs)}); per phase, summed over ${JOBS} workers:`,
      `  generate in Node        ${share(timings.generate)}`,
      `  addresses (+ triggers)  ${share(timings.addresses)}`,
      `  needs (+ goal trigger)  ${share(timings.needs)}`,
      `  pledges                 ${share(timings.pledges)}`,
      `  ledger: postGroupsBulk  ${share(timings.ledger)}   ${fmt(timings.rows.groups / (timings.ledger / 1000 || 1))} groups/s`,
      `  ledger: COMMIT          ${share(timings.commit)}   (deferred balance checks of migration 0002: one per group and per line)`,
    ];
    process.stdout.write(lines.join("\n") + "\n");
    return 0;
  } finally {
    await database.close();
  }
}

runMain("\nscale-data failed", main);
