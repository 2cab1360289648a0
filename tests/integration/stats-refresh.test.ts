import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { addresses, addressTotals, chapters, pledges, statsRollups, users } from "../../db/schema";
import { handlers } from "../../app/jobs/handlers.server";
import { enqueue } from "../../app/jobs/outbox.server";
import { startWorker } from "../../app/jobs/worker.server";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.cleanup());

async function chapter(db: Db, name: string, parent?: { id: number; path: string }, level: "central" | "province" | "commune" = "central") {
  const [row] = await db
    .insert(chapters)
    .values({ slug: name, name, level, parentId: parent?.id, path: `/tmp-${name}/` })
    .returning();
  const path = `${parent?.path ?? "/"}${row.id}/`;
  await db.update(chapters).set({ path }).where(eq(chapters.id, row.id));
  return { id: row.id, path };
}

let seq = 0;
async function address(db: Db, chapterId: number, province: string, status: "draft" | "published" | "funded", totals?: { raised: number; disbursed?: number; gifts: number }) {
  const n = ++seq;
  const [row] = await db
    .insert(addresses)
    .values({ slug: `a-${n}`, chapterId, category: "poor_household", title: `Địa chỉ ${n}`, summary: "…", publicAlias: "Gia đình chị H.", province, commune: "Xã A", status })
    .returning();
  if (totals) {
    const figures = { raised: totals.raised, disbursed: totals.disbursed ?? 0, gifts: totals.gifts };
    // Stand-in for the ledger's cached totals (the row may already exist, made by a trigger).
    await db.insert(addressTotals).values({ addressId: row.id, ...figures }).onConflictDoUpdate({ target: addressTotals.addressId, set: figures });
  }
  return row.id;
}

async function pledge(db: Db, addressId: number, donor: { userId?: number; email?: string }, status: "paid" | "pending" = "paid") {
  const n = ++seq;
  await db.insert(pledges).values({
    publicCode: `TRAO${String(n).padStart(6, "0")}`,
    addressId,
    donorUserId: donor.userId,
    guestEmail: donor.email,
    donorName: "Nhà hảo tâm",
    amount: 100_000,
    method: "bank_transfer",
    status,
  });
}

const rollup = async (scope: string) => (await t.db.select().from(statsRollups).where(eq(statsRollups.scope, scope)))[0];

async function runRefreshJob() {
  await enqueue(t.db, "stats.refresh");
  const worker = startWorker(t.db, { handlers, pollMs: 10_000 });
  await worker.drain();
  await worker.stop();
}

describe("the stats.refresh job", () => {
  let ids: { central: number; angiang: number; commune: number; hue: number; school: number; a1: number };

  beforeAll(async () => {
    const db = t.db;
    const central = await chapter(db, "tw");
    const angiang = await chapter(db, "an-giang", central, "province");
    const commune = await chapter(db, "rach-gia", angiang, "commune");
    const hue = await chapter(db, "hue", central, "province");
    const school = await chapter(db, "phu-vang", hue, "commune"); // no addresses
    const [user] = await db.insert(users).values({ email: "donor@trao.test", name: "Chị Lan" }).returning();

    const a1 = await address(db, commune.id, "An Giang", "published", { raised: 300_000, disbursed: 50_000, gifts: 3 });
    const a2 = await address(db, hue.id, "Huế", "funded", { raised: 100_000, gifts: 2 });
    await address(db, angiang.id, "An Giang", "draft");
    await pledge(db, a1, { userId: user.id });
    await pledge(db, a1, { userId: user.id });
    await pledge(db, a1, { email: "Minh@Example.vn" });
    await pledge(db, a2, { email: "minh@example.vn" }); // the same guest, other letter case
    await pledge(db, a2, {}); // an anonymous guest without email: a donor of their own
    await pledge(db, a2, { email: "later@example.vn" }, "pending"); // not paid: no donor yet

    // A rollup of a province that no longer has addresses, and one of a campaign (not ours to touch).
    await db.insert(statsRollups).values([
      { scope: "province:Kiên Giang", raised: 5, computedAt: new Date("2025-06-30T00:00:00Z") },
      { scope: "campaign:1", raised: 7, computedAt: new Date("2025-06-30T00:00:00Z") },
    ]);
    ids = { central: central.id, angiang: angiang.id, commune: commune.id, hue: hue.id, school: school.id, a1 };
    await runRefreshJob();
  });

  it("sums the whole site: money, gifts, distinct donors, addresses helped and listed", async () => {
    expect(await rollup("site")).toMatchObject({ raised: 400_000, disbursed: 50_000, gifts: 5, donors: 3, addressesHelped: 2, addressesListed: 2 });
  });

  it("gives each province its own figures", async () => {
    expect(await rollup("province:An Giang")).toMatchObject({ raised: 300_000, disbursed: 50_000, gifts: 3, donors: 2, addressesHelped: 1, addressesListed: 1 });
    expect(await rollup("province:Huế")).toMatchObject({ raised: 100_000, gifts: 2, donors: 2, addressesHelped: 1, addressesListed: 1 });
  });

  it("counts every chapter's whole subtree, and shows zeros for a chapter with no addresses", async () => {
    expect(await rollup(`chapter:${ids.central}`)).toMatchObject({ raised: 400_000, donors: 3, addressesHelped: 2, addressesListed: 2 });
    expect(await rollup(`chapter:${ids.angiang}`)).toMatchObject({ raised: 300_000, donors: 2, addressesHelped: 1, addressesListed: 1 });
    expect(await rollup(`chapter:${ids.commune}`)).toMatchObject({ raised: 300_000, donors: 2 });
    expect(await rollup(`chapter:${ids.hue}`)).toMatchObject({ raised: 100_000, donors: 2 });
    expect(await rollup(`chapter:${ids.school}`)).toMatchObject({ raised: 0, disbursed: 0, gifts: 0, donors: 0, addressesHelped: 0, addressesListed: 0 });
  });

  it("drops figures of provinces that are gone and leaves campaign figures alone", async () => {
    expect(await rollup("province:Kiên Giang")).toBeUndefined();
    expect(await rollup("campaign:1")).toMatchObject({ raised: 7 });
  });

  it("updates the same rows on the next run", async () => {
    await t.db.execute(sql`update address_totals set raised = raised + 200000, gifts = gifts + 1 where address_id = ${ids.a1}`);
    await runRefreshJob();
    expect(await rollup("site")).toMatchObject({ raised: 600_000, gifts: 6 });
    expect(await rollup(`chapter:${ids.commune}`)).toMatchObject({ raised: 500_000 });
    const scopes = await t.db.select({ scope: statsRollups.scope }).from(statsRollups);
    expect(scopes.filter((s) => s.scope === "site")).toHaveLength(1);
  });
});
