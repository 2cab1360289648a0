import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressTotals, jobs, ledgerGroups, needTotals } from "../../db/schema";
import { checkLedger } from "../../app/ledger/invariants.server";
import { postGroup, postGroupsBulk, type LedgerGroupInput } from "../../app/ledger/ledger.server";
import { enqueue } from "../../app/jobs/outbox.server";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { insertPledge, minimalWorld } from "../helpers/fixtures";

let t: TestDatabase;
let w: Awaited<ReturnType<typeof minimalWorld>>;

beforeAll(async () => {
  t = await createTestDatabase();
  w = await minimalWorld(t.db);
});
afterAll(async () => t?.cleanup());

const donation = (pledgeId: number, amount: number, needId?: number): LedgerGroupInput => ({
  kind: "donation",
  idempotencyKey: `test:donation:${pledgeId}`,
  pledgeId,
  lines: [
    { account: "donors", amount: -amount },
    { account: "address_fund", addressId: w.address.id, needId, amount },
  ],
});

async function totals() {
  const [a] = await t.db.select().from(addressTotals).where(eq(addressTotals.addressId, w.address.id));
  const [n] = await t.db.select().from(needTotals).where(eq(needTotals.needId, w.need.id));
  return { address: a, need: n };
}

describe("the ledger door", () => {
  it("credits a gift to the address and its need in the same transaction", async () => {
    const pledge = await insertPledge(t.db, w.address.id, { status: "paid", receivedAmount: 350_000, needId: w.need.id });
    await t.db.transaction((tx) => postGroup(tx, donation(pledge.id, 350_000, w.need.id)));
    const { address, need } = await totals();
    expect(address.raised).toBe(350_000);
    expect(address.gifts).toBe(1);
    expect(need.funded).toBe(350_000);
    expect(await checkLedger(t.db)).toEqual([]);
  });

  it("posts nothing twice when a writer retries with the same key", async () => {
    const pledge = await insertPledge(t.db, w.address.id, { status: "paid", receivedAmount: 100_000 });
    const first = await t.db.transaction((tx) => postGroup(tx, donation(pledge.id, 100_000)));
    const again = await t.db.transaction((tx) => postGroup(tx, donation(pledge.id, 100_000)));
    expect(again).toEqual({ id: first.id, duplicate: true });
    expect((await totals()).address.raised).toBe(450_000);
    expect(await checkLedger(t.db)).toEqual([]);
  });

  it("leaves no trace when the surrounding transaction rolls back", async () => {
    const pledge = await insertPledge(t.db, w.address.id);
    await expect(
      t.db.transaction(async (tx) => {
        await postGroup(tx, donation(pledge.id, 70_000));
        await enqueue(tx, "receipt.email", { pledgeId: pledge.id });
        throw new Error("provider answered late");
      }),
    ).rejects.toThrow(/late/);
    expect((await totals()).address.raised).toBe(450_000);
    expect(await t.db.select().from(ledgerGroups).where(eq(ledgerGroups.pledgeId, pledge.id))).toHaveLength(0);
    expect(await t.db.select().from(jobs).where(eq(jobs.kind, "receipt.email"))).toHaveLength(0);
  });

  it("refuses a need line pointing at another address's need", async () => {
    const other = await minimalWorld(t.db);
    await expect(
      t.db.transaction((tx) =>
        postGroup(tx, {
          kind: "donation",
          idempotencyKey: "wrong-need",
          lines: [
            { account: "donors", amount: -1000 },
            { account: "address_fund", addressId: w.address.id, needId: other.need.id, amount: 1000 },
          ],
        }),
      ),
    ).rejects.toThrow(/does not belong/);
  });

  it("shows a refund as a new reversing group and lowers what was raised", async () => {
    const pledge = await insertPledge(t.db, w.address.id, { status: "paid", receivedAmount: 200_000 });
    const gift = await t.db.transaction((tx) => postGroup(tx, donation(pledge.id, 200_000)));
    await t.db.transaction((tx) =>
      postGroup(tx, {
        kind: "refund",
        idempotencyKey: `test:refund:${pledge.id}`,
        pledgeId: pledge.id,
        reversesGroupId: gift.id,
        lines: [
          { account: "address_fund", addressId: w.address.id, amount: -50_000 },
          { account: "donors", amount: 50_000 },
        ],
      }),
    );
    const { address } = await totals();
    expect(address.raised).toBe(600_000);
    expect(await checkLedger(t.db)).toEqual([]);
  });

  it("writes many groups through the checked bulk writer with correct totals", async () => {
    const groups: LedgerGroupInput[] = [];
    for (let i = 0; i < 25; i++) {
      const p = await insertPledge(t.db, w.address.id, { status: "paid", receivedAmount: 10_000 });
      groups.push({ ...donation(p.id, 10_000), idempotencyKey: `bulk:${p.id}` });
    }
    await t.db.transaction((tx) => postGroupsBulk(tx, groups, { chunk: 10 }));
    expect((await totals()).address.raised).toBe(850_000);
    expect(await checkLedger(t.db)).toEqual([]);
  });

  it("refuses a bulk load if any one group does not balance, writing nothing", async () => {
    const bad: LedgerGroupInput[] = [
      { kind: "fee", idempotencyKey: "b1", lines: [{ account: "address_fund", addressId: w.address.id, amount: -1 }, { account: "processor_fees", amount: 1 }] },
      { kind: "fee", idempotencyKey: "b2", lines: [{ account: "address_fund", addressId: w.address.id, amount: -1 }, { account: "processor_fees", amount: 2 }] },
    ];
    await expect(t.db.transaction((tx) => postGroupsBulk(tx, bad))).rejects.toThrow(/sum to zero/);
    expect(await t.db.select().from(ledgerGroups).where(eq(ledgerGroups.idempotencyKey, "b1"))).toHaveLength(0);
  });
});

describe("check-ledger finds breaches", () => {
  it("reports a cached total that no longer equals the ledger", async () => {
    await t.db.execute(sql`update address_totals set raised = raised + 1 where address_id = ${w.address.id}`);
    const breaches = await checkLedger(t.db);
    expect(breaches.map((b) => b.rule)).toContain("cached address totals equal ledger sums");
    await t.db.execute(sql`update address_totals set raised = raised - 1 where address_id = ${w.address.id}`);
    expect(await checkLedger(t.db)).toEqual([]);
  });

  it("reports a paid pledge that the ledger never credited", async () => {
    const pledge = await insertPledge(t.db, w.address.id, { status: "paid", receivedAmount: 99_000 });
    const breaches = await checkLedger(t.db);
    expect(breaches.some((b) => b.rule.startsWith("paid pledges") && b.detail.includes(`"pledge_id":${pledge.id}`))).toBe(true);
  });
});
