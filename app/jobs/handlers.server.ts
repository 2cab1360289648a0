import { refreshStats } from "../models/stats.server";
import type { JobHandler } from "./worker.server";

/** Every job kind the outbox worker knows, by kind. */
export const handlers: Record<string, JobHandler> = {
  "stats.refresh": async (_payload, { db }) => {
    await refreshStats(db);
  },
};
