// The catalogue's data layer on its own: runs each model call N times against DATABASE_URL and
// prints p50/p95 in ms. `--explain` also prints EXPLAIN (ANALYZE, BUFFERS) of every SQL statement
// the calls send (once each), to find slow plans.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/trao_bench npx tsx scripts/bench-queries.ts [--n 50] [--explain]
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql, type SQL } from "drizzle-orm";
import { execRows, openDatabase, type Db } from "../db/client";
import { getPublicAddress, listAddresses, listFilterOptions, parseCatalogueQuery } from "../app/models/catalogue.server";
import { runMain } from "./lib/run-main";

const { values: args } = parseArgs({
  options: {
    n: { type: "string", default: "50" },
    explain: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});
const N = Math.max(1, Number(args.n));

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A db whose execute() first prints the plan of the statement, then runs it for real. */
function explaining(db: Db): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== "execute") return Reflect.get(target, prop, receiver);
      return async (query: SQL) => {
        const plan = await execRows<{ "QUERY PLAN": string }>(target, sql`explain (analyze, buffers, costs off) ${query}`);
        process.stdout.write(plan.map((r) => `    ${r["QUERY PLAN"]}`).join("\n") + "\n\n");
        return target.execute(query);
      };
    },
  });
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write("Set DATABASE_URL to the database to measure (e.g. postgres://postgres@127.0.0.1:5432/trao_bench).\n");
    return 2;
  }
  const database = await openDatabase({ databaseUrl: url, poolMax: 2 });
  const db = database.db;
  try {
    const [{ n }] = await execRows<{ n: string }>(db, sql`select count(*)::text as n from addresses`);
    const list = (qs: string) => listAddresses(db, parseCatalogueQuery(new URLSearchParams(qs)));
    // Cursors for the third page of two sorts, and a busy listed address.
    const page3 = async (qs: string) => {
      const p1 = await list(qs);
      const p2 = await list(`${qs}&cursor=${p1.nextCursor}`);
      return `${qs}&cursor=${p2.nextCursor}`;
    };
    const urgent3 = await page3("");
    const least3 = await page3("sort=least_funded");
    const [busy] = await execRows<{ slug: string }>(
      db,
      sql`select a.slug from address_totals t join addresses a on a.id = t.address_id
          where t.address_status = 'published' order by t.gifts desc limit 1`,
    );
    const [commune] = await execRows<{ commune: string }>(db, sql`select commune from addresses where status = 'published' limit 1`);
    const communeWords = commune.commune.replace(/^(Phường|Xã|Đặc khu)\s+/i, "");

    const cases: [string, (d: Db) => Promise<unknown>][] = [
      ["list: default (urgent)", (d) => listAddresses(d, parseCatalogueQuery(new URLSearchParams("")))],
      ["list: province + category", (d) => listAddresses(d, parseCatalogueQuery(new URLSearchParams("province=kien-giang&category=poor_fisherman")))],
      ["list: province (current)", (d) => listAddresses(d, parseCatalogueQuery(new URLSearchParams("province=Hà Nội")))],
      ["list: newest", (d) => listAddresses(d, parseCatalogueQuery(new URLSearchParams("sort=newest")))],
      ["list: least funded", (d) => listAddresses(d, parseCatalogueQuery(new URLSearchParams("sort=least_funded")))],
      ["list: nearly funded", (d) => listAddresses(d, parseCatalogueQuery(new URLSearchParams("sort=nearly_funded")))],
      ["list: least funded + province", (d) => listAddresses(d, parseCatalogueQuery(new URLSearchParams("sort=least_funded&province=an-giang")))],
      ["list: status completed", (d) => listAddresses(d, parseCatalogueQuery(new URLSearchParams("status=completed")))],
      ["list: programme", (d) => listAddresses(d, parseCatalogueQuery(new URLSearchParams("programme=scale-nang-buoc-em-den-truong")))],
      ["list: campaign", (d) => listAddresses(d, parseCatalogueQuery(new URLSearchParams("campaign=scale-tet-nhan-ai-2027")))],
      ["list: 3rd page by cursor", (d) => listAddresses(d, parseCatalogueQuery(new URLSearchParams(urgent3)))],
      ["list: 3rd page, least funded", (d) => listAddresses(d, parseCatalogueQuery(new URLSearchParams(least3)))],
      ["search: ngu dan rach gia", (d) => listAddresses(d, parseCatalogueQuery(new URLSearchParams("q=ngu dan rach gia")))],
      [`search: commune "${communeWords}"`, (d) => listAddresses(d, parseCatalogueQuery(new URLSearchParams(`q=${communeWords}`)))],
      ["search: Kien Giang", (d) => listAddresses(d, parseCatalogueQuery(new URLSearchParams("q=Kien Giang")))],
      ["search: broad word (gia dinh)", (d) => listAddresses(d, parseCatalogueQuery(new URLSearchParams("q=gia dinh")))],
      ["address page data", (d) => getPublicAddress(d, busy.slug)],
      ["filter options", (d) => listFilterOptions(d)],
    ];

    const results: { name: string; p50: number; p95: number; max: number }[] = [];
    process.stdout.write(`bench-queries on ${database.location}: ${Number(n).toLocaleString("en-US")} addresses, ${N} runs each (after 3 warm-up runs)\n\n`);
    for (const [name, run] of cases) {
      if (args.explain) {
        process.stdout.write(`── ${name}\n`);
        await run(explaining(db));
      }
      for (let i = 0; i < 3; i++) await run(db);
      const times: number[] = [];
      for (let i = 0; i < N; i++) {
        const t0 = performance.now();
        await run(db);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      results.push({ name, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] });
    }
    const w = Math.max(...results.map((r) => r.name.length));
    process.stdout.write(`| ${"query".padEnd(w)} | p50 ms | p95 ms | max ms |\n|${"-".repeat(w + 2)}|-------:|-------:|-------:|\n`);
    for (const r of results) process.stdout.write(`| ${r.name.padEnd(w)} | ${r.p50.toFixed(1).padStart(6)} | ${r.p95.toFixed(1).padStart(6)} | ${r.max.toFixed(1).padStart(6)} |\n`);
    if (args.json) process.stdout.write(JSON.stringify({ addresses: Number(n), runs: N, results }) + "\n");
    return 0;
  } finally {
    await database.close();
  }
}

runMain("bench-queries failed", main);
