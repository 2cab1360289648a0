import { sql } from "drizzle-orm";
import { pgArray } from "../../db/arrays";
import { execRows, type DbOrTx, type Tx } from "../../db/client";
import { CURRENCIES, type LedgerAccount, type LedgerKind } from "../../db/enums";
import { ledgerGroups, ledgerLines } from "../../db/schema";
import { DomainError } from "../utils/errors";
import { isMoney } from "./money";

// The only writer of money. Every movement is a balanced group of lines; nothing is edited.
// Cached totals per address and per need are updated in the same transaction: one row per
// address/need, so no gift waits on a row that every other gift also locks.

export interface LedgerLineInput {
  account: LedgerAccount;
  amount: number;
  addressId?: number | null;
  needId?: number | null;
}

export interface LedgerGroupInput {
  kind: LedgerKind;
  lines: LedgerLineInput[];
  /** Unique per economic event, so that a retried writer posts nothing twice. */
  idempotencyKey: string;
  memo?: string;
  currency?: (typeof CURRENCIES)[number];
  pledgeId?: number | null;
  disbursementId?: number | null;
  reversesGroupId?: number | null;
  /** For corrections: the kind of the reversed group, which decides which total it corrects. */
  reversesKind?: LedgerKind | null;
  providerRef?: string | null;
  createdBy?: number | null;
  occurredAt?: Date;
}

export interface PostedGroup {
  id: number;
  /** True when a group with the same idempotency key already existed: nothing was written. */
  duplicate: boolean;
}

export class LedgerError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message);
    this.name = "LedgerError";
  }
}

/** Which cached total an address_fund line moves, by the kind of its group. */
export type Bucket = "raised" | "disbursed" | "fees";
export function bucketOf(kind: LedgerKind, reversesKind?: LedgerKind | null): Bucket {
  switch (kind) {
    case "donation":
    case "in_kind_receipt":
    case "refund":
      return "raised";
    case "disbursement":
    case "in_kind_handover":
      return "disbursed";
    case "fee":
      return "fees";
    case "correction":
      if (!reversesKind || reversesKind === "correction") throw new LedgerError("LEDGER_CORRECTION_TARGET", "A correction must name the kind of the group it corrects.");
      return bucketOf(reversesKind);
  }
}

/** Checks one group without touching the database. Throws LedgerError. */
export function assertGroup(group: LedgerGroupInput): void {
  const currency = group.currency ?? "VND";
  if (!CURRENCIES.includes(currency)) throw new LedgerError("LEDGER_CURRENCY", `Unsupported currency ${currency}.`);
  if (!group.idempotencyKey || group.idempotencyKey.length > 200) throw new LedgerError("LEDGER_KEY", "Every ledger group needs an idempotency key (1–200 characters).");
  if (group.lines.length < 2) throw new LedgerError("LEDGER_MIN_LINES", "A ledger group needs at least two lines.");
  let sum = 0;
  for (const line of group.lines) {
    if (!isMoney(line.amount)) throw new LedgerError("LEDGER_AMOUNT", `Ledger amounts are safe integers of đồng, got ${String(line.amount)}.`);
    if (line.amount === 0) throw new LedgerError("LEDGER_ZERO_LINE", "A ledger line cannot be zero.");
    const isFund = line.account === "address_fund";
    if (isFund !== (line.addressId != null)) throw new LedgerError("LEDGER_ADDRESS", "Exactly the address_fund lines carry an address.");
    if (line.needId != null && line.addressId == null) throw new LedgerError("LEDGER_NEED", "A need line must name its address.");
    sum += line.amount;
  }
  if (!Number.isSafeInteger(sum) || sum !== 0) throw new LedgerError("LEDGER_UNBALANCED", `A ledger group must sum to zero (sum ${sum}).`);
  if (group.kind === "correction") bucketOf(group.kind, group.reversesKind);
}

/** Post one balanced group inside the caller's transaction and update cached totals. */
export async function postGroup(tx: Tx, group: LedgerGroupInput): Promise<PostedGroup> {
  assertGroup(group);
  await assertNeedsBelong(tx, [group]);
  const [inserted] = await tx
    .insert(ledgerGroups)
    .values(groupRow(group))
    .onConflictDoNothing({ target: ledgerGroups.idempotencyKey })
    .returning({ id: ledgerGroups.id });
  if (!inserted) {
    const [existing] = await execRows<{ id: string | number }>(tx, sql`select id from ledger_groups where idempotency_key = ${group.idempotencyKey}`);
    return { id: Number(existing.id), duplicate: true };
  }
  await tx.insert(ledgerLines).values(group.lines.map((l) => lineRow(inserted.id, l, group.currency)));
  await applyTotals(tx, [group]);
  return { id: inserted.id, duplicate: false };
}

/**
 * The checked bulk writer (seed, scale generator): the same checks as postGroup for every group,
 * set-based inserts (one array parameter per column), totals aggregated per address/need.
 * Returns the new ids in the order of `groups`. Duplicate idempotency keys are an error here.
 */
export async function postGroupsBulk(tx: Tx, groups: LedgerGroupInput[], options: { chunk?: number } = {}): Promise<number[]> {
  for (const g of groups) assertGroup(g);
  const chunk = options.chunk ?? 5000;
  const ids: number[] = [];
  for (let i = 0; i < groups.length; i += chunk) {
    const part = groups.slice(i, i + chunk);
    await assertNeedsBelong(tx, part);
    const rows = part.map(groupRow);
    const inserted = await execRows<{ id: string | number; idempotency_key: string }>(
      tx,
      sql`
        insert into ledger_groups (kind, currency, memo, idempotency_key, pledge_id, disbursement_id, reverses_group_id, provider_ref, created_by, occurred_at)
        select * from unnest(
          ${pgArray(rows.map((r) => r.kind))}::ledger_kind[], ${pgArray(rows.map((r) => r.currency))}::char(3)[],
          ${pgArray(rows.map((r) => r.memo))}::text[], ${pgArray(rows.map((r) => r.idempotencyKey))}::text[],
          ${pgArray(rows.map((r) => r.pledgeId))}::int[], ${pgArray(rows.map((r) => r.disbursementId))}::int[],
          ${pgArray(rows.map((r) => r.reversesGroupId))}::bigint[], ${pgArray(rows.map((r) => r.providerRef))}::text[],
          ${pgArray(rows.map((r) => r.createdBy))}::int[], ${pgArray(rows.map((r) => r.occurredAt.toISOString()))}::timestamptz[])
        returning id, idempotency_key`,
    );
    if (inserted.length !== part.length) throw new LedgerError("LEDGER_BULK", "Bulk insert returned fewer groups than given.");
    const idByKey = new Map(inserted.map((r) => [r.idempotency_key, Number(r.id)]));
    const partIds = part.map((g) => idByKey.get(g.idempotencyKey)!);
    const lines = part.flatMap((g, j) => g.lines.map((l) => lineRow(partIds[j], l, g.currency)));
    await tx.execute(sql`
      insert into ledger_lines (group_id, account, address_id, need_id, amount, currency)
      select * from unnest(
        ${pgArray(lines.map((l) => l.groupId))}::bigint[], ${pgArray(lines.map((l) => l.account))}::ledger_account[],
        ${pgArray(lines.map((l) => l.addressId))}::int[], ${pgArray(lines.map((l) => l.needId))}::int[],
        ${pgArray(lines.map((l) => l.amount))}::bigint[], ${pgArray(lines.map((l) => l.currency))}::char(3)[])`);
    await applyTotals(tx, part);
    ids.push(...partIds);
  }
  return ids;
}

function groupRow(g: LedgerGroupInput) {
  return {
    kind: g.kind,
    currency: g.currency ?? "VND",
    memo: g.memo ?? "",
    idempotencyKey: g.idempotencyKey,
    pledgeId: g.pledgeId ?? null,
    disbursementId: g.disbursementId ?? null,
    reversesGroupId: g.reversesGroupId ?? null,
    providerRef: g.providerRef ?? null,
    createdBy: g.createdBy ?? null,
    occurredAt: g.occurredAt ?? new Date(),
  };
}

function lineRow(groupId: number, l: LedgerLineInput, currency = "VND") {
  return { groupId, account: l.account, amount: l.amount, addressId: l.addressId ?? null, needId: l.needId ?? null, currency };
}

async function assertNeedsBelong(db: DbOrTx, groups: LedgerGroupInput[]) {
  const wanted = new Map<number, number>();
  for (const g of groups) for (const l of g.lines) if (l.needId != null) wanted.set(l.needId, l.addressId!);
  if (wanted.size === 0) return;
  const found = await execRows<{ id: number; address_id: number }>(db, sql`select id, address_id from needs where id = any(${pgArray([...wanted.keys()])}::int[])`);
  const owner = new Map(found.map((n) => [Number(n.id), Number(n.address_id)]));
  for (const [needId, addressId] of wanted) {
    if (owner.get(needId) !== addressId) throw new LedgerError("LEDGER_NEED", `Need ${needId} does not belong to address ${addressId}.`);
  }
}

interface AddressDelta {
  raised: number;
  disbursed: number;
  fees: number;
  gifts: number;
  lastGiftAt: Date | null;
}

async function applyTotals(tx: Tx, groups: LedgerGroupInput[]) {
  const perAddress = new Map<number, AddressDelta>();
  const perNeed = new Map<number, { funded: number; disbursed: number }>();
  for (const g of groups) {
    const bucket = bucketOf(g.kind, g.reversesKind);
    const isGift = g.kind === "donation" || g.kind === "in_kind_receipt";
    const giftAddresses = new Set<number>();
    for (const l of g.lines) {
      if (l.account !== "address_fund" || l.addressId == null) continue;
      const a = perAddress.get(l.addressId) ?? { raised: 0, disbursed: 0, fees: 0, gifts: 0, lastGiftAt: null };
      if (bucket === "raised") a.raised += l.amount;
      else if (bucket === "disbursed") a.disbursed -= l.amount;
      else a.fees -= l.amount;
      if (isGift && l.amount > 0 && !giftAddresses.has(l.addressId)) {
        giftAddresses.add(l.addressId);
        a.gifts += 1;
        const at = g.occurredAt ?? new Date();
        if (!a.lastGiftAt || at > a.lastGiftAt) a.lastGiftAt = at;
      }
      perAddress.set(l.addressId, a);
      if (l.needId != null && bucket !== "fees") {
        const n = perNeed.get(l.needId) ?? { funded: 0, disbursed: 0 };
        if (bucket === "raised") n.funded += l.amount;
        else n.disbursed -= l.amount;
        perNeed.set(l.needId, n);
      }
    }
  }
  // Sorted keys: concurrent writers lock rows in the same order and cannot deadlock.
  const addressRows = [...perAddress.entries()].sort((x, y) => x[0] - y[0]);
  if (addressRows.length > 0) {
    await tx.execute(sql`
      insert into address_totals as t (address_id, raised, disbursed, fees, gifts, last_gift_at)
      select * from unnest(
        ${pgArray(addressRows.map(([id]) => id))}::int[], ${pgArray(addressRows.map(([, d]) => d.raised))}::bigint[],
        ${pgArray(addressRows.map(([, d]) => d.disbursed))}::bigint[], ${pgArray(addressRows.map(([, d]) => d.fees))}::bigint[],
        ${pgArray(addressRows.map(([, d]) => d.gifts))}::int[],
        ${pgArray(addressRows.map(([, d]) => (d.lastGiftAt ? d.lastGiftAt.toISOString() : null)))}::timestamptz[])
      order by 1
      on conflict (address_id) do update set
        raised = t.raised + excluded.raised,
        disbursed = t.disbursed + excluded.disbursed,
        fees = t.fees + excluded.fees,
        gifts = t.gifts + excluded.gifts,
        last_gift_at = greatest(t.last_gift_at, excluded.last_gift_at),
        updated_at = now()`);
  }
  const needRows = [...perNeed.entries()].sort((x, y) => x[0] - y[0]);
  if (needRows.length > 0) {
    await tx.execute(sql`
      insert into need_totals as t (need_id, funded, disbursed)
      select * from unnest(
        ${pgArray(needRows.map(([id]) => id))}::int[], ${pgArray(needRows.map(([, d]) => d.funded))}::bigint[],
        ${pgArray(needRows.map(([, d]) => d.disbursed))}::bigint[])
      order by 1
      on conflict (need_id) do update set
        funded = t.funded + excluded.funded,
        disbursed = t.disbursed + excluded.disbursed,
        updated_at = now()`);
  }
}
