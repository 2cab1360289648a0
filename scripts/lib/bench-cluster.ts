// `node --import tsx scripts/lib/bench-cluster.ts` with BENCH_WORKERS=n: the production server
// (scripts/start.ts's runServer) in n node:cluster workers sharing one port. The build must exist.
import cluster from "node:cluster";

const workers = Math.max(1, Number(process.env.BENCH_WORKERS ?? 2));

if (cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  let stopping = false;
  cluster.on("exit", (worker, code) => {
    if (!stopping) {
      process.stderr.write(`server worker ${worker.process.pid} exited (${code}); stopping\n`);
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM");
      process.exitCode = 1;
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM");
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  const { runServer } = await import("../../server");
  runServer();
}
