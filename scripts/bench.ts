// `npm run bench`: the production build on PostgreSQL under load.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/trao_bench npm run bench -- [--duration 8] [--connections 16] [--cluster 2] [--encoding br|gzip|identity] [--only api]
//   npm run bench -- --compare .bench/<10k>.json .bench/<national>.json   (the README's side-by-side table)
// Builds if needed, starts the server itself (scripts/start.ts with WEB_CONCURRENCY node:cluster workers), runs a
// fixed set of pages with 16 keep-alive connections from a separate process, and prints
// requests/s, p50/p95/p99 and errors (any non-2xx counts as an error) as a Markdown table; the
// same numbers go to .bench/bench-<time>.json and .bench/latest.json.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { LoadResult } from "./lib/load-generator";
import { PROVINCES } from "../app/utils/provinces";
import { compareTable } from "./lib/bench-compare";
import { ensureBuild } from "./lib/build";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    duration: { type: "string", default: "8" },
    warmup: { type: "string", default: "3" },
    connections: { type: "string", default: "16" },
    cluster: { type: "string", default: String(os.availableParallelism()) },
    encoding: { type: "string", default: "br" },
    only: { type: "string" },
    compare: { type: "boolean", default: false },
    url: { type: "string" },
  },
});

if (!["br", "gzip", "identity"].includes(args.encoding!)) {
  process.stderr.write("--encoding must be br (what browsers send), gzip or identity\n");
  process.exit(2);
}

const GOAL_RPS = 200;
const GOAL_P95_MS = 100;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

async function waitHealthy(base: string, server: ChildProcess, timeoutMs = 180_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}) before it was healthy`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not become healthy in time");
}

function startServer(port: number, dataDir: string): ChildProcess {
  const workers = Math.max(1, Number(args.cluster));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    RUN_WORKER: "false",
    SESSION_SECRET: crypto.randomBytes(48).toString("base64url"),
    LEDGER_SIGNING_KEY: crypto.randomBytes(32).toString("base64"),
    ID_HASH_KEY: crypto.randomBytes(48).toString("base64url"),
    WEB_CONCURRENCY: String(workers),
  };
  return spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] });
}

function runLoad(url: string): Promise<LoadResult> {
  const config = {
    url,
    connections: Number(args.connections),
    durationMs: Number(args.duration) * 1000,
    warmupMs: Number(args.warmup) * 1000,
    encoding: args.encoding,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/lib/load-generator.ts"), JSON.stringify(config)], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`load generator exited ${code}`))));
  });
}

/**
 * The province and category with the most listed addresses: at 10,000 addresses a typical pair
 * has a handful, and a part-empty page is cheaper to render, which would flatter the small size.
 * Without DATABASE_URL (--url): Kiên Giang's fishermen.
 */
async function densestFilter(): Promise<{ query: string; label: string }> {
  const fallback = { query: "province=kien-giang&category=poor_fisherman", label: "Kiên Giang, poor_fisherman" };
  if (!process.env.DATABASE_URL || args.url) return fallback;
  const { default: postgres } = await import("postgres");
  const client = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    const [row] = await client<{ province: string; category: string }[]>`
      select province, category::text as category from addresses where status in ('published', 'funded')
      group by 1, 2 order by count(*) desc, 1, 2 limit 1`;
    const province = row && PROVINCES.find((p) => p.name === row.province);
    return province ? { query: `province=${province.slug}&category=${row.category}`, label: `${province.name}, ${row.category}` } : fallback;
  } finally {
    await client.end();
  }
}

async function getJson(url: string): Promise<any> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.json();
}

async function main() {
  if (args.compare) {
    if (positionals.length !== 2) {
      process.stderr.write("npm run bench -- --compare <10k report.json> <national report.json>\n");
      return 2;
    }
    process.stdout.write(`${compareTable(positionals[0], positionals[1])}\n`);
    return 0;
  }
  let base = args.url?.replace(/\/+$/, "");
  let server: ChildProcess | null = null;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "trao-bench-"));
  if (!base) {
    if (!process.env.DATABASE_URL) {
      process.stderr.write("npm run bench measures the production server on PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/trao_bench), or pass --url of a running server.\n");
      return 2;
    }
    ensureBuild();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = startServer(port, dataDir);
    await waitHealthy(base, server);
  }
  const stop = async () => {
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((r) => server!.once("exit", r));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  };
  process.once("SIGINT", () => void stop().then(() => process.exit(130)));

  try {
    // Discover a slug, a commune and the third page's cursor through the API.
    const page1 = await getJson(`${base}/api/v1/addresses`);
    const first = page1.data[0];
    if (!first) throw new Error("the catalogue is empty: load data first (npm run scale-data)");
    const page2 = await getJson(`${base}/api/v1/addresses?cursor=${page1.next_cursor}`);
    const cursor3 = page2.next_cursor as string;
    // The catalogue page shows 12 cards (the API 24): its own third page.
    const html1 = await getJson(`${base}/api/v1/addresses?limit=12`);
    const html2 = await getJson(`${base}/api/v1/addresses?limit=12&cursor=${html1.next_cursor}`);
    const htmlCursor3 = html2.next_cursor as string;
    const commune = String(first.commune).replace(/^(Phường|Xã|Đặc khu)\s+/i, "");
    const communeQ = encodeURIComponent(commune).replace(/%20/g, "+");
    const slug = first.slug as string;
    const filtered = await densestFilter();
    const pages: [string, string][] = [
      ["healthz (baseline)", "/healthz"],
      ["catalogue: default", "/addresses"],
      [`catalogue: province + category (${filtered.label})`, `/addresses?${filtered.query}`],
      ["catalogue: least funded", "/addresses?sort=least_funded"],
      ["catalogue: 3rd page by cursor", `/addresses?cursor=${htmlCursor3}`],
      ["search: ngu dan rach gia", "/addresses?q=ngu+dan+rach+gia"],
      [`search: commune (${commune})`, `/addresses?q=${communeQ}`],
      ["address page", `/addresses/${slug}`],
      ["api: list default", "/api/v1/addresses"],
      [`api: province + category (${filtered.label})`, `/api/v1/addresses?${filtered.query}`],
      ["api: least funded", "/api/v1/addresses?sort=least_funded"],
      ["api: 3rd page by cursor", `/api/v1/addresses?cursor=${cursor3}`],
      ["api: search ngu dan rach gia", "/api/v1/addresses?q=ngu+dan+rach+gia"],
      [`api: search commune (${commune})`, `/api/v1/addresses?q=${communeQ}`],
      ["api: one address", `/api/v1/addresses/${slug}`],
    ];
    const selected = args.only ? pages.filter(([name, p]) => name.includes(args.only!) || p.includes(args.only!)) : pages;

    process.stderr.write(
      `Benchmarking ${base} (${args.cluster} server process${args.cluster === "1" ? "" : "es"}, ${args.connections} connections, ` +
        `${args.duration} s per page after ${args.warmup} s warm-up, Accept-Encoding ${args.encoding}) on ${os.cpus().length} CPUs\n`,
    );
    const rows: (LoadResult & { name: string; path: string; goal: string })[] = [];
    for (const [name, p] of selected) {
      process.stderr.write(`  ${name} … `);
      const r = await runLoad(`${base}${p}`);
      const isPage = !p.startsWith("/healthz");
      const goal = !isPage ? "—" : r.errors > 0 ? "✗ errors" : r.rps >= GOAL_RPS && r.p95 <= GOAL_P95_MS ? "✓" : "✗ slow";
      rows.push({ ...r, name, path: p, goal });
      process.stderr.write(`${r.rps.toFixed(0)} req/s, p95 ${r.p95.toFixed(1)} ms${r.errors ? `, ${r.errors} errors (${Object.entries(r.statuses).map(([s, n]) => `${s}×${n}`).join(" ")})` : ""}\n`);
    }

    const table = [
      `| page | req/s | p50 ms | p95 ms | p99 ms | errors | goal (≥${GOAL_RPS} req/s, p95 ≤${GOAL_P95_MS} ms) |`,
      "|---|---:|---:|---:|---:|---:|---|",
      ...rows.map(
        (r) =>
          `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${
            r.errors ? `${r.errors} (${Object.entries(r.statuses).filter(([s]) => !s.startsWith("2")).map(([s, n]) => `${s === "0" ? "network" : s}×${n}`).join(", ")})` : 0
          } | ${r.goal} |`,
      ),
    ].join("\n");
    process.stdout.write(`\n${table}\n`);
    const errored = rows.filter((r) => r.errors > 0);
    if (errored.length) process.stdout.write(`\nNon-2xx answers count as errors: ${errored.map((r) => r.name).join(", ")}.\n`);

    const outDir = path.join(ROOT, ".bench");
    fs.mkdirSync(outDir, { recursive: true });
    const report = {
      at: new Date().toISOString(),
      base,
      cpus: os.cpus().length,
      cluster: Number(args.cluster),
      connections: Number(args.connections),
      durationS: Number(args.duration),
      encoding: args.encoding,
      goals: { rps: GOAL_RPS, p95Ms: GOAL_P95_MS },
      results: rows,
    };
    const file = path.join(outDir, `bench-${report.at.replace(/[:.]/g, "-")}.json`);
    fs.writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
    fs.writeFileSync(path.join(outDir, "latest.json"), JSON.stringify(report, null, 2) + "\n");
    process.stdout.write(`\nJSON: ${path.relative(ROOT, file)}\n`);
    return 0;
  } finally {
    await stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
