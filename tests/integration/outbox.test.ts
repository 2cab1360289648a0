import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { jobs } from "../../db/schema";
import { enqueue } from "../../app/jobs/outbox.server";
import { enqueueScheduled, runOnce, startWorker, type JobHandler } from "../../app/jobs/worker.server";
import { createTestDatabase, onPostgres, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.cleanup());

describe("the job outbox", () => {
  it("leaves no job behind when the transaction that caused it rolls back", async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await enqueue(tx, "receipt.email", { pledgeId: 1 });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await t.db.select().from(jobs).where(eq(jobs.kind, "receipt.email"))).toHaveLength(0);
  });

  it("runs a committed job once and marks it done", async () => {
    const seen: unknown[] = [];
    const id = await t.db.transaction((tx) => enqueue(tx, "test.once", { n: 1 }));
    const worker = startWorker(t.db, { handlers: { "test.once": async (p) => void seen.push(p) }, pollMs: 50 });
    await worker.drain();
    await worker.stop();
    expect(seen).toEqual([{ n: 1 }]);
    const [row] = await t.db.select().from(jobs).where(eq(jobs.id, id!));
    expect(row.status).toBe("done");
    expect(row.attempts).toBe(1);
  });

  it("ignores a second job with the same dedupe key", async () => {
    const a = await enqueue(t.db, "test.dedupe", {}, { dedupeKey: "receipt:42" });
    const b = await enqueue(t.db, "test.dedupe", {}, { dedupeKey: "receipt:42" });
    expect(a).not.toBeNull();
    expect(b).toBeNull();
  });

  it("retries a failing job later with backoff, then marks it dead after its last try", async () => {
    await t.db.execute(sql`delete from jobs where status <> 'done'`);
    const id = await enqueue(t.db, "test.flaky", {}, { maxAttempts: 2 });
    const failing: JobHandler = async () => {
      throw new Error("SMTP unreachable");
    };
    const opts = { handlers: { "test.flaky": failing }, id: "w-test" };
    expect(await runOnce(t.db, opts)).toBe(1);
    let [row] = await t.db.select().from(jobs).where(eq(jobs.id, id!));
    expect(row.status).toBe("pending");
    expect(row.lastError).toMatch(/SMTP unreachable/);
    expect(row.runAt.getTime()).toBeGreaterThan(Date.now());
    // Not due yet: nothing is claimed.
    expect(await runOnce(t.db, opts)).toBe(0);
    await t.db.execute(sql`update jobs set run_at = now() where id = ${id}`);
    expect(await runOnce(t.db, opts)).toBe(1);
    [row] = await t.db.select().from(jobs).where(eq(jobs.id, id!));
    expect(row.status).toBe("dead");
    expect(row.attempts).toBe(2);
  });

  it("enqueues recurring work once per window, however many workers try", async () => {
    const schedules = [{ kind: "test.every5min", everyMs: 5 * 60_000 }];
    const t0 = Date.UTC(2026, 10, 26, 4, 0, 0);
    await enqueueScheduled(t.db, schedules, t0);
    await enqueueScheduled(t.db, schedules, t0 + 60_000);
    expect(await t.db.select().from(jobs).where(eq(jobs.kind, "test.every5min"))).toHaveLength(1);
    await enqueueScheduled(t.db, schedules, t0 + 5 * 60_000);
    expect(await t.db.select().from(jobs).where(eq(jobs.kind, "test.every5min"))).toHaveLength(2);
  });

  it("gives a job back when its worker died while running it", async () => {
    const id = await enqueue(t.db, "test.lost", {});
    await t.db.execute(sql`update jobs set status = 'running', locked_by = 'dead-worker', locked_at = now() - interval '1 hour', attempts = 1 where id = ${id}`);
    const seen: number[] = [];
    await runOnce(t.db, { handlers: { "test.lost": async (_p, ctx) => void seen.push(ctx.jobId) }, id: "w-new", leaseMs: 60_000 });
    expect(seen).toEqual([id]);
  });
});

describe.runIf(onPostgres)("the job outbox on PostgreSQL", () => {
  it("runs each committed job exactly once with two workers racing", async () => {
    const N = 300;
    await t.db.execute(sql`delete from jobs`);
    await t.db.transaction(async (tx) => {
      for (let i = 0; i < N; i++) await enqueue(tx, "test.race", { i });
    });
    // A second pool: a second instance of the app, racing for the same rows.
    const other = await openDatabase({ databaseUrl: t.url!, migrate: false, poolMax: 4 });
    const runs = new Map<number, string[]>();
    const handler =
      (who: string): JobHandler =>
      async (payload) => {
        const i = payload.i as number;
        runs.set(i, [...(runs.get(i) ?? []), who]);
        await new Promise((r) => setTimeout(r, Math.random() * 3));
      };
    const a = startWorker(t.db, { handlers: { "test.race": handler("a") }, batch: 7, pollMs: 10, id: "a" });
    const b = startWorker(other.db, { handlers: { "test.race": handler("b") }, batch: 7, pollMs: 10, id: "b" });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [{ n }] = (await t.db.execute(sql`select count(*)::int as n from jobs where kind = 'test.race' and status = 'done'`)) as unknown as { n: number }[];
      if (n === N || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await Promise.all([a.stop(), b.stop()]);
    await other.close();
    expect(runs.size).toBe(N);
    expect([...runs.values()].filter((who) => who.length !== 1)).toEqual([]);
    const byWorker = [...runs.values()].flat();
    // Both really raced: each claimed part of the work.
    expect(byWorker.filter((w) => w === "a").length).toBeGreaterThan(0);
    expect(byWorker.filter((w) => w === "b").length).toBeGreaterThan(0);
  });

  it("migrates once when several instances start at the same time", async () => {
    const opened = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: t.url!, poolMax: 2 })));
    for (const d of opened) expect(await d.ping()).toBe(true);
    await Promise.all(opened.map((d) => d.close()));
  });
});
