import crypto from "node:crypto";
import os from "node:os";
import { sql } from "drizzle-orm";
import { execRows, type Db } from "../../db/client";
import { log } from "../utils/log.server";
import { enqueue } from "./outbox.server";

export interface JobContext {
  db: Db;
  jobId: number;
  attempt: number;
}
export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<void>;

/** A job kind enqueued once per window of `everyMs`, however many workers run. */
export interface Schedule {
  kind: string;
  everyMs: number;
}

export interface WorkerOptions {
  handlers: Record<string, JobHandler>;
  schedules?: Schedule[];
  /** Jobs claimed per round. */
  batch?: number;
  pollMs?: number;
  /** A running job whose lock is older than this is taken to be lost with its worker. */
  leaseMs?: number;
  id?: string;
}

interface ClaimedJob {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

/** 2^attempt seconds, capped at an hour, with ±20 % jitter so retries do not stampede. */
export function backoffMs(attempt: number): number {
  const base = Math.min(3_600_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/**
 * Claim due jobs with FOR UPDATE SKIP LOCKED: two workers never claim the same job. The claim
 * commits before the handler runs, so a slow handler holds no lock (PGlite runs one query at a time).
 */
export async function claimJobs(db: Db, workerId: string, batch: number, leaseMs: number): Promise<ClaimedJob[]> {
  // Give lost jobs back: their worker died while running them.
  await db.execute(sql`
    update jobs set status = 'pending', locked_at = null, locked_by = null, run_at = now()
    where status = 'running' and locked_at < now() - (${leaseMs} * interval '1 millisecond')`);
  const rows = await execRows<ClaimedJob & { id: string | number }>(
    db,
    sql`
      update jobs set status = 'running', locked_at = now(), locked_by = ${workerId}, attempts = attempts + 1
      where id in (
        select id from jobs
        where status = 'pending' and run_at <= now()
        order by run_at, id
        for update skip locked
        limit ${batch}
      )
      returning id, kind, payload, attempts, max_attempts`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

async function finish(db: Db, job: ClaimedJob, workerId: string, error?: unknown) {
  if (!error) {
    await db.execute(sql`update jobs set status = 'done', finished_at = now(), last_error = null, locked_at = null
      where id = ${job.id} and locked_by = ${workerId} and status = 'running'`);
    return;
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (job.attempts >= job.max_attempts) {
    await db.execute(sql`update jobs set status = 'dead', finished_at = now(), last_error = ${message}, locked_at = null
      where id = ${job.id} and locked_by = ${workerId} and status = 'running'`);
    log.error("job dead", { jobId: job.id, kind: job.kind, attempts: job.attempts, error: message });
  } else {
    const delay = backoffMs(job.attempts);
    await db.execute(sql`update jobs set status = 'pending', run_at = now() + (${delay} * interval '1 millisecond'),
      last_error = ${message}, locked_at = null, locked_by = null
      where id = ${job.id} and locked_by = ${workerId} and status = 'running'`);
    log.warn("job failed, will retry", { jobId: job.id, kind: job.kind, attempts: job.attempts, retryInMs: delay, error: message });
  }
}

/** Enqueue each schedule's job for the current window; the dedupe key makes it once per window. */
export async function enqueueScheduled(db: Db, schedules: Schedule[], now = Date.now()): Promise<void> {
  for (const s of schedules) {
    const window = Math.floor(now / s.everyMs);
    await enqueue(db, s.kind, { window }, { dedupeKey: `schedule:${s.kind}:${window}`, maxAttempts: 3 });
  }
}

/** Claim and run one batch; returns how many jobs ran. */
export async function runOnce(db: Db, options: WorkerOptions & { id: string }): Promise<number> {
  const claimed = await claimJobs(db, options.id, options.batch ?? 10, options.leaseMs ?? 5 * 60_000);
  for (const job of claimed) {
    const handler = options.handlers[job.kind];
    try {
      if (!handler) throw new Error(`No handler for job kind "${job.kind}"`);
      await handler(job.payload ?? {}, { db, jobId: job.id, attempt: job.attempts });
      await finish(db, job, options.id);
    } catch (error) {
      await finish(db, job, options.id, error);
    }
  }
  return claimed.length;
}

export interface RunningWorker {
  id: string;
  stop(): Promise<void>;
  /** Run until no job is due (tests, scripts). */
  drain(): Promise<number>;
}

/** Poll for jobs until stopped. */
export function startWorker(db: Db, options: WorkerOptions): RunningWorker {
  const id = options.id ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;
  const opts = { ...options, id };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();
  let lastScheduleCheck = 0;
  const loop = async () => {
    if (stopped) return;
    let ran = 0;
    try {
      if (options.schedules?.length && Date.now() - lastScheduleCheck >= 30_000) {
        lastScheduleCheck = Date.now();
        await enqueueScheduled(db, options.schedules);
      }
      ran = await runOnce(db, opts);
    } catch (error) {
      log.error("worker round failed", { error: String(error) });
    }
    if (!stopped) timer = setTimeout(() => (current = loop()), ran > 0 ? 0 : (options.pollMs ?? 1000));
  };
  timer = setTimeout(() => (current = loop()), 0);
  return {
    id,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
    async drain() {
      let total = 0;
      for (;;) {
        const n = await runOnce(db, opts);
        total += n;
        if (n === 0) return total;
      }
    },
  };
}
