import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disbursements, ledgerGroups, ledgerLines, needs, paymentAttempts, paymentEvents, pledges, sponsorships } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { insertPledge, minimalWorld, rejection, testCode } from "../helpers/fixtures";

// Each test writes straight to the tables, around the application code, to prove that the
// database itself refuses what the code could get wrong.

let t: TestDatabase;
let world: Awaited<ReturnType<typeof minimalWorld>>;

beforeAll(async () => {
  t = await createTestDatabase();
  world = await minimalWorld(t.db);
});
afterAll(async () => t?.cleanup());

async function balancedGroup(key: string, amount = 200_000) {
  return t.db.transaction(async (tx) => {
    const [g] = await tx.insert(ledgerGroups).values({ kind: "donation", idempotencyKey: key }).returning();
    await tx.insert(ledgerLines).values([
      { groupId: g.id, account: "donors", amount: -amount },
      { groupId: g.id, account: "address_fund", addressId: world.address.id, amount },
    ]);
    return g;
  });
}

describe("the database refuses non-positive amounts", () => {
  it("refuses a pledge of zero or a negative amount", async () => {
    expect(await rejection(insertPledge(t.db, world.address.id, { amount: 0 }))).toMatch(/pledges_amount_positive/);
    expect(await rejection(insertPledge(t.db, world.address.id, { amount: -50_000 }))).toMatch(/pledges_amount_positive/);
  });

  it("refuses a need whose amount or unit cost is not positive", async () => {
    const base = { addressId: world.address.id, title: "Gạo", kind: "in_kind" as const, quantity: 1, unit: "bao" };
    expect(await rejection(t.db.insert(needs).values({ ...base, unitCost: 0, amount: 0 }))).toMatch(/needs_(unit_cost|amount)_positive/);
    expect(await rejection(t.db.insert(needs).values({ ...base, unitCost: -1, amount: -1 }))).toMatch(/needs_(unit_cost|amount)_positive/);
  });

  it("refuses a need whose amount is not quantity × unit cost", async () => {
    const row = { addressId: world.address.id, title: "Áo phao", kind: "cash" as const, quantity: 4, unit: "chiếc", unitCost: 350_000, amount: 1_000_000 };
    expect(await rejection(t.db.insert(needs).values(row))).toMatch(/needs_amount_is_quantity_times_cost/);
  });

  it("refuses a disbursement of zero or less", async () => {
    const row = { addressId: world.address.id, amount: 0, payeePublic: "Cửa hàng ngư cụ", spentOn: "2026-11-01", recordedBy: world.user.id };
    expect(await rejection(t.db.insert(disbursements).values(row))).toMatch(/disbursements_amount_positive/);
    expect(await rejection(t.db.insert(disbursements).values({ ...row, amount: -10 }))).toMatch(/disbursements_amount_positive/);
  });

  it("refuses spending approved by the person who recorded it", async () => {
    const row = {
      addressId: world.address.id,
      amount: 100_000,
      payeePublic: "Cửa hàng ngư cụ",
      spentOn: "2026-11-01",
      recordedBy: world.user.id,
      approvedBy: world.user.id,
      approvedAt: new Date(),
      status: "approved" as const,
    };
    expect(await rejection(t.db.insert(disbursements).values(row))).toMatch(/disbursements_approver_not_recorder/);
  });
});

describe("the ledger refuses what does not balance", () => {
  it("accepts a balanced group of two lines", async () => {
    const g = await balancedGroup(`ok-${testCode()}`);
    expect(g.id).toBeGreaterThan(0);
  });

  it("refuses a zero ledger line", async () => {
    const text = await rejection(
      t.db.transaction(async (tx) => {
        const [g] = await tx.insert(ledgerGroups).values({ kind: "donation", idempotencyKey: `zero-${testCode()}` }).returning();
        await tx.insert(ledgerLines).values([
          { groupId: g.id, account: "donors", amount: 0 },
          { groupId: g.id, account: "address_fund", addressId: world.address.id, amount: 0 },
        ]);
      }),
    );
    expect(text).toMatch(/ledger_lines_amount_nonzero/);
  });

  it("refuses at commit a group whose lines do not sum to zero", async () => {
    const key = `unbalanced-${testCode()}`;
    const text = await rejection(
      t.db.transaction(async (tx) => {
        const [g] = await tx.insert(ledgerGroups).values({ kind: "donation", idempotencyKey: key }).returning();
        await tx.insert(ledgerLines).values([
          { groupId: g.id, account: "donors", amount: -200_000 },
          { groupId: g.id, account: "address_fund", addressId: world.address.id, amount: 190_000 },
        ]);
      }),
    );
    expect(text).toMatch(/does not sum to zero/);
    const left = await t.db.select().from(ledgerGroups).where(eq(ledgerGroups.idempotencyKey, key));
    expect(left).toHaveLength(0);
  });

  it("refuses a group of a single line, and a group with no lines", async () => {
    expect(
      await rejection(
        t.db.transaction(async (tx) => {
          const [g] = await tx.insert(ledgerGroups).values({ kind: "donation", idempotencyKey: `one-${testCode()}` }).returning();
          await tx.insert(ledgerLines).values([{ groupId: g.id, account: "donors", amount: -1 }]);
        }),
      ),
    ).toMatch(/at least two are required/);
    expect(await rejection(t.db.insert(ledgerGroups).values({ kind: "donation", idempotencyKey: `empty-${testCode()}` }))).toMatch(
      /at least two are required/,
    );
  });

  it("refuses a line appended later that unbalances a committed group", async () => {
    const g = await balancedGroup(`append-${testCode()}`);
    const text = await rejection(t.db.insert(ledgerLines).values({ groupId: g.id, account: "donors", amount: -5 }));
    expect(text).toMatch(/does not sum to zero/);
  });

  it("refuses UPDATE and DELETE on ledger groups and lines", async () => {
    const g = await balancedGroup(`immutable-${testCode()}`);
    expect(await rejection(t.db.update(ledgerGroups).set({ memo: "sửa" }).where(eq(ledgerGroups.id, g.id)))).toMatch(/append-only/);
    expect(await rejection(t.db.delete(ledgerGroups).where(eq(ledgerGroups.id, g.id)))).toMatch(/append-only/);
    expect(await rejection(t.db.update(ledgerLines).set({ amount: 1 }).where(eq(ledgerLines.groupId, g.id)))).toMatch(/append-only/);
    expect(await rejection(t.db.delete(ledgerLines).where(eq(ledgerLines.groupId, g.id)))).toMatch(/append-only/);
  });

  it("refuses TRUNCATE on ledger groups, ledger lines and the audit log", async () => {
    expect(await rejection(t.db.execute(sql`truncate ledger_lines`))).toMatch(/append-only/);
    expect(await rejection(t.db.execute(sql`truncate ledger_groups cascade`))).toMatch(/append-only/);
    expect(await rejection(t.db.execute(sql`truncate audit_log`))).toMatch(/append-only/);
    const [{ n }] = (await t.db.select({ n: sql<number>`count(*)::int` }).from(ledgerLines)) as { n: number }[];
    expect(n).toBeGreaterThan(0);
  });

  it("refuses two ledger groups for the same provider reference", async () => {
    const ref = `VNP${Date.now()}`;
    await t.db.transaction(async (tx) => {
      const [g] = await tx.insert(ledgerGroups).values({ kind: "donation", idempotencyKey: `ref-a-${ref}`, providerRef: ref }).returning();
      await tx.insert(ledgerLines).values([
        { groupId: g.id, account: "donors", amount: -1000 },
        { groupId: g.id, account: "address_fund", addressId: world.address.id, amount: 1000 },
      ]);
    });
    expect(await rejection(t.db.insert(ledgerGroups).values({ kind: "donation", idempotencyKey: `ref-b-${ref}`, providerRef: ref }))).toMatch(
      /ledger_groups_provider_ref_uq/,
    );
  });
});

describe("the database refuses duplicates that would double-count money", () => {
  it("stores a provider callback once per (provider, external id)", async () => {
    const row = { provider: "vnpay" as const, externalId: "14226112", payload: { vnp_TxnRef: "x" } };
    await t.db.insert(paymentEvents).values(row);
    expect(await rejection(t.db.insert(paymentEvents).values(row))).toMatch(/payment_events_provider_external_uq/);
    // The same id from another provider is a different event.
    await t.db.insert(paymentEvents).values({ ...row, provider: "stripe" });
  });

  it("refuses a second payment attempt with the same provider reference", async () => {
    const pledge = await insertPledge(t.db, world.address.id, { method: "vnpay" });
    await t.db.insert(paymentAttempts).values({ pledgeId: pledge.id, provider: "vnpay", attemptNo: 1, txnRef: `${pledge.publicCode}-1`, providerRef: "VNP-REF-1", amount: 200_000 });
    expect(
      await rejection(
        t.db.insert(paymentAttempts).values({ pledgeId: pledge.id, provider: "vnpay", attemptNo: 2, txnRef: `${pledge.publicCode}-2`, providerRef: "VNP-REF-1", amount: 200_000 }),
      ),
    ).toMatch(/payment_attempts_provider_ref_uq/);
    expect(
      await rejection(t.db.insert(paymentAttempts).values({ pledgeId: pledge.id, provider: "vnpay", attemptNo: 3, txnRef: `${pledge.publicCode}-1`, amount: 200_000 })),
    ).toMatch(/payment_attempts_txn_ref_uq/);
  });

  it("refuses a duplicate public code", async () => {
    const code = testCode();
    await insertPledge(t.db, world.address.id, { publicCode: code });
    expect(await rejection(insertPledge(t.db, world.address.id, { publicCode: code }))).toMatch(/pledges_public_code_uq/);
  });

  it("refuses a malformed public code", async () => {
    expect(await rejection(insertPledge(t.db, world.address.id, { publicCode: "trao-1" }))).toMatch(/pledges_public_code_format/);
  });
});

describe("an address or need has at most one active exclusive adoption", () => {
  it("refuses a second active exclusive adoption of the same address", async () => {
    const base = { kind: "monthly" as const, addressId: world.address.id, donorName: "Công ty TNHH Biển Xanh", monthlyAmount: 150_000, months: 12, status: "active" as const };
    await t.db.insert(sponsorships).values(base);
    expect(await rejection(t.db.insert(sponsorships).values({ ...base, donorName: "Chị Lan" }))).toMatch(/sponsorships_one_active_exclusive_uq/);
    // A lapsed or non-exclusive one does not conflict.
    await t.db.insert(sponsorships).values({ ...base, status: "lapsed" });
    await t.db.insert(sponsorships).values({ ...base, exclusive: false });
  });

  it("refuses a second active exclusive adoption of the same need, but allows another need", async () => {
    const base = { kind: "whole_need" as const, addressId: world.address.id, needId: world.need.id, donorName: "Trường THCS Vĩnh Thanh", status: "active" as const };
    await t.db.insert(sponsorships).values(base);
    expect(await rejection(t.db.insert(sponsorships).values(base))).toMatch(/sponsorships_one_active_exclusive_uq/);
  });
});

describe("pledge amounts stay consistent", () => {
  it("refuses refunding more than was received", async () => {
    const pledge = await insertPledge(t.db, world.address.id, { status: "paid", receivedAmount: 200_000 });
    expect(await rejection(t.db.update(pledges).set({ refundedAmount: 300_000 }).where(eq(pledges.id, pledge.id)))).toMatch(/pledges_refunded_range/);
  });
});
