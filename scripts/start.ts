import cluster from "node:cluster";
import { ensureBuild } from "./lib/build";

// `npm start`: build the Remix app when the build is missing or older than its sources, then serve
// it from node:cluster workers. This process only supervises: it gives the workers their V8 flags
// and passes SIGTERM/SIGINT on. On PostgreSQL, WEB_CONCURRENCY=n runs n workers sharing the port
// (one per core is the usual choice); the embedded database allows one process, so one worker.

/**
 * A larger young generation: a page render allocates a few MB of short-lived objects, and with
 * V8's default 16 MB semi-space the scavenger ran often enough to cost about a tenth of the CPU.
 */
const WORKER_NODE_FLAGS = ["--max-semi-space-size=32"];

process.env.NODE_ENV ??= "production";

function concurrency(): number {
  const raw = process.env.WEB_CONCURRENCY?.trim();
  if (!raw) return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    process.stderr.write(`WEB_CONCURRENCY must be a whole number from 1 to 64 (it is "${raw}")\n`);
    process.exit(1);
  }
  if (n > 1 && !process.env.DATABASE_URL) {
    process.stderr.write("WEB_CONCURRENCY is ignored with the embedded database (one process per data directory)\n");
    return 1;
  }
  return n;
}

if (cluster.isPrimary) {
  const workers = concurrency();
  try {
    ensureBuild((msg) => process.stdout.write(msg));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  // A worker that dies stops the others (the service supervisor restarts the whole service).
  let stopping = false;
  const stopAll = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
  };
  cluster.on("exit", (worker, code, signal) => {
    // A worker that failed to shut down cleanly (or died) makes the service exit non-zero.
    if (code) process.exitCode ||= code;
    if (!stopping) {
      process.stderr.write(`server worker ${worker.process.pid} exited (${code ?? signal})${workers > 1 ? "; stopping the others" : ""}\n`);
      process.exitCode ||= 1;
      stopAll();
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
  });
  process.on("SIGTERM", stopAll);
  process.on("SIGINT", stopAll);
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...WORKER_NODE_FLAGS] });
  for (let i = 0; i < workers; i++) cluster.fork();
} else {
  // Imported only now: the server reads NODE_ENV when it loads its configuration.
  const { runServer } = await import("../server");
  runServer();
}
