import { sql } from "drizzle-orm";
import type { LedgerGroupInput } from "../app/ledger/ledger.server";
import { generatePublicCode } from "../app/ledger/public-code";
import { slugify, stripDiacritics } from "../app/utils/text";
import { execRows, type DbOrTx } from "./client";
import type { AddressCategory, ChapterLevel, NeedKind, PaymentMethod, Role } from "./enums";
import type * as S from "./schema";
import { chapters } from "./schema";

// Row builders shared by the demo seed and the tests: each returns an insert object with
// sensible defaults, overridable field by field. They never touch the database, except the
// small insert helpers at the end.

export type NewChapter = typeof S.chapters.$inferInsert;
export type NewUser = typeof S.users.$inferInsert;
export type NewMembership = typeof S.memberships.$inferInsert;
export type NewCampaign = typeof S.campaigns.$inferInsert;
export type NewAddress = typeof S.addresses.$inferInsert;
export type NewAddressPrivate = typeof S.addressPrivate.$inferInsert;
export type NewConsent = typeof S.consents.$inferInsert;
export type NewNeed = typeof S.needs.$inferInsert;
export type NewPledge = typeof S.pledges.$inferInsert;
export type NewSponsorship = typeof S.sponsorships.$inferInsert;
export type NewDisbursement = typeof S.disbursements.$inferInsert;
export type NewUpdate = typeof S.updates.$inferInsert;

// ───────────────────────────── deterministic randomness ─────────────────────────────

export interface Rng {
  /** Float in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** Pick by weight: [[value, weight], …]. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  shuffle<T>(items: readonly T[]): T[];
  /** `length` characters from `alphabet`. */
  string(length: number, alphabet?: string): string;
}

/** mulberry32: tiny, fast and good enough for demo data; the same seed gives the same world. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    weighted: (items) => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [value, w] of items) {
        r -= w;
        if (r < 0) return value;
      }
      return items[items.length - 1][0];
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
    string: (length, alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") => {
      let s = "";
      for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)];
      return s;
    },
  };
}

let sequence = 0;
/** A process-unique number for default slugs and emails in tests. */
export function nextSeq(): number {
  sequence += 1;
  return sequence;
}

/** A public code not yet in `taken` (added to it). */
export function uniquePublicCode(taken: Set<string>, rng?: () => number): string {
  for (;;) {
    const code = generatePublicCode(rng);
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

/** "Hội Chữ thập đỏ tỉnh An Giang" → "HOI CHU THAP DO TINH AN GIANG" (bank account holder style). */
export function bankAccountName(name: string): string {
  return stripDiacritics(name)
    .toUpperCase()
    .replace(/[^A-Z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** "Nguyễn Văn An" → "N.V.A." (the `initials` name display). */
export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${w[0].toLocaleUpperCase("vi")}.`)
    .join("");
}

// ───────────────────────────── organisation ─────────────────────────────

/**
 * A chapter row. `path` must be unique and is only known after insert: the placeholder is
 * replaced by refreshChapterPaths() (or insertChapter()).
 */
export function makeChapter(over: Partial<NewChapter> & { name: string; level: ChapterLevel }): NewChapter {
  const slug = over.slug ?? `${slugify(over.name, 60) || "chi-hoi"}-${nextSeq()}`;
  return {
    slug,
    path: `pending:${slug}`,
    unitKind: over.level === "unit" ? "other" : null,
    parentId: null,
    ...over,
  };
}

export function makeUser(over: Partial<NewUser> & { name?: string } = {}): NewUser {
  const name = over.name ?? `Người dùng ${nextSeq()}`;
  const email = (over.email ?? `${slugify(name, 40).replace(/-/g, ".") || "user"}.${nextSeq()}@example.com`).toLowerCase();
  return { name, passwordHash: null, isAdmin: false, locale: "vi", ...over, email };
}

export function makeMembership(userId: number, chapterId: number, role: Role, over: Partial<NewMembership> = {}): NewMembership {
  return { userId, chapterId, role, ...over };
}

export function makeCampaign(over: Partial<NewCampaign> & { title: string; organiserChapterId: number }): NewCampaign {
  return {
    slug: over.slug ?? `${slugify(over.title, 60)}-${nextSeq()}`,
    kind: "appeal",
    status: "active",
    summary: "",
    description: "",
    ...over,
  };
}

// ───────────────────────────── addresses ─────────────────────────────

export function makeAddress(over: Partial<NewAddress> & { chapterId: number; title?: string; category?: AddressCategory }): NewAddress {
  const title = over.title ?? `Địa chỉ nhân đạo số ${nextSeq()}`;
  return {
    slug: over.slug ?? `${slugify(title, 60) || "dia-chi"}-${nextSeq()}`,
    category: "poor_household",
    summary: "Gia đình có hoàn cảnh khó khăn cần được hỗ trợ.",
    story: "",
    publicAlias: "Gia đình anh A.",
    province: "An Giang",
    commune: "phường Rạch Giá",
    urgency: 2,
    status: "draft",
    ...over,
    title,
  };
}

export function makeAddressPrivate(over: Partial<NewAddressPrivate> & { addressId: number; beneficiaryName: string; duplicateKey: string }): NewAddressPrivate {
  return { birthYear: null, exactLocation: null, phone: null, idNumberHash: null, staffNotes: null, ...over };
}

export function makeConsent(over: Partial<NewConsent> & { addressId: number; givenByName: string; givenOn: string }): NewConsent {
  return { relationship: "self", scopeStory: true, scopePhotos: true, scopeFirstName: false, ...over };
}

/** A need line: amount = quantity × unit cost, as the database checks. */
export function makeNeed(over: Partial<NewNeed> & { addressId: number; title: string; unitCost: number; quantity?: number; kind?: NeedKind }): NewNeed {
  const quantity = over.quantity ?? 1;
  return { kind: "cash", unit: "", sortOrder: 0, fulfilledQuantity: 0, ...over, quantity, amount: quantity * over.unitCost };
}

// ───────────────────────────── giving ─────────────────────────────

export function makePledge(
  over: Partial<NewPledge> & { addressId: number; amount: number; method?: PaymentMethod },
  options: { rng?: () => number; taken?: Set<string> } = {},
): NewPledge {
  const publicCode = over.publicCode ?? (options.taken ? uniquePublicCode(options.taken, options.rng) : generatePublicCode(options.rng));
  return {
    donorName: "Nhà hảo tâm",
    nameDisplay: "full",
    method: "bank_transfer",
    status: "pending",
    receivedAmount: 0,
    refundedAmount: 0,
    isLate: false,
    locale: "vi",
    ...over,
    publicCode,
  };
}

export function makeSponsorship(over: Partial<NewSponsorship> & { addressId: number; donorName: string }): NewSponsorship {
  return { kind: "monthly", status: "pending", nameDisplay: "full", exclusive: true, ...over };
}

export function makeDisbursement(over: Partial<NewDisbursement> & { addressId: number; amount: number; recordedBy: number }): NewDisbursement {
  return { kind: "cash", payeePublic: "Nhà cung cấp", description: "", spentOn: "2026-11-01", status: "recorded", ...over };
}

export function makeUpdate(over: Partial<NewUpdate> & { addressId: number; title: string }): NewUpdate {
  return { kind: "progress", body: "", ...over };
}

// ───────────────────────────── ledger group shapes (posted only through app/ledger) ─────────────────────────────

interface PledgeLike {
  id: number;
  addressId: number;
  needId?: number | null;
  method: PaymentMethod;
}

/** A paid pledge: donors −X, address_fund +X (on its need when it has one). In-kind → in_kind_receipt. */
export function donationGroup(pledge: PledgeLike, amount: number, extra: Partial<LedgerGroupInput> = {}): LedgerGroupInput {
  const kind = pledge.method === "in_kind" ? "in_kind_receipt" : "donation";
  return {
    kind,
    idempotencyKey: `${kind === "donation" ? "donation" : "in_kind_receipt"}:pledge:${pledge.id}`,
    pledgeId: pledge.id,
    lines: [
      { account: "donors", amount: -amount },
      { account: "address_fund", amount, addressId: pledge.addressId, needId: pledge.needId ?? null },
    ],
    ...extra,
  };
}

/** Money back to a donor: a new group reversing (part of) the donation group. */
export function refundGroup(pledge: PledgeLike, amount: number, reversesGroupId: number, extra: Partial<LedgerGroupInput> = {}): LedgerGroupInput {
  return {
    kind: "refund",
    idempotencyKey: `refund:pledge:${pledge.id}:${reversesGroupId}`,
    pledgeId: pledge.id,
    reversesGroupId,
    lines: [
      { account: "address_fund", amount: -amount, addressId: pledge.addressId, needId: pledge.needId ?? null },
      { account: "donors", amount },
    ],
    ...extra,
  };
}

/** What a provider kept: address_fund −fee, processor_fees +fee. */
export function feeGroup(pledge: PledgeLike, fee: number, extra: Partial<LedgerGroupInput> = {}): LedgerGroupInput {
  return {
    kind: "fee",
    idempotencyKey: `fee:pledge:${pledge.id}`,
    pledgeId: pledge.id,
    lines: [
      { account: "address_fund", amount: -fee, addressId: pledge.addressId },
      { account: "processor_fees", amount: fee },
    ],
    ...extra,
  };
}

/** Approved spending or an in-kind handover: address_fund −X (on its need), payees +X. */
export function spendingGroup(
  d: { id: number; addressId: number; needId?: number | null; amount: number; kind: NeedKind },
  extra: Partial<LedgerGroupInput> = {},
): LedgerGroupInput {
  const kind = d.kind === "in_kind" ? "in_kind_handover" : "disbursement";
  return {
    kind,
    idempotencyKey: `${kind}:${d.id}`,
    disbursementId: d.id,
    lines: [
      { account: "address_fund", amount: -d.amount, addressId: d.addressId, needId: d.needId ?? null },
      { account: "payees", amount: d.amount },
    ],
    ...extra,
  };
}

// ───────────────────────────── insert helpers ─────────────────────────────

/** Recompute every chapter's materialised path ("/1/4/17/") from parent_id, in one statement. */
export async function refreshChapterPaths(db: DbOrTx): Promise<void> {
  await db.execute(sql`
    with recursive tree as (
      select id, '/' || id || '/' as path from chapters where parent_id is null
      union all
      select c.id, tree.path || c.id || '/' from chapters c join tree on c.parent_id = tree.id
    )
    update chapters set path = tree.path from tree where chapters.id = tree.id and chapters.path <> tree.path`);
}

/** Insert one chapter and give it its path (tests). */
export async function insertChapter(db: DbOrTx, values: NewChapter): Promise<typeof S.chapters.$inferSelect> {
  const [row] = await db.insert(chapters).values(values).returning();
  let parentPath = "/";
  if (row.parentId != null) {
    const [parent] = await execRows<{ path: string }>(db, sql`select path from chapters where id = ${row.parentId}`);
    parentPath = parent.path;
  }
  const path = `${parentPath}${row.id}/`;
  await db.execute(sql`update chapters set path = ${path} where id = ${row.id}`);
  return { ...row, path };
}
