import { handlers, schedules } from "../app/jobs/handlers.server";
import { startWorker } from "../app/jobs/worker.server";
import { connect, disconnect } from "../app/utils/db.server";
import { EnvError, getEnv, type Env } from "../app/utils/env.server";
import { log, setLogLevel } from "../app/utils/log.server";
import { DatabaseLockedError } from "../db/client";

// `npm run worker`: drains the outbox in its own process (PostgreSQL deployments).

let env: Env;
try {
  env = getEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
setLogLevel(env.LOG_LEVEL);

const database = await connect(env).catch((error: unknown) => {
  if (error instanceof DatabaseLockedError) {
    process.stderr.write(
      `${error.message}\n\nWith the embedded database the worker runs inside the server (npm start, RUN_WORKER=auto) ` +
        `and needs no separate process. To run workers separately, use PostgreSQL (set DATABASE_URL).\n`,
    );
    process.exit(1);
  }
  throw error;
});
if (env.embedded) log.warn("worker on the embedded database: the server cannot start while it runs", { location: database.location });

const worker = startWorker(database.db, { handlers, schedules });
log.info("worker started", { workerId: worker.id, database: database.kind });

let stopping = false;
const stop = async (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  log.info("worker stopping", { signal });
  setTimeout(() => process.exit(1), 10_000).unref();
  await worker.stop();
  await disconnect();
  process.exit(0);
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
