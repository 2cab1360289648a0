import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { jobs } from "../../db/schema";

export interface EnqueueOptions {
  /** Run no earlier than this. */
  runAt?: Date;
  maxAttempts?: number;
  /** A second job with the same key is ignored (e.g. one receipt per pledge). */
  dedupeKey?: string;
}

/**
 * Insert a job in the caller's transaction: it exists exactly when the change that causes it
 * commits, and the worker sees it only after that commit.
 */
export async function enqueue(tx: DbOrTx, kind: string, payload: Record<string, unknown> = {}, options: EnqueueOptions = {}): Promise<number | null> {
  const [row] = await tx
    .insert(jobs)
    .values({
      kind,
      payload,
      runAt: options.runAt ?? sql`now()`,
      maxAttempts: options.maxAttempts ?? 8,
      dedupeKey: options.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  return row?.id ?? null;
}
