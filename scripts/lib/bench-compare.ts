// The README's table: two `npm run bench` reports (10k addresses, national size) side by side,
// with the ratio of national to 10k requests/s per page.
//   npm run bench -- --compare .bench/<10k>.json .bench/<national>.json
import fs from "node:fs";
import type { LoadResult } from "./load-generator";

interface Report {
  at: string;
  cluster: number;
  connections: number;
  durationS: number;
  goals: { rps: number; p95Ms: number };
  results: (LoadResult & { name: string; path: string })[];
}

function read(file: string): Report {
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as Report;
  if (!Array.isArray(report.results)) throw new Error(`${file} is not a benchmark report`);
  return report;
}

const RATIO_GOAL = 0.9;

/** Pages are matched by name, with the commune in a commune search left out (it differs by data). */
const key = (name: string) => name.replace(/\s*\(.*\)$/, "");

export function compareTable(smallFile: string, nationalFile: string): string {
  const small = read(smallFile);
  const national = read(nationalFile);
  const bySmall = new Map(small.results.map((r) => [key(r.name), r]));
  const { rps: goalRps, p95Ms: goalP95 } = national.goals;
  const lines = [
    `| page | 10k req/s | 10k p95 ms | national req/s | national p50 ms | national p95 ms | national p99 ms | national/10k | goal (≥${goalRps} req/s, p95 ≤${goalP95} ms, ratio ≥${RATIO_GOAL} but search) |`,
    "|---|---:|---:|---:|---:|---:|---:|---:|---|",
  ];
  for (const r of national.results) {
    const s = bySmall.get(key(r.name));
    const baseline = r.path.startsWith("/healthz");
    const ratio = s ? r.rps / s.rps : null;
    // The ratio goal (≥ 0.9) holds for every page but search, whose matches grow with the data.
    const flat = r.name.includes("search") || ratio === null || ratio >= RATIO_GOAL;
    const goal = baseline ? "—" : r.errors > 0 ? "✗ errors" : r.rps < goalRps || r.p95 > goalP95 ? "✗ slow" : flat ? "✓" : "✗ ratio";
    lines.push(
      `| ${r.name} | ${s ? s.rps.toFixed(0) : "—"} | ${s ? s.p95.toFixed(1) : "—"} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${
        ratio === null ? "—" : ratio.toFixed(2)
      } | ${goal} |`,
    );
  }
  return lines.join("\n");
}
