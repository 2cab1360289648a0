// A small closed-loop HTTP load generator, run in its own process by scripts/bench.ts so that it
// does not share an event loop with anything it measures. Input: JSON in argv[2]. Output: one
// JSON line on stdout.
//   { url, connections, durationMs, warmupMs, encoding }
// encoding "br" sends what browsers send ("gzip, deflate, br"); "gzip" or "identity" send only that.
import http from "node:http";
import { performance } from "node:perf_hooks";

interface Config {
  url: string;
  connections: number;
  durationMs: number;
  warmupMs: number;
  encoding: "br" | "gzip" | "identity";
}

export interface LoadResult {
  url: string;
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  bytes: number;
}

const config = JSON.parse(process.argv[2]) as Config;
const target = new URL(config.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: config.connections, maxFreeSockets: config.connections });
const headers = {
  accept: "text/html,application/json;q=0.9,*/*;q=0.8",
  "accept-encoding": config.encoding === "br" ? "gzip, deflate, br" : config.encoding,
  "user-agent": "trao-bench/1",
};

function request(): Promise<{ status: number; ms: number; bytes: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.request({ host: target.hostname, port: target.port, path: target.pathname + target.search, agent, headers }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, bytes }));
      res.on("error", () => resolve({ status: 0, ms: performance.now() - t0, bytes }));
    });
    req.on("error", () => resolve({ status: 0, ms: performance.now() - t0, bytes: 0 }));
    req.end();
  });
}

async function main() {
  const warmEnd = performance.now() + config.warmupMs;
  await Promise.all(
    Array.from({ length: config.connections }, async () => {
      while (performance.now() < warmEnd) await request();
    }),
  );
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let bytes = 0;
  const started = performance.now();
  const end = started + config.durationMs;
  await Promise.all(
    Array.from({ length: config.connections }, async () => {
      while (performance.now() < end) {
        const r = await request();
        latencies.push(r.ms);
        bytes += r.bytes;
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        if (r.status < 200 || r.status >= 300) errors += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : 0);
  const result: LoadResult = {
    url: config.url,
    requests: latencies.length,
    errors,
    statuses,
    rps: latencies.length / elapsed,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    max: latencies[latencies.length - 1] ?? 0,
    bytes,
  };
  process.stdout.write(JSON.stringify(result) + "\n");
  agent.destroy();
}

main().catch((error) => {
  process.stderr.write(`load generator failed: ${String(error)}\n`);
  process.exit(1);
});
