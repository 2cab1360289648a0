import { sql } from "drizzle-orm";
import { refreshStats } from "../models/stats.server";
import type { Schedule } from "./worker.server";
import type { JobHandler } from "./worker.server";

/** Every job kind the outbox worker knows, by kind. */
export const handlers: Record<string, JobHandler> = {
  "stats.refresh": async (_payload, { db }) => {
    await refreshStats(db);
  },
  // Finished jobs are kept a week for inspection, dead ones a month.
  "jobs.prune": async (_payload, { db }) => {
    await db.execute(sql`delete from jobs where (status = 'done' and finished_at < now() - interval '7 days')
      or (status = 'dead' and finished_at < now() - interval '30 days')`);
  },
};

/** Recurring work: enqueued once per window by whichever worker gets there first. */
export const schedules: Schedule[] = [
  { kind: "stats.refresh", everyMs: 5 * 60_000 },
  { kind: "jobs.prune", everyMs: 24 * 60 * 60_000 },
];
