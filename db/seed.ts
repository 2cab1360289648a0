import os from "node:os";
import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { postGroupsBulk, type LedgerGroupInput } from "../app/ledger/ledger.server";
import { formatVnd } from "../app/ledger/money";
import { sanitizeImage, type SanitizedImage } from "../app/media/images.server";
import { storeImage, type MediaEnv } from "../app/media/storage.server";
import { getEnv, type Env } from "../app/utils/env.server";
import { duplicateKey, hashIdNumber } from "../app/utils/id-hash.server";
import { hashPassword } from "../app/utils/password.server";
import { slugify, stripDiacritics } from "../app/utils/text";
import { execRows, type Db, type DbOrTx, type Tx } from "./client";
import type { AddressCategory, AddressStatus, ConsentRelationship, MediaKind, NameDisplay, PaymentMethod, PledgeStatus, Provider, Role } from "./enums";
import {
  bankAccountName,
  createRng,
  donationGroup,
  feeGroup,
  makeAddress,
  makeAddressPrivate,
  makeCampaign,
  makeChapter,
  makeConsent,
  makeDisbursement,
  makeMembership,
  makeNeed,
  makePledge,
  makeSponsorship,
  makeUpdate,
  makeUser,
  refreshChapterPaths,
  refundGroup,
  spendingGroup,
  uniquePublicCode,
  type Rng,
} from "./factories";
import * as S from "./schema";
import {
  ADDRESSES,
  CAMPAIGNS,
  CHAPTERS,
  CREWS,
  DEMO_PASSWORD,
  GIVEN_F,
  GIVEN_M,
  MESSAGES,
  MIDDLE_F,
  MIDDLE_M,
  ORGS,
  PAYEES,
  STAFF,
  STORY_TEXT,
  SURNAMES,
  THANKS,
  type AddressSpec,
  type NeedSpec,
} from "./seed-data";
import { SCENES, receiptSvg, renderSvg, type ReceiptSpec } from "./seed-images";

// Believable Vietnamese demo data for an EMPTY database, in one transaction: chapters, staff,
// campaigns, ~60 addresses in every category and status, pledges by every method and status,
// a balanced ledger (through postGroupsBulk only), disbursements with receipts, updates,
// consents, adoptions and an audit trail. Deterministic: a seeded PRNG and a fixed base date.

/** "Today" in the demo world: 20 November 2026, 10:00 in Vietnam (three days before the 80th anniversary). */
export const SEED_BASE_DATE = new Date("2026-11-20T03:00:00.000Z");
const SEED = 20_261_120;
const SEED_LOCK_KEY = 7_302_114_002;
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const ICT = 7 * HOUR;

export class SeedRefusedError extends Error {
  constructor() {
    super("The database already has chapters: the demo seed runs only on an empty database.");
    this.name = "SeedRefusedError";
  }
}

export interface SeedOptions {
  /** Where local media files go (default: env.mediaDir). */
  mediaDir?: string;
  env?: Env;
  log?: (msg: string) => void;
  /** Upload demo images to Cloudinary when CLOUDINARY_URL is set (default: local files). */
  useCloudinary?: boolean;
}

export interface SeedSummary {
  chapters: number;
  users: number;
  campaigns: number;
  addresses: number;
  needs: number;
  pledges: number;
  ledgerGroups: number;
  disbursements: number;
  updates: number;
  media: number;
  ms: number;
}

/** True once the demo seed (or anyone) created a chapter. */
export async function isSeeded(db: DbOrTx): Promise<boolean> {
  const [row] = await execRows<{ n: number | string }>(db, sql`select count(*)::int as n from chapters`);
  return Number(row.n) > 0;
}

export async function seedDemo(db: Db, opts: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const env = opts.env ?? getEnv();
  const mediaEnv: MediaEnv = { mediaDir: opts.mediaDir ?? env.mediaDir, CLOUDINARY_URL: opts.useCloudinary ? env.CLOUDINARY_URL : undefined };
  if (await isSeeded(db)) throw new SeedRefusedError();

  const world = planWorld(env.ID_HASH_KEY);
  // CPU work off the main thread (argon2 and libvips use worker threads) while PGlite inserts.
  const hashes = Promise.all(STAFF.map(() => hashPassword(DEMO_PASSWORD)));
  const images = renderImages(world);
  // Awaited inside the transaction; no unhandled rejection if it fails first.
  images.scenes.catch(() => {});
  images.receipts.catch(() => {});
  hashes.catch(() => {});

  const summary = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    if (await isSeeded(tx)) throw new SeedRefusedError();
    return insertWorld(tx, world, hashes, images, mediaEnv, log);
  });
  summary.ms = Math.round(performance.now() - started);
  log(`Demo data seeded in ${summary.ms} ms: ${summary.addresses} addresses, ${summary.pledges} pledges, ${summary.ledgerGroups} ledger groups, ${summary.media} images.`);
  return summary;
}

// ════════════════════════════ planning (pure, in memory) ════════════════════════════

type DonorRef = { user: string } | { guest: true };

interface PNeed {
  spec: NeedSpec;
  amount: number;
  funded: number;
  fulfilled: number;
}

interface PConsent {
  givenBy: string;
  relationship: ConsentRelationship;
  story: boolean;
  photos: boolean;
  firstName: boolean;
  givenOn: string;
  withdrawnAt: Date | null;
  note: string | null;
}

interface PPhoto {
  scene: string;
  consent: number | null;
  isPublic: boolean;
  at: Date;
}

interface PAddress {
  i: number;
  spec: AddressSpec;
  chapter: string;
  crew: string;
  province: string;
  commune: string;
  formerProvince: string | null;
  slug: string;
  goal: number;
  needs: PNeed[];
  author: string;
  verifier: string | null;
  verifierChapter: string | null;
  createdAt: Date;
  submittedAt: Date | null;
  verifiedAt: Date | null;
  publishedAt: Date | null;
  fundedAt: Date | null;
  completedAt: Date | null;
  closedAt: Date | null;
  rejectedAt: Date | null;
  deadline: string | null;
  consents: PConsent[];
  photos: PPhoto[];
  campaigns: string[];
  programme: string | null;
  raised: number;
  gifts: number;
  idNumber: string;
}

interface PAttempt {
  provider: Provider;
  attemptNo: number;
  txnRef: string;
  providerRef: string | null;
  status: "pending" | "succeeded" | "failed" | "expired";
  createdAt: Date;
  completedAt: Date | null;
}

interface PEvent {
  provider: Provider;
  externalId: string;
  eventType: string;
  payload: Record<string, unknown>;
  at: Date;
  error: string | null;
}

interface PBankTx {
  source: "casso" | "sepay" | "statement";
  externalId: string;
  accountNumber: string;
  amount: number;
  memo: string;
  at: Date;
  status: "waiting" | "matched" | "accepted" | "returned" | "ignored";
  pledge: number | null;
  resolvedBy: string | null;
  note: string | null;
}

interface PPledge {
  i: number;
  addr: number;
  need: number | null;
  sponsorship: number | null;
  donor: DonorRef;
  donorName: string;
  guestEmail: string | null;
  nameDisplay: NameDisplay;
  message: string | null;
  amount: number;
  quantity: number | null;
  method: PaymentMethod;
  status: PledgeStatus;
  received: number;
  refunded: number;
  isLate: boolean;
  createdAt: Date;
  expiresAt: Date | null;
  paidAt: Date | null;
  receiptNumber: string | null;
  recordedBy: string | null;
  campaign: string | null;
  code: string;
  locale: string;
  providerRef: string | null;
  attempts: PAttempt[];
  events: PEvent[];
  refund: { amount: number; at: Date; providerRef: string | null; memo: string } | null;
  fee: { amount: number; at: Date; providerRef: string } | null;
}

interface PSponsorship {
  i: number;
  kind: "monthly" | "whole_need";
  status: "active" | "completed" | "lapsed";
  addr: number;
  need: number;
  donor: DonorRef;
  donorName: string;
  nameDisplay: NameDisplay;
  monthly: number | null;
  months: number | null;
  startsOn: string;
  endsOn: string | null;
  stripeSub: string | null;
  lapsedAt: Date | null;
  createdAt: Date;
}

interface PDisbursement {
  i: number;
  addr: number;
  need: number;
  kind: "cash" | "in_kind";
  amount: number;
  quantity: number | null;
  payee: string;
  description: string;
  spentOn: string;
  status: "recorded" | "approved" | "rejected";
  recordedBy: string;
  approvedBy: string | null;
  approvedAt: Date | null;
  rejectedReason: string | null;
  createdAt: Date;
  receipt: string;
}

interface PUpdate {
  addr: number;
  kind: "progress" | "disbursement" | "thank_you" | "completion";
  title: string;
  body: string;
  disbursement: number | null;
  author: string;
  at: Date;
  scene: string | null;
}

interface PAudit {
  actor: string;
  chapter: string;
  action: string;
  entity: "address" | "disbursement" | "pledge" | "consent" | "bank_transaction";
  ref: number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: Date;
}

interface PDonor {
  key: string;
  name: string;
  email: string;
  phone: string | null;
  createdAt: Date;
  isOrg: boolean;
}

interface World {
  donors: PDonor[];
  addresses: PAddress[];
  pledges: PPledge[];
  sponsorships: PSponsorship[];
  disbursements: PDisbursement[];
  updates: PUpdate[];
  audits: PAudit[];
  extraBankTx: PBankTx[];
  bankTxByPledge: Map<number, PBankTx>;
  receipts: Map<string, ReceiptSpec>;
  privateByAddress: Map<number, { name: string; birthYear: number | null; location: string; phone: string | null; idHash: string | null; dupKey: string; notes: string | null }>;
}

const at = (ms: number) => new Date(ms);
const daysAgo = (days: number) => at(SEED_BASE_DATE.getTime() - days * DAY);
/** yyyy-mm-dd in Vietnam. */
const localDate = (d: Date) => new Date(d.getTime() + ICT).toISOString().slice(0, 10);
const localDmy = (d: Date) => localDate(d).split("-").reverse().join("/");
/** The same day in Vietnam at hh:mm. */
function atLocal(d: Date, hour: number, minute = 0): Date {
  const day = Math.floor((d.getTime() + ICT) / DAY) * DAY;
  return at(day + hour * HOUR + minute * MIN - ICT);
}
/** A random moment in [from, to], moved into waking hours (06–22 in Vietnam) when it fits. */
function momentBetween(rng: Rng, from: Date, to: Date): Date {
  const a = from.getTime();
  const b = Math.max(a, to.getTime());
  const raw = at(a + Math.floor(rng.next() * (b - a)));
  const moved = atLocal(raw, rng.int(6, 21), rng.int(0, 59));
  return moved.getTime() >= a && moved.getTime() <= b ? moved : raw;
}
const roundDown = (n: number, step: number) => Math.floor(n / step) * step;
const cap = (s: string) => s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);
const provinceKey = (chapterKey: string) => chapterKey.split("-")[0];
const PROVINCE_CODE: Record<string, string> = { ag: "AG", cm: "CM", qt: "QT", hn: "HN", hcm: "HCM", tw: "TW" };
/** 12-digit CCCD-shaped number: birth-province code, century/sex digit, birth year, six digits (invented). */
const CCCD_PROVINCE: Record<string, string> = { ag: "091", cm: "096", qt: "044", hn: "001", hcm: "079" };

const PUBLIC: AddressStatus[] = ["published", "funded", "completed", "closed"];
const chapterByKey = new Map(CHAPTERS.map((c) => [c.key, c]));

function planWorld(idHashKey: string): World {
  const rng = createRng(SEED);
  const codes = new Set<string>();
  const world: World = {
    donors: [],
    addresses: [],
    pledges: [],
    sponsorships: [],
    disbursements: [],
    updates: [],
    audits: [],
    extraBankTx: [],
    bankTxByPledge: new Map(),
    receipts: new Map(),
    privateByAddress: new Map(),
  };

  // ── donors: 40 people, a dozen organisations ──
  const emails = new Set<string>(STAFF.map((s) => s.email));
  const personName = () => {
    const female = rng.chance(0.55);
    return `${rng.pick(SURNAMES)} ${rng.pick(female ? MIDDLE_F : MIDDLE_M)} ${rng.pick(female ? GIVEN_F : GIVEN_M)}`;
  };
  for (let i = 0; i < 40; i++) {
    const name = personName();
    let email = `${slugify(name).replace(/-/g, ".")}${rng.int(70, 99)}@example.com`;
    while (emails.has(email)) email = `${slugify(name).replace(/-/g, ".")}${rng.int(100, 999)}@example.com`;
    emails.add(email);
    world.donors.push({ key: `d${i}`, name, email, phone: rng.chance(0.5) ? `09${rng.string(8, "0123456789")}` : null, createdAt: daysAgo(rng.int(380, 540)), isOrg: false });
  }
  for (const org of ORGS) world.donors.push({ key: `org:${org.key}`, name: org.name, email: org.email, phone: null, createdAt: daysAgo(rng.int(300, 520)), isOrg: true });
  const people = world.donors.filter((d) => !d.isOrg);
  const orgs = world.donors.filter((d) => d.isOrg);
  const donorName = (ref: DonorRef, fallback: string) => ("user" in ref ? (STAFF.find((s) => s.key === ref.user)?.name ?? world.donors.find((d) => d.key === ref.user)!.name) : fallback);

  // ── addresses: timeline, needs, people, consents, photos ──
  const slugs = new Set<string>();
  for (const [i, spec] of ADDRESSES.entries()) {
    const chapter = chapterByKey.get(spec.chapter)!;
    const crewKey = provinceKey(spec.chapter);
    const crew = CREWS[crewKey];
    const author = crew.editors.find(([prefix]) => spec.chapter === prefix || spec.chapter.startsWith(`${prefix}-`))![1];
    const isPublic = PUBLIC.includes(spec.status);
    const defaultAgo: Record<AddressStatus, [number, number]> = {
      draft: [1, 12],
      submitted: [2, 9],
      rejected: [15, 60],
      published: [8, 300],
      funded: [40, 330],
      completed: [90, 480],
      closed: [220, 500],
    };
    const ago = spec.createdDaysAgo ?? rng.int(...defaultAgo[spec.status]);
    const createdAt = atLocal(daysAgo(ago), rng.int(7, 16), rng.int(0, 59));
    const submittedAt = spec.status === "draft" ? null : at(createdAt.getTime() + rng.int(3, 50) * HOUR);
    const verifiedAt = isPublic ? at(submittedAt!.getTime() + rng.int(20, 96) * HOUR) : null;
    const publishedAt = verifiedAt ? at(verifiedAt.getTime() + rng.int(1, 6) * HOUR) : null;
    const rejectedAt = spec.status === "rejected" ? at(submittedAt!.getTime() + rng.int(20, 72) * HOUR) : null;
    let slug = slugify(spec.title);
    while (slugs.has(slug)) slug = `${slugify(spec.title)}-${rng.int(2, 99)}`;
    slugs.add(slug);
    const needs = spec.needs.map((n) => ({ spec: n, amount: n.quantity * n.unitCost, funded: 0, fulfilled: 0 }));
    const programme = spec.campaigns?.find((c) => c === "fisher" || c === "nutrition") ?? null;
    const commune = spec.commune ?? chapter.commune!;
    const [name, birthYear, sex] = spec.person;
    const isChild = birthYear != null && birthYear > 2008;
    const a: PAddress = {
      i,
      spec,
      chapter: spec.chapter,
      crew: crewKey,
      province: chapter.province!,
      commune,
      formerProvince: spec.formerProvince ?? chapter.formerProvince ?? null,
      slug,
      goal: needs.reduce((s, n) => s + n.amount, 0),
      needs,
      author,
      verifier: isPublic ? crew.verifier : null,
      verifierChapter: isPublic ? crew.verifierChapter : null,
      createdAt,
      submittedAt,
      verifiedAt,
      publishedAt,
      fundedAt: null,
      completedAt: null,
      closedAt: null,
      rejectedAt,
      deadline: null,
      consents: [],
      photos: [],
      campaigns: spec.campaigns ?? [],
      programme,
      raised: 0,
      gifts: 0,
      idNumber: "",
    };
    // Staff-only facts. The likely-duplicate pair shares name, birth year, commune and ID number.
    const twin = spec.sameIdAs ? world.addresses.find((x) => x.spec.key === spec.sameIdAs) : undefined;
    a.idNumber = twin
      ? twin.idNumber
      : sex === "g"
        ? ""
        : `${CCCD_PROVINCE[crewKey]}${(birthYear ?? 1980) >= 2000 ? (sex === "f" ? 3 : 2) : sex === "f" ? 1 : 0}${String((birthYear ?? 1980) % 100).padStart(2, "0")}${rng.string(6, "0123456789")}`;
    world.privateByAddress.set(i, {
      name,
      birthYear,
      location: spec.location,
      phone: sex === "g" || !isChild ? `0${rng.pick(["91", "93", "94", "97", "98", "86", "88", "38", "39"])}${rng.string(7, "0123456789")}` : null,
      idHash: a.idNumber ? hashIdNumber(a.idNumber, idHashKey) : null,
      dupKey: duplicateKey(name, birthYear, commune),
      notes: twin
        ? "Giáo viên chủ nhiệm đề xuất. Có thể trùng với hồ sơ bà nội em do Hội CTĐ phường lập: kiểm tra trước khi xác minh."
        : isChild
          ? "Ảnh chỉ đăng khi người giám hộ đã ký đồng ý."
          : null,
    });
    // Consent: every address past draft that is not rejected.
    if (spec.status !== "draft" && spec.status !== "rejected") {
      const givenOn = localDate(createdAt);
      const [guardianName, relationship] = spec.guardian ?? [name, sex === "g" ? (spec.category === "other" && spec.chapter.endsWith("hospital") ? "self" : "local_authority") : "self"];
      if (spec.key === "ht-be-m") {
        a.consents.push({ givenBy: guardianName, relationship, story: true, photos: false, firstName: false, givenOn, withdrawnAt: null, note: "Đồng ý đăng câu chuyện, không đăng ảnh (thay cho đồng ý ngày đầu)." });
        a.consents.push({
          givenBy: guardianName,
          relationship,
          story: true,
          photos: true,
          firstName: false,
          givenOn,
          withdrawnAt: daysAgo(25),
          note: "Gia đình đề nghị gỡ ảnh của bé khỏi trang công khai.",
        });
      } else {
        a.consents.push({ givenBy: guardianName, relationship, story: true, photos: true, firstName: rng.chance(0.3), givenOn, withdrawnAt: null, note: null });
      }
    }
    const photoConsent = a.consents.findIndex((c) => c.photos);
    const scenes = isPublic || spec.status === "submitted" ? spec.scenes.slice(0, isPublic ? 3 : 1) : [];
    for (const scene of scenes) {
      const consent = photoConsent >= 0 ? photoConsent : null;
      a.photos.push({ scene, consent, isPublic: consent != null && !a.consents[consent].withdrawnAt, at: at(createdAt.getTime() + 2 * HOUR) });
    }
    if (publishedAt && spec.status === "published") {
      a.deadline = rng.chance(0.85) ? localDate(at(Math.max(publishedAt.getTime() + rng.int(45, 150) * DAY, SEED_BASE_DATE.getTime() + rng.int(5, 90) * DAY))) : null;
    } else if (publishedAt) {
      a.deadline = rng.chance(0.8) ? localDate(at(publishedAt.getTime() + rng.int(30, 90) * DAY)) : null;
    } else if (spec.status !== "rejected") {
      a.deadline = localDate(at(createdAt.getTime() + rng.int(40, 120) * DAY));
    }
    world.addresses.push(a);

    // Audit: author creates and submits, verifier verifies or rejects.
    world.audits.push({ actor: author, chapter: spec.chapter, action: "address.create", entity: "address", ref: i, before: null, after: { status: "draft", title: spec.title }, at: createdAt });
    if (submittedAt) world.audits.push({ actor: author, chapter: spec.chapter, action: "address.submit", entity: "address", ref: i, before: { status: "draft" }, after: { status: "submitted" }, at: submittedAt });
    if (verifiedAt) {
      world.audits.push({
        actor: crew.verifier,
        chapter: spec.chapter,
        action: "address.verify",
        entity: "address",
        ref: i,
        before: { status: "submitted" },
        after: { status: "published", verifiedChapter: chapterByKey.get(crew.verifierChapter)!.name, reverifyDueAt: addMonths(verifiedAt, 12).toISOString() },
        at: verifiedAt,
      });
    }
    if (rejectedAt) {
      world.audits.push({ actor: crew.verifier, chapter: spec.chapter, action: "address.reject", entity: "address", ref: i, before: { status: "submitted" }, after: { status: "rejected", rejectedReason: spec.rejectedReason }, at: rejectedAt });
    }
    const withdrawn = a.consents.find((c) => c.withdrawnAt);
    if (withdrawn) {
      world.audits.push({ actor: author, chapter: spec.chapter, action: "consent.withdraw", entity: "consent", ref: i, before: { scopePhotos: true, withdrawnAt: null }, after: { scopePhotos: true, withdrawnAt: withdrawn.withdrawnAt!.toISOString(), photosHidden: true }, at: withdrawn.withdrawnAt! });
    }
  }
  const addrByKey = new Map(world.addresses.map((a) => [a.spec.key, a]));

  // ── pledge helpers ──
  let vnpNo = 14_226_112;
  let cassoId = 7_400_031;
  let sepayId = 1_130_077;
  let statementNo = 90_000_120;
  const receiptSeq: Record<string, number> = {};
  const nextReceipt = (crew: string, inKind: boolean) => {
    const k = `${crew}${inKind ? "HV" : ""}`;
    receiptSeq[k] = (receiptSeq[k] ?? 0) + 1;
    return `${PROVINCE_CODE[crew]}-${inKind ? "HV-" : ""}2026-${String(receiptSeq[k]).padStart(4, "0")}`;
  };
  const treasurerFor = (a: PAddress) => (a.crew === "ag" ? rng.pick(["treasurer", "treasurer", "treasurer2"]) : CREWS[a.crew].treasurer);
  const campaignFor = (a: PAddress, when: Date): string | null => {
    const day = localDate(when);
    for (const key of ["appeal", "tet", "month", "anniv"]) {
      if (!a.campaigns.includes(key)) continue;
      const c = CAMPAIGNS.find((x) => x.key === key)!;
      if ((!c.startsOn || day >= c.startsOn) && (!c.endsOn || day <= c.endsOn)) return key;
    }
    return null;
  };
  const accountFor = (a: PAddress, campaign: string | null) => {
    const own = CAMPAIGNS.find((c) => c.key === campaign)?.bank;
    return own ? own.number : chapterByKey.get(a.chapter)!.bankAccountNumber;
  };
  const pickMessage = (category: AddressCategory) => {
    const r = rng.next();
    if (r < 0.45) return rng.pick(MESSAGES[category]);
    if (r < 0.75) return rng.pick(MESSAGES.general) || null;
    return null;
  };
  const pickDisplay = (isOrg: boolean): NameDisplay => (isOrg ? rng.weighted([["full", 9], ["anonymous", 1]] as const) : rng.weighted([["full", 6], ["initials", 2.5], ["anonymous", 1.5]] as const));
  const guestName = () => personName();
  const guestEmailOf = (name: string) => `${slugify(stripDiacritics(name)).replace(/-/g, ".")}.${rng.int(1, 999)}@example.net`;

  const vnpayPayload = (p: PPledge, txnRef: string, no: string, code: "00" | "24" | "51", when: Date) => ({
    vnp_Amount: String(p.amount * 100),
    vnp_BankCode: code === "00" ? rng.pick(["NCB", "VCB", "TCB", "MB", "ACB", "VIETINBANK", "BIDV", "AGRIBANK", "VNPAYQR"]) : "VNPAY",
    vnp_BankTranNo: code === "00" ? `VNP${no}` : "",
    vnp_CardType: code === "00" ? rng.pick(["ATM", "QRCODE"]) : "",
    vnp_OrderInfo: `Ung ho dia chi nhan dao ${p.code}`,
    vnp_PayDate: localDate(when).replace(/-/g, "") + new Date(when.getTime() + ICT).toISOString().slice(11, 19).replace(/:/g, ""),
    vnp_ResponseCode: code,
    vnp_TmnCode: "TRAODEMO",
    vnp_TransactionNo: code === "00" ? no : "0",
    vnp_TransactionStatus: code === "00" ? "00" : "02",
    vnp_TxnRef: txnRef,
  });
  const stripeId = (prefix: string, n = 24) => `${prefix}${rng.string(n)}`;

  /** Adds attempts, provider events, bank lines and the ledger reference for a pledge in its state. */
  function settle(p: PPledge, a: PAddress, variant: { vnpayCode?: "24" | "51"; wrongAmount?: number; accepted?: number } = {}) {
    const paid = p.paidAt != null;
    if (p.method === "vnpay") {
      const retry = paid && rng.chance(0.15);
      let no = 0;
      if (retry) {
        const t = at(p.createdAt.getTime() + 2 * MIN);
        const ref = `${p.code}-1`;
        p.attempts.push({ provider: "vnpay", attemptNo: 1, txnRef: ref, providerRef: null, status: "failed", createdAt: p.createdAt, completedAt: t });
        p.events.push({ provider: "vnpay", externalId: ref, eventType: "ipn", payload: vnpayPayload(p, ref, "0", "24", t), at: t, error: null });
        no = 1;
      }
      const ref = `${p.code}-${no + 1}`;
      const created = at(p.createdAt.getTime() + no * 3 * MIN);
      if (paid) {
        vnpNo += 13;
        const tn = String(vnpNo);
        p.attempts.push({ provider: "vnpay", attemptNo: no + 1, txnRef: ref, providerRef: tn, status: "succeeded", createdAt: created, completedAt: p.paidAt });
        p.events.push({ provider: "vnpay", externalId: ref, eventType: "ipn", payload: vnpayPayload(p, ref, tn, "00", p.paidAt!), at: p.paidAt!, error: null });
        p.providerRef = tn;
      } else if (p.status === "failed") {
        const t = at(created.getTime() + 3 * MIN);
        p.attempts.push({ provider: "vnpay", attemptNo: 1, txnRef: ref, providerRef: null, status: "failed", createdAt: created, completedAt: t });
        p.events.push({ provider: "vnpay", externalId: ref, eventType: "ipn", payload: vnpayPayload(p, ref, "0", variant.vnpayCode ?? "24", t), at: t, error: null });
      } else {
        p.attempts.push({ provider: "vnpay", attemptNo: 1, txnRef: ref, providerRef: null, status: p.status === "pending" ? "pending" : "expired", createdAt: created, completedAt: p.status === "pending" ? null : p.expiresAt });
      }
    } else if (p.method === "stripe") {
      const session = stripeId("cs_test_a1", 54);
      if (paid) {
        const pi = stripeId("pi_3Q");
        const evt = stripeId("evt_1Q");
        p.attempts.push({ provider: "stripe", attemptNo: 1, txnRef: session, providerRef: pi, status: "succeeded", createdAt: p.createdAt, completedAt: p.paidAt });
        p.events.push({
          provider: "stripe",
          externalId: evt,
          eventType: "checkout.session.completed",
          payload: {
            id: evt,
            object: "event",
            type: "checkout.session.completed",
            created: Math.floor(p.paidAt!.getTime() / 1000),
            livemode: false,
            data: { object: { id: session, object: "checkout.session", amount_total: p.amount, currency: "vnd", payment_intent: pi, payment_status: "paid", client_reference_id: p.code, metadata: { pledge_code: p.code } } },
          },
          at: p.paidAt!,
          error: null,
        });
        p.providerRef = pi;
      } else {
        const status = p.status === "pending" ? "pending" : p.status === "failed" ? "failed" : "expired";
        const done = status === "pending" ? null : status === "failed" ? at(p.createdAt.getTime() + 4 * MIN) : p.expiresAt;
        p.attempts.push({ provider: "stripe", attemptNo: 1, txnRef: session, providerRef: null, status, createdAt: p.createdAt, completedAt: done });
        if (status !== "pending") {
          const evt = stripeId("evt_1Q");
          const type = status === "failed" ? "payment_intent.payment_failed" : "checkout.session.expired";
          const object =
            status === "failed"
              ? { id: stripeId("pi_3Q"), object: "payment_intent", amount: p.amount, currency: "vnd", status: "requires_payment_method", last_payment_error: { code: "card_declined", decline_code: "insufficient_funds" }, metadata: { pledge_code: p.code } }
              : { id: session, object: "checkout.session", amount_total: p.amount, currency: "vnd", status: "expired", client_reference_id: p.code, metadata: { pledge_code: p.code } };
          p.events.push({ provider: "stripe", externalId: evt, eventType: type, payload: { id: evt, object: "event", type, created: Math.floor(done!.getTime() / 1000), livemode: false, data: { object } }, at: done!, error: null });
        }
      }
    } else if (p.method === "bank_transfer" && (paid || variant.wrongAmount)) {
      const source = rng.weighted([["casso", 4], ["sepay", 4], ["statement", 2]] as const);
      const externalId = source === "casso" ? String((cassoId += 11)) : source === "sepay" ? String((sepayId += 7)) : `FT26${String((statementNo += 17))}`;
      const when = paid ? p.paidAt! : at(p.createdAt.getTime() + rng.int(20, 180) * MIN);
      const amount = variant.wrongAmount ?? variant.accepted ?? p.amount;
      const plainName = stripDiacritics(p.donorName).toUpperCase();
      const memo = rng.pick([
        `${p.code} ${plainName} chuyen tien`,
        `MBVCB.${rng.string(10, "0123456789")}.${p.code}.${plainName} ung ho`,
        `IBFT ${p.code} UNG HO DIA CHI NHAN DAO`,
        `${plainName} CHUYEN KHOAN ${p.code.toLowerCase()} ung ho`,
        `TKThe :${rng.string(6, "0123456789")}, tai VCB. ${p.code} ung ho`,
      ]);
      const tx: PBankTx = {
        source,
        externalId,
        accountNumber: accountFor(a, p.campaign),
        amount,
        memo,
        at: when,
        status: variant.wrongAmount ? "waiting" : variant.accepted ? "accepted" : "matched",
        pledge: variant.wrongAmount ? null : p.i,
        resolvedBy: variant.accepted || p.isLate ? treasurerFor(a) : null,
        note: variant.wrongAmount
          ? `Số tiền ${formatVnd(amount)} khác số đã cam kết ${formatVnd(p.amount)} (mã ${p.code}): chờ thủ quỹ xử lý.`
          : variant.accepted
            ? `Nhà hảo tâm chuyển ${formatVnd(amount)} thay vì ${formatVnd(p.amount)}; thủ quỹ chấp nhận số tiền thực nhận.`
            : p.isLate
              ? "Tiền đến sau khi cam kết đã hết hạn: đã ghi nhận, đánh dấu để thủ quỹ theo dõi."
              : null,
      };
      world.bankTxByPledge.set(p.i, tx);
      if (source !== "statement") {
        p.events.push({
          provider: source,
          externalId,
          eventType: "transaction",
          payload:
            source === "casso"
              ? { error: 0, data: { id: Number(externalId), reference: `FT${rng.string(12, "0123456789")}`, description: memo, amount, transactionDateTime: when.toISOString(), accountNumber: tx.accountNumber, bankName: "Demo Bank" } }
              : { id: Number(externalId), gateway: "Demo Bank", transactionDate: when.toISOString(), accountNumber: tx.accountNumber, code: p.code, content: memo, transferType: "in", transferAmount: amount, referenceCode: `FT${rng.string(12, "0123456789")}` },
          at: when,
          error: null,
        });
      }
      if (paid) p.providerRef = `${source}:${externalId}`;
    }
  }

  function newPledge(a: PAddress, fields: Partial<PPledge> & { amount: number; method: PaymentMethod; status: PledgeStatus; createdAt: Date }): PPledge {
    const donor = fields.donor ?? { guest: true as const };
    const isOrg = "user" in donor && donor.user.startsWith("org:");
    const name = fields.donorName ?? donorName(donor, guestName());
    const p: PPledge = {
      i: world.pledges.length,
      addr: a.i,
      need: null,
      sponsorship: null,
      donor,
      donorName: name,
      guestEmail: "guest" in donor ? guestEmailOf(name) : null,
      nameDisplay: pickDisplay(isOrg),
      message: pickMessage(a.spec.category),
      quantity: null,
      received: 0,
      refunded: 0,
      isLate: false,
      expiresAt: null,
      paidAt: null,
      receiptNumber: null,
      recordedBy: null,
      campaign: null,
      code: uniquePublicCode(codes, rng.next),
      locale: "vi",
      providerRef: null,
      attempts: [],
      events: [],
      refund: null,
      fee: null,
      ...(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as typeof fields),
    };
    if (p.method === "vnpay") p.expiresAt ??= at(p.createdAt.getTime() + 15 * MIN);
    if (p.method === "stripe") p.expiresAt ??= at(p.createdAt.getTime() + DAY);
    if (p.method === "bank_transfer") p.expiresAt ??= at(p.createdAt.getTime() + 3 * DAY);
    p.campaign ??= campaignFor(a, p.paidAt ?? p.createdAt);
    world.pledges.push(p);
    return p;
  }

  /** A paid gift at `when`: the pledge, then how it was paid. */
  function gift(
    a: PAddress,
    amount: number,
    when: Date,
    opts: { need?: number | null; donor?: DonorRef; method?: PaymentMethod; quantity?: number; sponsorship?: number; late?: boolean; accepted?: number; donorName?: string; guestEmail?: string | null } = {},
  ) {
    const donor = opts.donor ?? pickDonor(amount);
    const isOrg = "user" in donor && donor.user.startsWith("org:");
    const method = opts.method ?? pickMethod(amount, isOrg, a);
    const lead = method === "vnpay" ? rng.int(1, 8) * MIN : method === "stripe" ? rng.int(1, 6) * MIN : method === "bank_transfer" ? rng.int(2, 600) * MIN : 0;
    const createdAt = opts.late ? at(when.getTime() - 4 * DAY) : at(when.getTime() - lead);
    const received = opts.accepted ?? amount;
    const p = newPledge(a, {
      amount,
      method,
      status: "paid",
      createdAt,
      paidAt: when,
      received,
      donor,
      donorName: opts.donorName,
      guestEmail: opts.guestEmail ?? undefined,
      need: opts.need ?? null,
      quantity: opts.quantity ?? null,
      sponsorship: opts.sponsorship ?? null,
      isLate: Boolean(opts.late),
      expiresAt: opts.late ? at(createdAt.getTime() + 3 * DAY) : undefined,
      locale: method === "stripe" && !isOrg && rng.chance(0.3) ? "en" : "vi",
    });
    if (method === "cash" || method === "in_kind") {
      p.receiptNumber = nextReceipt(a.crew, method === "in_kind");
      p.recordedBy = treasurerFor(a);
      world.audits.push({
        actor: p.recordedBy,
        chapter: a.chapter,
        action: method === "cash" ? "pledge.record_cash" : "pledge.record_in_kind",
        entity: "pledge",
        ref: p.i,
        before: null,
        after: { receiptNumber: p.receiptNumber, amount, quantity: p.quantity, status: "paid" },
        at: when,
      });
    }
    settle(p, a, { accepted: opts.accepted });
    if (opts.accepted) {
      world.audits.push({ actor: world.bankTxByPledge.get(p.i)!.resolvedBy!, chapter: a.chapter, action: "bank_transaction.accept", entity: "bank_transaction", ref: p.i, before: { status: "waiting" }, after: { status: "accepted", amount: received }, at: at(when.getTime() + 3 * HOUR) });
    }
    a.raised += received;
    a.gifts += 1;
    if (p.need != null) a.needs[p.need].funded += received;
    return p;
  }

  function pickDonor(amount: number): DonorRef {
    if (amount >= 2_000_000 && rng.chance(0.7)) return { user: rng.pick(orgs).key };
    const r = rng.next();
    if (r < 0.08) return { user: "donor" };
    if (r < 0.55) return { user: rng.pick(people).key };
    return { guest: true };
  }
  function pickMethod(amount: number, isOrg: boolean, a: PAddress): PaymentMethod {
    if (isOrg || amount >= 2_000_000) return rng.weighted([["bank_transfer", 8], ["cash", 1.5], ["vnpay", 0.5]] as const);
    if (a.campaigns.includes("appeal")) return rng.weighted([["bank_transfer", 6], ["vnpay", 3], ["stripe", 1]] as const);
    return rng.weighted([["vnpay", 38], ["bank_transfer", 35], ["stripe", 12], ["cash", 15]] as const);
  }

  // ── adoptions ──
  const SPONSOR_PLAN = [
    { addr: "rg-be-h", kind: "monthly", status: "active", donor: { user: "donor" }, method: "stripe", startsOn: "2026-06-05", months: 12, paid: 6 },
    { addr: "lx-be-n", kind: "monthly", status: "completed", donor: { user: "d3" }, method: "bank_transfer", startsOn: "2026-02-03", months: 6, paid: 6 },
    { addr: "bl-be-a", kind: "monthly", status: "lapsed", donor: { guest: true }, method: "vnpay", startsOn: "2026-07-10", months: 12, paid: 2 },
    { addr: "sd-be-g", kind: "monthly", status: "active", donor: { user: "d11" }, method: "stripe", startsOn: "2026-09-01", months: 12, paid: 3 },
    { addr: "pq-may-tau", kind: "whole_need", status: "active", donor: { user: "org:kienhai" }, method: "bank_transfer", startsOn: "", months: 0, paid: 1 },
  ] as const;
  const sponsoredNeeds = new Map<number, Set<number>>();
  for (const plan of SPONSOR_PLAN) {
    const a = addrByKey.get(plan.addr)!;
    const need = plan.kind === "monthly" ? a.needs.findIndex((n) => n.spec.sponsored) : a.needs.findIndex((n) => n.spec.title === "Sửa máy tàu");
    if (!sponsoredNeeds.has(a.i)) sponsoredNeeds.set(a.i, new Set());
    sponsoredNeeds.get(a.i)!.add(need);
    const name = donorName(plan.donor, guestName());
    const guestEmail = "guest" in plan.donor ? guestEmailOf(name) : null;
    const sp: PSponsorship = {
      i: world.sponsorships.length,
      kind: plan.kind,
      status: plan.status,
      addr: a.i,
      need,
      donor: plan.donor,
      donorName: name,
      nameDisplay: plan.kind === "whole_need" ? "full" : plan.donor === SPONSOR_PLAN[0].donor ? "initials" : "full",
      monthly: plan.kind === "monthly" ? 150_000 : null,
      months: plan.kind === "monthly" ? plan.months : null,
      startsOn: plan.startsOn,
      endsOn: plan.kind === "monthly" ? localDate(at(addMonths(new Date(`${plan.startsOn}T03:00:00Z`), plan.months).getTime() - DAY)) : null,
      stripeSub: plan.method === "stripe" ? stripeId("sub_1Q") : null,
      lapsedAt: null,
      createdAt: new Date(`${plan.startsOn || "2026-01-01"}T02:00:00Z`),
    };
    world.sponsorships.push(sp);
    if (plan.kind === "monthly") {
      for (let m = 0; m < plan.paid; m++) {
        const due = atLocal(addMonths(new Date(`${plan.startsOn}T03:00:00Z`), m), 9, rng.int(0, 59));
        gift(a, 150_000, due, { need, donor: plan.donor, donorName: name, guestEmail, method: plan.method, sponsorship: sp.i });
      }
      if (plan.status === "lapsed") {
        const due = atLocal(addMonths(new Date(`${plan.startsOn}T03:00:00Z`), plan.paid), 9, 0);
        const p = newPledge(a, { amount: 150_000, method: plan.method, status: "expired", createdAt: due, donor: plan.donor, donorName: name, guestEmail, need, sponsorship: sp.i, expiresAt: at(due.getTime() + 3 * DAY), message: null });
        settle(p, a);
        sp.lapsedAt = at(due.getTime() + 15 * DAY);
      }
    }
  }

  // ── gifts for every public address ──
  const SMALL = [
    [50_000, 3],
    [100_000, 4],
    [150_000, 1],
    [200_000, 3],
    [300_000, 2],
    [500_000, 2],
    [1_000_000, 1],
  ] as const;
  const LARGE = [2_000_000, 3_000_000, 5_000_000, 10_000_000, 15_000_000, 20_000_000];
  let lateDone = false;
  let feeDone = false;
  for (const a of world.addresses) {
    if (!a.publishedAt) continue;
    const status = a.spec.status;
    const avail = SEED_BASE_DATE.getTime() - a.publishedAt.getTime() - 2 * HOUR;
    const windowEnd =
      status === "published"
        ? at(SEED_BASE_DATE.getTime() - 2 * HOUR)
        : at(a.publishedAt.getTime() + Math.min(avail * (status === "funded" ? 0.6 : status === "completed" ? 0.35 : 0.3), (status === "funded" ? 75 : 45) * DAY));
    const windowStart = at(a.publishedAt.getTime() + 2 * HOUR);
    const when = () => momentBetween(rng, windowStart, windowEnd);
    const reserved = sponsoredNeeds.get(a.i) ?? new Set<number>();

    // The whole-need adoption: one organisation pays the need in one transfer.
    const whole = world.sponsorships.find((s) => s.addr === a.i && s.kind === "whole_need");
    if (whole) {
      const t = when();
      whole.createdAt = at(Math.max(a.publishedAt.getTime(), t.getTime() - 2 * DAY));
      whole.startsOn = localDate(whole.createdAt);
      gift(a, a.needs[whole.need].amount, t, { need: whole.need, donor: whole.donor, donorName: whole.donorName, method: "bank_transfer", sponsorship: whole.i });
    }

    // In-kind goods: all of them once funded; part of one line while still published.
    const full = status !== "published";
    for (const [ni, n] of a.needs.entries()) {
      if (n.spec.kind !== "in_kind") continue;
      const qty = full ? n.spec.quantity : rng.chance(0.5) ? Math.ceil(n.spec.quantity / 2) : 0;
      if (qty === 0) continue;
      const parts = qty >= 2 && rng.chance(0.5) ? [Math.floor(qty / 2), qty - Math.floor(qty / 2)] : [qty];
      for (const q of parts) {
        const donor: DonorRef = n.spec.title === "Gạo" && rng.chance(0.6) ? { user: "org:cuulong" } : rng.chance(0.5) ? { user: rng.pick(people).key } : { guest: true };
        gift(a, q * n.spec.unitCost, when(), { need: ni, donor, method: "in_kind", quantity: q });
      }
    }

    // Money: a target for the address, then gifts that add up to it exactly.
    let target: number;
    if (status === "published") {
      const share = a.spec.raisedShare ?? 0.1 + rng.next() * 0.6;
      target = share === 0 ? a.raised : Math.max(a.raised, roundDown(a.goal * share, 50_000));
      target = Math.min(target, a.goal - 50_000);
    } else if (status === "funded") {
      target = Math.max(a.goal + rng.pick([0, 0, 50_000, 100_000, 200_000, 300_000]), a.raised);
    } else {
      target = a.goal;
    }
    let rest = target - a.raised;
    const openCash = () => a.needs.map((n, ni) => ({ n, ni })).filter(({ n, ni }) => n.spec.kind === "cash" && !reserved.has(ni));
    const needFor = (amount: number) => {
      if (!rng.chance(0.3)) return null;
      const fits = openCash().filter(({ n }) => n.amount - n.funded >= amount);
      return fits.length ? rng.pick(fits).ni : null;
    };
    const smallCount = rng.int(4, rest > 20_000_000 ? 16 : 11);
    for (let k = 0; k < smallCount && rest > 0; k++) {
      const amount = Math.min(rng.weighted(SMALL), rest);
      const late = !lateDone && status === "published" && a.spec.key === "pq-man-ghe";
      gift(a, amount, when(), { need: needFor(amount), method: late ? "bank_transfer" : undefined, late });
      if (late) lateDone = true;
      rest -= amount;
    }
    while (rest > 0) {
      let amount: number;
      if (rest <= 1_000_000) amount = rest;
      else {
        const fits = LARGE.filter((x) => x <= rest * 0.8);
        amount = fits.length ? rng.pick(fits) : rest;
      }
      gift(a, amount, when(), { need: needFor(amount) });
      rest -= amount;
    }
  }

  // ── refunds, a processor fee, and pledges that never became money ──
  const extraWhen = (a: PAddress) => momentBetween(rng, at(a.publishedAt!.getTime() + 3 * HOUR), at(SEED_BASE_DATE.getTime() - 3 * HOUR));
  {
    const a = addrByKey.get("ax-ba-t")!;
    const t = extraWhen(a);
    const p = gift(a, 500_000, t, { method: "stripe" });
    p.status = "refunded";
    p.refunded = 500_000;
    p.refund = { amount: 500_000, at: at(t.getTime() + 2 * DAY), providerRef: stripeId("re_3Q"), memo: "Hoàn tiền theo đề nghị của nhà hảo tâm: ủng hộ nhầm địa chỉ." };
    p.events.push({
      provider: "stripe",
      externalId: stripeId("evt_1Q"),
      eventType: "charge.refunded",
      payload: { object: "event", type: "charge.refunded", data: { object: { object: "charge", amount: 500_000, amount_refunded: 500_000, currency: "vnd", payment_intent: p.providerRef } } },
      at: p.refund.at,
      error: null,
    });
  }
  {
    const a = addrByKey.get("dd-be-k")!;
    const t = extraWhen(a);
    const p = gift(a, 2_000_000, t, { method: "vnpay", donor: { guest: true } });
    p.status = "partially_refunded";
    p.refunded = 1_800_000;
    p.message = "Mong bé mau khỏe.";
    p.refund = { amount: 1_800_000, at: at(t.getTime() + 1 * DAY), providerRef: `vnprf-${vnpNo + 5}`, memo: "Hoàn 1.800.000 ₫: nhà hảo tâm nhập thừa một chữ số 0 (định ủng hộ 200.000 ₫)." };
  }
  {
    const a = addrByKey.get("rg-may-tau")!;
    gift(a, 300_000, extraWhen(a), { method: "bank_transfer", accepted: 350_000 });
  }
  for (const p of world.pledges) {
    const a = world.addresses[p.addr];
    if (!feeDone && p.method === "stripe" && p.status === "paid" && a.spec.key === "cg-anh-b") {
      p.fee = { amount: Math.ceil((p.amount * 0.039) / 100) * 100, at: at(p.paidAt!.getTime() + 10 * MIN), providerRef: stripeId("txn_3Q") };
      feeDone = true;
    }
  }
  if (!feeDone) {
    const a = addrByKey.get("cg-anh-b")!;
    const p = gift(a, 500_000, extraWhen(a), { method: "stripe" });
    p.fee = { amount: 19_500, at: at(p.paidAt!.getTime() + 10 * MIN), providerRef: stripeId("txn_3Q") };
  }
  const UNPAID: [string, PaymentMethod, PledgeStatus, { vnpayCode?: "24" | "51"; wrongAmount?: number }?][] = [
    ["rg-may-tau", "vnpay", "pending"],
    ["sd-may-tau", "bank_transfer", "pending"],
    ["pq-man-ghe", "bank_transfer", "pending", { wrongAmount: 50_000 }],
    ["lt-ong-c", "stripe", "pending"],
    ["dd-be-k", "vnpay", "pending"],
    ["rg-anh-k", "vnpay", "failed", { vnpayCode: "24" }],
    ["cg-anh-b", "vnpay", "failed", { vnpayCode: "51" }],
    ["lx-nha", "stripe", "failed"],
    ["lt-ba-l", "vnpay", "failed", { vnpayCode: "24" }],
    ["ht-ghe", "bank_transfer", "expired"],
    ["bv-chi-m", "bank_transfer", "expired"],
    ["lt-ong-c", "bank_transfer", "expired"],
    ["ax-ba-t", "vnpay", "expired"],
    ["cl-ong-k", "stripe", "expired"],
    ["pq-bep-com", "bank_transfer", "cancelled"],
    ["sd-em-b", "vnpay", "cancelled"],
    ["vt-trieu-cuong", "stripe", "cancelled"],
  ];
  for (const [key, method, status, variant] of UNPAID) {
    const a = addrByKey.get(key)!;
    const amount = variant?.wrongAmount ? 500_000 : rng.weighted(SMALL);
    const createdAt =
      status === "pending"
        ? at(SEED_BASE_DATE.getTime() - (method === "bank_transfer" ? rng.int(2, 40) * HOUR : rng.int(3, 9) * MIN))
        : momentBetween(rng, at(a.publishedAt!.getTime() + 3 * HOUR), at(SEED_BASE_DATE.getTime() - 4 * DAY));
    const p = newPledge(a, { amount, method, status, createdAt, donor: pickDonor(amount) });
    settle(p, a, variant ?? {});
  }
  // Triage: a transfer with no code at all, one returned and one ignored.
  {
    const ag = chapterByKey.get("ag")!;
    world.extraBankTx.push(
      { source: "sepay", externalId: String((sepayId += 7)), accountNumber: ag.bankAccountNumber, amount: 200_000, memo: "ung ho dong bao ngheo", at: daysAgo(1.4), status: "waiting", pledge: null, resolvedBy: null, note: null },
      {
        source: "casso",
        externalId: String((cassoId += 11)),
        accountNumber: ag.bankAccountNumber,
        amount: 5_000_000,
        memo: "CHUYEN TIEN HANG THANG",
        at: daysAgo(33),
        status: "returned",
        pledge: null,
        resolvedBy: "treasurer",
        note: "Chuyển nhầm tài khoản (tiền hàng của một cửa hàng); đã hoàn trả người gửi theo yêu cầu của ngân hàng.",
      },
      { source: "statement", externalId: `FT26${String((statementNo += 17))}`, accountNumber: ag.bankAccountNumber, amount: 12_450, memo: "TRA LAI TIEN GUI KY HAN THANG 10", at: daysAgo(19), status: "ignored", pledge: null, resolvedBy: "treasurer", note: "Lãi tiền gửi: không phải khoản ủng hộ." },
    );
  }

  // ── funded, completed and closed dates; spending; updates ──
  let billNo = 3_120;
  for (const a of world.addresses) {
    if (!a.publishedAt) continue;
    const pledges = world.pledges.filter((p) => p.addr === a.i && p.paidAt).sort((x, y) => x.paidAt!.getTime() - y.paidAt!.getTime());
    const status = a.spec.status;
    if (status !== "published") {
      let sum = 0;
      for (const p of pledges) {
        sum += p.received;
        if (sum >= a.goal) {
          a.fundedAt = p.paidAt;
          break;
        }
      }
      if (!a.fundedAt) throw new Error(`seed plan: ${a.spec.key} is ${status} but raised ${sum} of ${a.goal}`);
      // The deadline was met: it falls after the day the address was funded.
      if (a.deadline) a.deadline = localDate(at(Math.max(a.publishedAt.getTime() + 30 * DAY, a.fundedAt.getTime() + rng.int(3, 40) * DAY)));
    }
    const crew = CREWS[a.crew];
    const writer = a.author;
    const alias = a.spec.alias;
    // Progress on published addresses with a fair share raised.
    if (status === "published" && pledges.length >= 4 && a.raised >= a.goal * 0.3) {
      const p = pledges[Math.floor(pledges.length * 0.7)];
      const upTo = pledges.filter((x) => x.paidAt!.getTime() <= p.paidAt!.getTime()).reduce((s, x) => s + x.received, 0);
      world.updates.push({
        addr: a.i,
        kind: "progress",
        title: `Đã nhận được ${Math.floor((upTo * 100) / a.goal)}% kinh phí`,
        body: `Cảm ơn những nhà hảo tâm đã chung tay. Đến nay Hội đã nhận **${formatVnd(upTo)}** trên tổng nhu cầu **${formatVnd(a.goal)}**.\n\nKhi đủ kinh phí cho từng khoản, Hội sẽ chi ngay và đăng hóa đơn tại đây.`,
        disbursement: null,
        author: writer,
        at: at(p.paidAt!.getTime() + 5 * HOUR),
        scene: null,
      });
    }
    if (!a.fundedAt) continue;
    world.updates.push({
      addr: a.i,
      kind: "progress",
      title: "Đã đủ kinh phí — cảm ơn các nhà hảo tâm",
      body: `Ngày ${localDmy(a.fundedAt)}, địa chỉ đã nhận đủ **${formatVnd(a.goal)}**. Hội sẽ mua sắm, chi trả theo từng khoản và đăng hóa đơn tại đây.\n\nNhững khoản ủng hộ đang trên đường chuyển đến vẫn được ghi nhận; phần dư (nếu có) được chuyển cho địa chỉ có hoàn cảnh tương tự và thông báo công khai.`,
      disbursement: null,
      author: writer,
      at: at(a.fundedAt.getTime() + 6 * HOUR),
      scene: null,
    });

    // What gets spent: every line when completed/closed; some lines while funded.
    const remaining = SEED_BASE_DATE.getTime() - a.fundedAt.getTime();
    const done = status === "completed" || status === "closed";
    const lines: { ni: number; quantity: number }[] = [];
    if (done) a.needs.forEach((n, ni) => lines.push({ ni, quantity: n.spec.quantity }));
    else {
      const firstCash = a.needs.findIndex((n, ni) => n.spec.kind === "cash" && !(sponsoredNeeds.get(a.i)?.has(ni) && world.sponsorships.find((s) => s.addr === a.i)?.status !== "completed"));
      if (firstCash >= 0 && (rng.chance(0.75) || a.spec.key === "rg-bo-dam" || a.spec.key === "pq-chay-than")) lines.push({ ni: firstCash, quantity: a.needs[firstCash].spec.quantity });
      a.needs.forEach((n, ni) => {
        if (n.spec.kind === "in_kind" && (rng.chance(0.6) || a.spec.key === "ax-ong-s")) lines.push({ ni, quantity: a.spec.key === "ax-ong-s" ? Math.floor(n.spec.quantity / 2) : n.spec.quantity });
      });
    }
    const start = a.fundedAt.getTime() + Math.min(remaining * (done ? 0.15 : 0.3), (done ? 10 : 12) * DAY);
    const step = Math.min(remaining * 0.03, 2 * DAY);
    let last = start;
    // Lines bought from the same supplier (or handed over together) share a day, a recorder,
    // an approver and one invoice / handover record.
    const batches = new Map<string, { t: Date; recorder: string; approver: string; approvedAt: Date | null; rid: string; status: PDisbursement["status"] }>();
    for (const [k, { ni, quantity }] of lines.entries()) {
      const n = a.needs[ni];
      const inKind = n.spec.kind === "in_kind";
      const payee = inKind ? "Bàn giao tận tay gia đình (biên bản có chữ ký)" : (PAYEES.find(([re]) => re.test(n.spec.title))?.[1] ?? "Nhà cung cấp tại địa phương");
      const batchKey = `${payee}|${a.spec.key === "rg-bo-dam" && k === 0 ? "recorded" : "approved"}`;
      if (!batches.has(batchKey)) {
        const t = atLocal(at(start + batches.size * step), rng.int(8, 16), rng.int(0, 59));
        const recorder = a.crew === "ag" ? rng.pick(["treasurer", "treasurer", "treasurer2"]) : crew.treasurer;
        const approver = a.crew === "ag" ? (recorder === "treasurer2" ? "manager" : rng.pick(["manager", "manager", "treasurer2"])) : rng.pick(crew.approvers);
        const status: PDisbursement["status"] = batchKey.endsWith("|recorded") ? "recorded" : "approved";
        const approvedAt = status === "approved" ? at(Math.min(t.getTime() + rng.int(3, 30) * HOUR, SEED_BASE_DATE.getTime() - HOUR)) : null;
        batches.set(batchKey, { t, recorder, approver, approvedAt, status, rid: `${a.spec.key}|${batchKey}` });
      }
      const batch = batches.get(batchKey)!;
      const { t, recorder, approver, approvedAt, status } = batch;
      last = Math.max(last, t.getTime());
      const amount = quantity * n.spec.unitCost;
      const chapterName = chapterByKey.get(a.chapter)!.name;
      if (a.spec.key === "pq-chay-than" && k === 0) {
        // A first try the manager sent back: the receipt did not match the amount.
        const rid = `${a.spec.key}|rejected`;
        world.disbursements.push({
          i: world.disbursements.length,
          addr: a.i,
          need: ni,
          kind: "cash",
          amount,
          quantity,
          payee,
          description: `Chi ${n.spec.title.toLowerCase()}`,
          spentOn: localDate(at(t.getTime() - 2 * DAY)),
          status: "rejected",
          recordedBy: "treasurer2",
          approvedBy: null,
          approvedAt: null,
          rejectedReason: "Hóa đơn chụp mờ, không đọc được số tiền; đề nghị chụp lại hóa đơn gốc rồi ghi lại khoản chi.",
          createdAt: at(t.getTime() - 2 * DAY),
          receipt: rid,
        });
        world.receipts.set(rid, { heading: "HÓA ĐƠN BÁN LẺ", number: String((billNo += 7)).padStart(7, "0"), date: localDmy(at(t.getTime() - 2 * DAY)), seller: payee, buyer: chapterName, lines: [{ title: n.spec.title, quantity, unit: n.spec.unit, unitCost: n.spec.unitCost }], note: `Chi cho địa chỉ nhân đạo: ${a.spec.title}` });
        world.audits.push({ actor: "manager", chapter: a.chapter, action: "disbursement.reject", entity: "disbursement", ref: world.disbursements.length - 1, before: { status: "recorded" }, after: { status: "rejected" }, at: at(t.getTime() - DAY) });
      }
      const rid = batch.rid;
      const d: PDisbursement = {
        i: world.disbursements.length,
        addr: a.i,
        need: ni,
        kind: inKind ? "in_kind" : "cash",
        amount,
        quantity,
        payee,
        description: inKind ? `Bàn giao ${quantity} ${n.spec.unit} ${n.spec.title.toLowerCase()}` : `Chi ${n.spec.title.toLowerCase()}`,
        spentOn: localDate(at(t.getTime() - DAY)),
        status,
        recordedBy: recorder,
        approvedBy: status === "approved" ? approver : null,
        approvedAt,
        rejectedReason: null,
        createdAt: t,
        receipt: rid,
      };
      world.disbursements.push(d);
      if (inKind) n.fulfilled += quantity;
      const receipt = world.receipts.get(rid) ?? {
        heading: inKind ? "BIÊN BẢN BÀN GIAO" : "HÓA ĐƠN BÁN LẺ",
        number: inKind ? `BB-${PROVINCE_CODE[a.crew]}-${String(d.i + 1).padStart(4, "0")}` : String((billNo += 7)).padStart(7, "0"),
        date: localDmy(at(t.getTime() - DAY)),
        seller: inKind ? chapterName : payee,
        buyer: inKind ? alias : chapterName,
        lines: [],
        note: inKind ? `Hàng hiện vật do nhà hảo tâm trao qua Trao, bàn giao cho địa chỉ: ${a.spec.title}` : `Chi cho địa chỉ nhân đạo: ${a.spec.title}`,
      };
      receipt.lines.push({ title: n.spec.title, quantity, unit: n.spec.unit, unitCost: n.spec.unitCost });
      world.receipts.set(rid, receipt);
      world.audits.push({ actor: recorder, chapter: a.chapter, action: "disbursement.record", entity: "disbursement", ref: d.i, before: null, after: { status: "recorded", amount, need: n.spec.title }, at: t });
      if (approvedAt) {
        world.audits.push({ actor: approver, chapter: a.chapter, action: "disbursement.approve", entity: "disbursement", ref: d.i, before: { status: "recorded" }, after: { status: "approved", amount }, at: approvedAt });
        world.updates.push({
          addr: a.i,
          kind: "disbursement",
          title: inKind ? `Đã bàn giao: ${n.spec.title}` : `Đã chi: ${n.spec.title}`,
          body: inKind
            ? `Hội đã trao **${quantity} ${n.spec.unit}** ${n.spec.title.toLowerCase()} tận tay ${a.spec.who}, có biên bản bàn giao ký nhận (đính kèm).`
            : `Hội đã chi **${formatVnd(amount)}** cho khoản *${n.spec.title}* (${quantity} ${n.spec.unit}). Đơn vị nhận tiền: ${payee}.\n\nHóa đơn được đăng kèm bên dưới và ghi trên sổ cái công khai.`,
          disbursement: d.i,
          author: writer,
          at: at(approvedAt.getTime() + 2 * HOUR),
          scene: null,
        });
      }
    }
    if (done) {
      a.completedAt = at(last + Math.min(remaining * 0.1, 6 * DAY));
      if (status === "closed") a.closedAt = at(a.completedAt.getTime() + Math.min(remaining * 0.3, 35 * DAY));
      world.audits.push({ actor: writer, chapter: a.chapter, action: "address.complete", entity: "address", ref: a.i, before: { status: "funded" }, after: { status: "completed" }, at: a.completedAt });
      if (a.closedAt) world.audits.push({ actor: writer, chapter: a.chapter, action: "address.close", entity: "address", ref: a.i, before: { status: "completed" }, after: { status: "closed" }, at: a.closedAt });
      const spent = a.needs.reduce((s, n) => s + n.amount, 0);
      world.updates.push({
        addr: a.i,
        kind: "completion",
        title: "Hoàn thành: đã chi và bàn giao đủ",
        body: [
          "Tất cả các khoản của địa chỉ đã được chi và bàn giao:",
          "",
          ...a.needs.map((n) => `- ${n.spec.title}: ${formatVnd(n.amount)} ✓`),
          "",
          `Tổng đã nhận: **${formatVnd(a.raised)}**. Tổng đã chi và bàn giao: **${formatVnd(spent)}**.`,
          "",
          `Cảm ơn ${a.gifts} lượt ủng hộ đã cùng Hội Chữ thập đỏ trao yêu thương.`,
        ].join("\n"),
        disbursement: null,
        author: writer,
        at: at(a.completedAt.getTime() + HOUR),
        scene: a.spec.scenes[0] ?? null,
      });
    }
    if (done ? rng.chance(0.7) : rng.chance(0.25)) {
      world.updates.push({
        addr: a.i,
        kind: "thank_you",
        title: `Lời cảm ơn từ ${alias.charAt(0).toLocaleLowerCase("vi") + alias.slice(1)}`,
        body: `> ${THANKS[a.spec.category]}\n\n*Lời nhắn được cán bộ ${chapterByKey.get(a.chapter)!.name} ghi lại khi đến thăm.*`,
        disbursement: null,
        author: writer,
        at: at((done ? a.completedAt!.getTime() : last) + 2 * DAY > SEED_BASE_DATE.getTime() ? SEED_BASE_DATE.getTime() - 2 * HOUR : (done ? a.completedAt!.getTime() : last) + 2 * DAY),
        scene: done && a.spec.scenes[1] ? a.spec.scenes[1] : null,
      });
    }
  }
  return world;
}

function addMonths(d: Date, months: number): Date {
  const r = new Date(d);
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
}

// ════════════════════════════ images ════════════════════════════

type ImageMap = Map<string, SanitizedImage>;
interface Images {
  scenes: Promise<ImageMap>;
  receipts: Promise<ImageMap>;
}

/**
 * Each distinct picture is drawn and sanitised once (media rows may share a file), a few at a
 * time so that PGlite, on the main thread, keeps a core: scenes first, then receipts.
 */
function renderImages(world: World): Images {
  const scenes = new Set<string>(CAMPAIGNS.map((c) => c.scene));
  for (const a of world.addresses) for (const p of a.photos) scenes.add(p.scene);
  for (const u of world.updates) if (u.scene) scenes.add(u.scene);
  type Task = { key: string; run: () => Promise<SanitizedImage>; resolve: (v: SanitizedImage) => void; reject: (e: unknown) => void; done: Promise<SanitizedImage> };
  const task = (key: string, run: () => Promise<SanitizedImage>): Task => {
    const t = { key, run } as Task;
    t.done = new Promise<SanitizedImage>((resolve, reject) => Object.assign(t, { resolve, reject }));
    t.done.catch(() => {}); // reported through the scenes/receipts promises
    return t;
  };
  const sceneTasks = [...scenes].map((key) => task(key, () => renderSvg(SCENES[key].svg()).then(sanitizeImage)));
  const receiptTasks = [...world.receipts].map(([key, spec]) => task(key, () => renderSvg(receiptSvg(spec), 0.75).then(sanitizeImage)));
  const queue = [...sceneTasks, ...receiptTasks];
  const worker = async () => {
    for (let t = queue.shift(); t; t = queue.shift()) await t.run().then(t.resolve, t.reject);
  };
  for (let i = 0; i < Math.max(1, Math.min(4, os.availableParallelism())); i++) void worker();
  const collect = async (tasks: Task[], prefix: string) => new Map(await Promise.all(tasks.map(async (t) => [`${prefix}${t.key}`, await t.done] as const)));
  return { scenes: collect(sceneTasks, "scene:"), receipts: collect(receiptTasks, "receipt:") };
}

// ════════════════════════════ writing (one transaction) ════════════════════════════

/** Multi-row insert in chunks, ids in input order. */
async function insertIds(tx: Tx, table: PgTable & { id: unknown }, rows: Record<string, unknown>[], chunk = 500): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const part = await (tx.insert(table) as any).values(rows.slice(i, i + chunk)).returning({ id: (table as any).id });
    ids.push(...(part as { id: number }[]).map((r) => Number(r.id)));
  }
  return ids;
}

async function insertAll(tx: Tx, table: PgTable, rows: Record<string, unknown>[], chunk = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) await (tx.insert(table) as any).values(rows.slice(i, i + chunk));
}

/** update <table> set <column> = v.val from (values …) where id = v.id */
async function setColumn(tx: Tx, table: string, column: string, pairs: [number, number | null][]): Promise<void> {
  if (pairs.length === 0) return;
  const values = sql.join(
    pairs.map(([id, v]) => sql`(${id}::int, ${v}::int)`),
    sql`, `,
  );
  await tx.execute(sql`update ${sql.identifier(table)} as t set ${sql.identifier(column)} = v.val from (values ${values}) as v(id, val) where t.id = v.id`);
}

async function insertWorld(tx: Tx, world: World, hashesPromise: Promise<string[]>, images: Images, mediaEnv: MediaEnv, log: (msg: string) => void): Promise<SeedSummary> {
  const t0 = performance.now();
  // ── chapters, level by level, then materialised paths ──
  const chapterId = new Map<string, number>();
  for (const level of ["central", "province", "commune", "unit"] as const) {
    const specs = CHAPTERS.filter((c) => c.level === level);
    const ids = await insertIds(
      tx,
      S.chapters,
      specs.map((c) =>
        makeChapter({
          name: c.name,
          slug: c.slug,
          level: c.level,
          unitKind: c.unitKind ?? null,
          parentId: c.parent ? chapterId.get(c.parent)! : null,
          province: c.province,
          commune: c.commune,
          description: c.description,
          contactEmail: `${c.slug}@chapters.trao.local`,
          contactPhone: `0900 ${String(100 + CHAPTERS.indexOf(c)).padStart(3, "0")} 000`,
          postalAddress: c.postalAddress,
          bankBin: c.bankBin,
          bankAccountNumber: c.bankAccountNumber,
          bankAccountName: bankAccountName(c.name),
          createdAt: daysAgo(540),
        }),
      ),
    );
    specs.forEach((c, k) => chapterId.set(c.key, ids[k]));
  }
  await refreshChapterPaths(tx);

  // ── users and memberships ──
  const hashes = await hashesPromise;
  const userId = new Map<string, number>();
  const staffIds = await insertIds(
    tx,
    S.users,
    STAFF.map((s, k) => makeUser({ email: s.email, name: s.name, phone: s.phone, passwordHash: hashes[k], isAdmin: Boolean(s.isAdmin), createdAt: daysAgo(540) })),
  );
  STAFF.forEach((s, k) => userId.set(s.key, staffIds[k]));
  const donorIds = await insertIds(
    tx,
    S.users,
    world.donors.map((d) => makeUser({ email: d.email, name: d.name, phone: d.phone, createdAt: d.createdAt })),
  );
  world.donors.forEach((d, k) => userId.set(d.key, donorIds[k]));
  await insertAll(
    tx,
    S.memberships,
    STAFF.flatMap((s) => s.roles.map(([ch, role]: [string, Role]) => makeMembership(userId.get(s.key)!, chapterId.get(ch)!, role, { createdAt: daysAgo(530) }))),
  );

  // ── campaigns ──
  const campaignId = new Map<string, number>();
  const cids = await insertIds(
    tx,
    S.campaigns,
    CAMPAIGNS.map((c) =>
      makeCampaign({
        slug: c.slug,
        kind: c.kind,
        status: c.status,
        title: c.title,
        summary: c.summary,
        description: c.description,
        organiserChapterId: chapterId.get(c.organiser)!,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        goal: c.goal,
        bankBin: c.bank?.bin ?? null,
        bankAccountNumber: c.bank?.number ?? null,
        bankAccountName: c.bank?.name ?? null,
        createdAt: c.startsOn ? at(Math.min(new Date(`${c.startsOn}T02:00:00Z`).getTime() - 10 * DAY, SEED_BASE_DATE.getTime())) : daysAgo(540),
      }),
    ),
  );
  CAMPAIGNS.forEach((c, k) => campaignId.set(c.key, cids[k]));

  // ── addresses and what hangs on them ──
  const addressIds = await insertIds(
    tx,
    S.addresses,
    world.addresses.map((a) =>
      makeAddress({
        slug: a.slug,
        chapterId: chapterId.get(a.chapter)!,
        category: a.spec.category,
        programmeId: a.programme ? campaignId.get(a.programme)! : null,
        title: a.spec.title,
        summary: a.spec.summary,
        story: storyOf(a),
        publicAlias: a.spec.alias,
        province: a.province,
        formerProvince: a.formerProvince,
        commune: a.commune,
        urgency: a.spec.urgency,
        householdSize: a.spec.household,
        status: a.spec.status,
        deadline: a.deadline,
        createdBy: userId.get(a.author)!,
        submittedAt: a.submittedAt,
        rejectedReason: a.spec.rejectedReason ?? null,
        verifiedBy: a.verifier ? userId.get(a.verifier)! : null,
        verifiedChapterId: a.verifierChapter ? chapterId.get(a.verifierChapter)! : null,
        verifiedAt: a.verifiedAt,
        reverifyDueAt: a.verifiedAt ? addMonths(a.verifiedAt, 12) : null,
        publishedAt: a.publishedAt,
        fundedAt: a.fundedAt,
        completedAt: a.completedAt,
        closedAt: a.closedAt,
        createdAt: a.createdAt,
        updatedAt: [a.closedAt, a.completedAt, a.fundedAt, a.publishedAt, a.rejectedAt, a.submittedAt, a.createdAt].find(Boolean)!,
      }),
    ),
  );
  await insertAll(
    tx,
    S.addressPrivate,
    world.addresses.map((a) => {
      const p = world.privateByAddress.get(a.i)!;
      return makeAddressPrivate({
        addressId: addressIds[a.i],
        beneficiaryName: p.name,
        birthYear: p.birthYear,
        exactLocation: `${p.location}, ${a.commune}, ${a.province}`,
        phone: p.phone,
        idNumberHash: p.idHash,
        duplicateKey: p.dupKey,
        staffNotes: p.notes,
        updatedAt: a.createdAt,
      });
    }),
  );
  await insertAll(
    tx,
    S.addressCampaigns,
    world.addresses.flatMap((a) => a.campaigns.map((c) => ({ addressId: addressIds[a.i], campaignId: campaignId.get(c)! }))),
  );
  const consentRows = world.addresses.flatMap((a) =>
    a.consents.map((c, k) => ({
      key: `${a.i}:${k}`,
      row: makeConsent({
        addressId: addressIds[a.i],
        givenByName: c.givenBy,
        relationship: c.relationship,
        scopeStory: c.story,
        scopePhotos: c.photos,
        scopeFirstName: c.firstName,
        givenOn: c.givenOn,
        recordedBy: userId.get(a.author)!,
        withdrawnAt: c.withdrawnAt,
        withdrawnBy: c.withdrawnAt ? userId.get(a.author)! : null,
        note: c.note,
        createdAt: a.createdAt,
      }),
    })),
  );
  const consentIdList = await insertIds(
    tx,
    S.consents,
    consentRows.map((c) => c.row),
  );
  const consentId = new Map(consentRows.map((c, k) => [c.key, consentIdList[k]]));
  const needRows = world.addresses.flatMap((a) =>
    a.needs.map((n, k) => ({
      key: `${a.i}:${k}`,
      row: makeNeed({ addressId: addressIds[a.i], title: n.spec.title, kind: n.spec.kind, quantity: n.spec.quantity, unit: n.spec.unit, unitCost: n.spec.unitCost, fulfilledQuantity: n.fulfilled, sortOrder: k, createdAt: a.createdAt }),
    })),
  );
  const needIdList = await insertIds(
    tx,
    S.needs,
    needRows.map((n) => n.row),
  );
  const needId = new Map(needRows.map((n, k) => [n.key, needIdList[k]]));
  const nid = (addr: number, need: number | null) => (need == null ? null : needId.get(`${addr}:${need}`)!);

  // ── adoptions, pledges and how they were paid ──
  const sponsorshipIds = await insertIds(
    tx,
    S.sponsorships,
    world.sponsorships.map((s) =>
      makeSponsorship({
        kind: s.kind,
        status: s.status,
        addressId: addressIds[s.addr],
        needId: nid(s.addr, s.need),
        donorUserId: "user" in s.donor ? userId.get(s.donor.user)! : null,
        donorName: s.donorName,
        nameDisplay: s.nameDisplay,
        exclusive: true,
        monthlyAmount: s.monthly,
        months: s.months,
        startsOn: s.startsOn,
        endsOn: s.endsOn,
        stripeSubscriptionId: s.stripeSub,
        lapsedAt: s.lapsedAt,
        createdAt: s.createdAt,
      }),
    ),
  );
  const recorder = (key: string | null) => (key ? userId.get(key)! : null);
  const pledgeIds = await insertIds(
    tx,
    S.pledges,
    world.pledges.map((p) =>
      makePledge({
        publicCode: p.code,
        addressId: addressIds[p.addr],
        needId: nid(p.addr, p.need),
        campaignId: p.campaign ? campaignId.get(p.campaign)! : null,
        sponsorshipId: p.sponsorship == null ? null : sponsorshipIds[p.sponsorship],
        donorUserId: "user" in p.donor ? userId.get(p.donor.user)! : null,
        donorName: p.donorName,
        guestEmail: p.guestEmail,
        nameDisplay: p.nameDisplay,
        message: p.message,
        amount: p.amount,
        quantity: p.quantity,
        method: p.method,
        status: p.status,
        receivedAmount: p.received,
        refundedAmount: p.refunded,
        isLate: p.isLate,
        expiresAt: p.expiresAt,
        paidAt: p.paidAt,
        receiptNumber: p.receiptNumber,
        recordedBy: recorder(p.recordedBy),
        locale: p.locale,
        createdAt: p.createdAt,
      }),
    ),
  );
  await insertAll(
    tx,
    S.paymentAttempts,
    world.pledges.flatMap((p) =>
      p.attempts.map((t) => ({ pledgeId: pledgeIds[p.i], provider: t.provider, attemptNo: t.attemptNo, txnRef: t.txnRef, providerRef: t.providerRef, amount: p.amount, status: t.status, createdAt: t.createdAt, completedAt: t.completedAt })),
    ),
  );
  await insertAll(
    tx,
    S.paymentEvents,
    world.pledges.flatMap((p) =>
      p.events.map((e) => ({ provider: e.provider, externalId: e.externalId, eventType: e.eventType, pledgeId: pledgeIds[p.i], payload: e.payload, receivedAt: e.at, handledAt: at(e.at.getTime() + 800), error: e.error })),
    ),
  );
  const bankRows = [...world.bankTxByPledge.values(), ...world.extraBankTx].sort((x, y) => x.at.getTime() - y.at.getTime());
  await insertAll(
    tx,
    S.bankTransactions,
    bankRows.map((b) => ({
      source: b.source,
      externalId: b.externalId,
      accountNumber: b.accountNumber,
      amount: b.amount,
      memo: b.memo,
      transactedAt: b.at,
      status: b.status,
      matchedPledgeId: b.pledge == null ? null : pledgeIds[b.pledge],
      resolvedBy: recorder(b.resolvedBy),
      resolvedAt: b.resolvedBy ? at(b.at.getTime() + 5 * HOUR) : b.status === "matched" ? b.at : null,
      note: b.note,
      createdAt: b.at,
    })),
  );

  // ── spending records (the ledger comes next) ──
  const disbursementIds = await insertIds(
    tx,
    S.disbursements,
    world.disbursements.map((d) =>
      makeDisbursement({
        addressId: addressIds[d.addr],
        needId: nid(d.addr, d.need),
        kind: d.kind,
        amount: d.amount,
        quantity: d.quantity,
        payeePublic: d.payee,
        description: d.description,
        spentOn: d.spentOn,
        status: d.status,
        recordedBy: userId.get(d.recordedBy)!,
        approvedBy: recorder(d.approvedBy),
        approvedAt: d.approvedAt,
        rejectedReason: d.rejectedReason,
        createdAt: d.createdAt,
      }),
    ),
  );

  // ── the ledger: every group through postGroupsBulk, in the order things happened ──
  type Pending = { at: Date; build: () => LedgerGroupInput };
  const donationGroupId = new Map<number, number>();
  const pending: (Pending & { pledge?: number; needsDonationOf?: number })[] = [];
  for (const p of world.pledges) {
    if (!p.paidAt) continue;
    const ref = { id: pledgeIds[p.i], addressId: addressIds[p.addr], needId: nid(p.addr, p.need), method: p.method };
    const memo = p.method === "in_kind" ? `Nhận hiện vật: ${p.quantity} × ${world.addresses[p.addr].needs[p.need!].spec.title.toLowerCase()}` : `Ủng hộ ${p.code}`;
    pending.push({ at: p.paidAt, pledge: p.i, build: () => donationGroup(ref, p.received, { idempotencyKey: `seed:${p.method === "in_kind" ? "in_kind_receipt" : "donation"}:${ref.id}`, providerRef: p.providerRef, occurredAt: p.paidAt!, memo }) });
    if (p.refund) {
      const r = p.refund;
      pending.push({ at: r.at, needsDonationOf: p.i, build: () => refundGroup(ref, r.amount, donationGroupId.get(p.i)!, { idempotencyKey: `seed:refund:${ref.id}`, providerRef: r.providerRef, occurredAt: r.at, memo: r.memo }) });
    }
    if (p.fee) {
      const f = p.fee;
      pending.push({ at: f.at, build: () => feeGroup(ref, f.amount, { idempotencyKey: `seed:fee:${ref.id}`, providerRef: f.providerRef, occurredAt: f.at, memo: "Phí xử lý thẻ quốc tế (Stripe)" }) });
    }
  }
  for (const d of world.disbursements) {
    if (d.status !== "approved") continue;
    const ref = { id: disbursementIds[d.i], addressId: addressIds[d.addr], needId: nid(d.addr, d.need), amount: d.amount, kind: d.kind };
    pending.push({
      at: d.approvedAt!,
      build: () =>
        spendingGroup(ref, { idempotencyKey: `seed:${d.kind === "in_kind" ? "in_kind_handover" : "disbursement"}:${ref.id}`, occurredAt: d.approvedAt!, createdBy: userId.get(d.approvedBy!)!, memo: `${d.description} — ${d.payee}` }),
    });
  }
  pending.sort((x, y) => x.at.getTime() - y.at.getTime());
  let batch: typeof pending = [];
  let groups = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const ids = await postGroupsBulk(tx, batch.map((b) => b.build()));
    batch.forEach((b, k) => {
      if (b.pledge != null) donationGroupId.set(b.pledge, ids[k]);
    });
    groups += ids.length;
    batch = [];
  };
  for (const item of pending) {
    // A refund names its donation group: post what came before it first.
    if (item.needsDonationOf != null && !donationGroupId.has(item.needsDonationOf)) await flush();
    batch.push(item);
  }
  await flush();

  // ── progress posts ──
  const updateIds = await insertIds(
    tx,
    S.updates,
    world.updates.map((u) =>
      makeUpdate({
        addressId: addressIds[u.addr],
        kind: u.kind,
        title: u.title,
        body: u.body,
        disbursementId: u.disbursement == null ? null : disbursementIds[u.disbursement],
        authorId: userId.get(u.author)!,
        publishedAt: u.at,
        createdAt: u.at,
      }),
    ),
  );
  // ── audit trail ──
  const entityId = (x: PAudit) =>
    x.entity === "address" || x.entity === "consent"
      ? String(addressIds[x.ref])
      : x.entity === "disbursement"
        ? String(disbursementIds[x.ref])
        : String(pledgeIds[x.ref]);
  await insertAll(
    tx,
    S.auditLog,
    world.audits
      .sort((x, y) => x.at.getTime() - y.at.getTime())
      .map((x) => ({
        actorUserId: userId.get(x.actor)!,
        chapterId: chapterId.get(x.chapter)!,
        action: x.action,
        entityType: x.entity === "consent" ? "address" : x.entity,
        entityId: entityId(x),
        before: x.before,
        after: x.after,
        createdAt: x.at,
      })),
  );

  log(`Seed rows written in ${Math.round(performance.now() - t0)} ms; storing images…`);

  // ── images: sanitised files, one media row per use ──
  const scenes = await images.scenes;
  let receipts: ImageMap | null = null;
  let mediaCount = 0;
  const store = async (source: string, meta: { kind: MediaKind; alt: string; addressId?: number | null; updateId?: number | null; disbursementId?: number | null; consentId?: number | null; isPublic: boolean; uploadedBy?: number | null; sortOrder?: number; createdAt: Date }) => {
    mediaCount += 1;
    const image = source.startsWith("scene:") ? scenes.get(source)! : (receipts ??= await images.receipts).get(source)!;
    return storeImage(tx, { buffer: image, ...meta }, mediaEnv);
  };
  const covers: [number, number | null][] = [];
  for (const a of world.addresses) {
    let cover: number | null = null;
    for (const [k, p] of a.photos.entries()) {
      const row = await store(`scene:${p.scene}`, {
        kind: "photo",
        alt: SCENES[p.scene].alt,
        addressId: addressIds[a.i],
        consentId: p.consent == null ? null : consentId.get(`${a.i}:${p.consent}`)!,
        isPublic: p.isPublic,
        uploadedBy: userId.get(a.author)!,
        sortOrder: k,
        createdAt: p.at,
      });
      if (cover == null && p.isPublic) cover = row.id;
    }
    if (cover != null) covers.push([addressIds[a.i], cover]);
  }
  await setColumn(tx, "addresses", "cover_media_id", covers);
  for (const [k, u] of world.updates.entries()) {
    if (!u.scene) continue;
    const a = world.addresses[u.addr];
    const consent = a.consents.findIndex((c) => c.photos && !c.withdrawnAt);
    await store(`scene:${u.scene}`, {
      kind: "photo",
      alt: SCENES[u.scene].alt,
      addressId: addressIds[a.i],
      updateId: updateIds[k],
      consentId: consent >= 0 ? consentId.get(`${a.i}:${consent}`)! : null,
      isPublic: consent >= 0,
      uploadedBy: userId.get(u.author)!,
      createdAt: u.at,
    });
  }
  const campaignCovers: [number, number | null][] = [];
  for (const c of CAMPAIGNS) {
    const row = await store(`scene:${c.scene}`, { kind: "photo", alt: SCENES[c.scene].alt, isPublic: true, uploadedBy: userId.get("admin")!, createdAt: daysAgo(200) });
    campaignCovers.push([campaignId.get(c.key)!, row.id]);
  }
  await setColumn(tx, "campaigns", "cover_media_id", campaignCovers);
  const receiptsOf: [number, number | null][] = [];
  for (const d of world.disbursements) {
    const row = await store(`receipt:${d.receipt}`, {
      kind: d.kind === "in_kind" ? "handover_proof" : "receipt",
      alt: `${d.kind === "in_kind" ? "Biên bản bàn giao" : "Hóa đơn"}: ${d.description} (${formatVnd(d.amount)})`,
      addressId: addressIds[d.addr],
      disbursementId: disbursementIds[d.i],
      isPublic: d.status === "approved",
      uploadedBy: userId.get(d.recordedBy)!,
      createdAt: d.createdAt,
    });
    receiptsOf.push([disbursementIds[d.i], row.id]);
  }
  await setColumn(tx, "disbursements", "receipt_media_id", receiptsOf);

  return {
    chapters: CHAPTERS.length,
    users: STAFF.length + world.donors.length,
    campaigns: CAMPAIGNS.length,
    addresses: world.addresses.length,
    needs: needRows.length,
    pledges: world.pledges.length,
    ledgerGroups: groups,
    disbursements: world.disbursements.length,
    updates: world.updates.length,
    media: mediaCount,
    ms: 0,
  };
}

// ════════════════════════════ text ════════════════════════════

function storyOf(a: PAddress): string {
  const spec = a.spec;
  const place = a.commune.replace(/^(phường|xã|đặc khu) /, "");
  const fill = (s: string) => s.replaceAll("{Who}", cap(spec.who)).replaceAll("{who}", spec.who).replaceAll("{place}", place);
  const voice = STORY_TEXT[spec.category][a.i % 2];
  const chapter = chapterByKey.get(a.chapter)!.name;
  const needs = a.needs.map((n) => {
    const tag = n.spec.sponsored ? " *(dành cho người nhận đỡ đầu)*" : n.spec.kind === "in_kind" ? " *(nhận hiện vật)*" : "";
    return `- ${n.spec.title}: ${n.spec.quantity} ${n.spec.unit} × ${formatVnd(n.spec.unitCost)} = **${formatVnd(n.amount)}**${tag}`;
  });
  const group = spec.person[2] === "g";
  return [
    spec.situation,
    fill(voice),
    "### Các khoản cần hỗ trợ",
    [...needs, "", `**Tổng cộng: ${formatVnd(a.goal)}**`].join("\n"),
    `Cán bộ ${chapter} đã đến tận nơi tìm hiểu hoàn cảnh. Họ tên, địa chỉ cụ thể và số điện thoại chỉ cán bộ Hội được xem; trang này dùng tên gọi tắt theo đồng ý của ${group ? "đơn vị tiếp nhận" : "gia đình"}.`,
    "Mọi khoản ủng hộ được ghi vào sổ cái công khai của Trao. Khi chi, Hội đăng hóa đơn, biên bản bàn giao và ảnh tại trang này. Nếu số tiền nhận được vượt nhu cầu, phần dư được chuyển cho địa chỉ có hoàn cảnh tương tự trong cùng chương trình và thông báo tại đây.",
  ].join("\n\n");
}
