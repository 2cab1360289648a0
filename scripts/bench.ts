// `npm run bench`: the production build on PostgreSQL under load.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/trao_bench npm run bench -- [--duration 8] [--connections 16] [--cluster 2] [--encoding br|gzip|identity] [--only api]
//   DATABASE_URL=…/trao_bench npm run bench -- --small postgres://postgres@127.0.0.1:5432/trao_scale10k
//     (the README's table: both sizes, interleaved page by page, with the ratio national/10k)
//   npm run bench -- --compare .bench/<10k>.json .bench/<national>.json   (that table from two reports)
// Builds if needed, starts the server itself (scripts/start.ts with WEB_CONCURRENCY node:cluster
// workers), runs a fixed set of pages with 16 keep-alive connections from a separate process, and
// prints requests/s, p50/p95/p99 and errors (any non-2xx counts as an error) as a Markdown table;
// the same numbers go to .bench/bench-<time>.json and .bench/latest.json.
// With --small, a second server on the small database runs too, and every page is measured
// small, national, national, small (--rounds 2): a 2-core box drifts by ±10 % over minutes, and
// the ratio must compare like with like. Each size's numbers are the mean of its runs.
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
import { runMain } from "./lib/run-main";

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
    small: { type: "string" },
    rounds: { type: "string", default: "2" },
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

function startServer(port: number, dataDir: string, databaseUrl: string): ChildProcess {
  const workers = Math.max(1, Number(args.cluster));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
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
async function densestFilter(databaseUrl: string | undefined): Promise<{ query: string; label: string }> {
  const fallback = { query: "province=kien-giang&category=poor_fisherman", label: "Kiên Giang, poor_fisherman" };
  if (!databaseUrl) return fallback;
  const { default: postgres } = await import("postgres");
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
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

type Row = LoadResult & { name: string; path: string; goal: string };

interface Target {
  label: string;
  base: string;
  databaseUrl?: string;
  server: ChildProcess | null;
  dataDir: string;
}

/** The fixed query set, with a slug, a commune, cursors and a filter found in this target's data. */
async function discoverPages(target: Target): Promise<[string, string][]> {
  const { base } = target;
  const page1 = await getJson(`${base}/api/v1/addresses`);
  const first = page1.data[0];
  if (!first) throw new Error(`${target.label}: the catalogue is empty: load data first (npm run scale-data)`);
  const page2 = await getJson(`${base}/api/v1/addresses?cursor=${page1.next_cursor}`);
  const cursor3 = page2.next_cursor as string;
  // The catalogue page shows 12 cards (the API 24): its own third page.
  const html1 = await getJson(`${base}/api/v1/addresses?limit=12`);
  const html2 = await getJson(`${base}/api/v1/addresses?limit=12&cursor=${html1.next_cursor}`);
  const htmlCursor3 = html2.next_cursor as string;
  const commune = String(first.commune).replace(/^(Phường|Xã|Đặc khu)\s+/i, "");
  const communeQ = encodeURIComponent(commune).replace(/%20/g, "+");
  const slug = first.slug as string;
  const filtered = await densestFilter(target.databaseUrl);
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
    // 12 a page, as the catalogue page: at 10k even the densest pair has fewer than the API's 24.
    [`api: province + category (${filtered.label}; 12 a page)`, `/api/v1/addresses?${filtered.query}&limit=12`],
    ["api: least funded", "/api/v1/addresses?sort=least_funded"],
    ["api: 3rd page by cursor", `/api/v1/addresses?cursor=${cursor3}`],
    ["api: search ngu dan rach gia", "/api/v1/addresses?q=ngu+dan+rach+gia"],
    [`api: search commune (${commune})`, `/api/v1/addresses?q=${communeQ}`],
    ["api: one address", `/api/v1/addresses/${slug}`],
  ];
  return args.only ? pages.filter(([name, p]) => name.includes(args.only!) || p.includes(args.only!)) : pages;
}

async function startTarget(label: string, databaseUrl: string): Promise<Target> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "trao-bench-"));
  const base = `http://127.0.0.1:${port}`;
  const server = startServer(port, dataDir, databaseUrl);
  await waitHealthy(base, server);
  return { label, base, databaseUrl, server, dataDir };
}

async function stopTarget(target: Target) {
  const { server } = target;
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once("exit", r));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  }
  fs.rmSync(target.dataDir, { recursive: true, force: true });
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Several runs of one page as one row: requests and errors summed, rates and percentiles averaged. */
function combine(name: string, p: string, runs: LoadResult[]): Row {
  const statuses: Record<string, number> = {};
  for (const r of runs) for (const [k, n] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + n;
  const r: LoadResult = {
    url: runs[0].url,
    requests: runs.reduce((a, x) => a + x.requests, 0),
    errors: runs.reduce((a, x) => a + x.errors, 0),
    statuses,
    rps: mean(runs.map((x) => x.rps)),
    p50: mean(runs.map((x) => x.p50)),
    p95: mean(runs.map((x) => x.p95)),
    p99: mean(runs.map((x) => x.p99)),
    max: Math.max(...runs.map((x) => x.max)),
    bytes: runs.reduce((a, x) => a + x.bytes, 0),
  };
  const isPage = !p.startsWith("/healthz");
  const goal = !isPage ? "—" : r.errors > 0 ? "✗ errors" : r.rps >= GOAL_RPS && r.p95 <= GOAL_P95_MS ? "✓" : "✗ slow";
  return { ...r, name, path: p, goal };
}

function table(rows: Row[]): string {
  return [
    `| page | req/s | p50 ms | p95 ms | p99 ms | errors | goal (≥${GOAL_RPS} req/s, p95 ≤${GOAL_P95_MS} ms) |`,
    "|---|---:|---:|---:|---:|---:|---|",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${
          r.errors ? `${r.errors} (${Object.entries(r.statuses).filter(([s]) => !s.startsWith("2")).map(([s, n]) => `${s === "0" ? "network" : s}×${n}`).join(", ")})` : 0
        } | ${r.goal} |`,
    ),
  ].join("\n");
}

function writeReport(target: Target, rows: Row[], suffix = ""): string {
  const outDir = path.join(ROOT, ".bench");
  fs.mkdirSync(outDir, { recursive: true });
  const report = {
    at: new Date().toISOString(),
    base: target.base,
    database: target.databaseUrl ? new URL(target.databaseUrl).pathname.slice(1) : null,
    cpus: os.cpus().length,
    cluster: Number(args.cluster),
    connections: Number(args.connections),
    durationS: Number(args.duration),
    rounds: args.small ? Number(args.rounds) : 1,
    encoding: args.encoding,
    goals: { rps: GOAL_RPS, p95Ms: GOAL_P95_MS },
    results: rows,
  };
  const file = path.join(outDir, `bench-${report.at.replace(/[:.]/g, "-")}${suffix}.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
  fs.writeFileSync(path.join(outDir, "latest.json"), JSON.stringify(report, null, 2) + "\n");
  return file;
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
  const rounds = Number(args.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) {
    process.stderr.write("--rounds must be a whole number ≥ 1\n");
    return 2;
  }
  const targets: Target[] = [];
  const stopAll = () => Promise.all(targets.map(stopTarget));
  process.once("SIGINT", () => void stopAll().then(() => process.exit(130)));
  try {
    if (args.url) {
      targets.push({ label: "national", base: args.url.replace(/\/+$/, ""), server: null, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), "trao-bench-")) });
    } else {
      if (!process.env.DATABASE_URL) {
        process.stderr.write("npm run bench measures the production server on PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/trao_bench), or pass --url of a running server.\n");
        return 2;
      }
      if (args.small) targets.push(await startTarget("10k", args.small));
      targets.push(await startTarget("national", process.env.DATABASE_URL));
    }
    const pages = await Promise.all(targets.map(discoverPages));
    process.stderr.write(
      `Benchmarking ${targets.map((t) => `${t.label} ${t.base}`).join(" and ")} (${args.cluster} server process${args.cluster === "1" ? "" : "es"} each, ` +
        `${args.connections} connections, ${args.duration} s per page after ${args.warmup} s warm-up${targets.length > 1 ? `, ${rounds} round(s) interleaved` : ""}, ` +
        `Accept-Encoding ${args.encoding}) on ${os.cpus().length} CPUs\n`,
    );
    const rows: Row[][] = targets.map(() => []);
    for (let i = 0; i < pages[0].length; i++) {
      const runs: LoadResult[][] = targets.map(() => []);
      // ABBA: small, national, national, small, … so that a drift of the machine hits both alike.
      const order = targets.length === 1 ? Array.from({ length: 1 }, () => 0) : Array.from({ length: rounds * 2 }, (_, k) => (k % 4 === 0 || k % 4 === 3 ? 0 : 1));
      for (const t of order) {
        const [name, p] = pages[t][i];
        process.stderr.write(`  ${targets[t].label}: ${name} … `);
        const r = await runLoad(`${targets[t].base}${p}`);
        runs[t].push(r);
        process.stderr.write(`${r.rps.toFixed(0)} req/s, p95 ${r.p95.toFixed(1)} ms${r.errors ? `, ${r.errors} errors (${Object.entries(r.statuses).map(([s, n]) => `${s}×${n}`).join(" ")})` : ""}\n`);
      }
      targets.forEach((_, t) => rows[t].push(combine(pages[t][i][0], pages[t][i][1], runs[t])));
    }
    const files = targets.map((t, k) => writeReport(t, rows[k], targets.length > 1 ? `-${t.label}` : ""));
    targets.forEach((t, k) => process.stdout.write(`\n${targets.length > 1 ? `${t.label}:\n` : ""}${table(rows[k])}\n`));
    const errored = rows.flat().filter((r) => r.errors > 0);
    if (errored.length) process.stdout.write(`\nNon-2xx answers count as errors: ${errored.map((r) => r.name).join(", ")}.\n`);
    if (files.length === 2) process.stdout.write(`\nnational / 10k:\n${compareTable(files[0], files[1])}\n`);
    process.stdout.write(`\nJSON: ${files.map((f) => path.relative(ROOT, f)).join(", ")}\n`);
    return 0;
  } finally {
    await stopAll();
  }
}

runMain("bench failed", main);
