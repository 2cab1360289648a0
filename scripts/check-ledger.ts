// Re-checks every ledger invariant on the configured database (DATABASE_URL, else the embedded
// one in DATA_DIR). Exits 1 on any breach, 2 when it cannot run.
import { sql } from "drizzle-orm";
import { execRows } from "../db/client";
import { checkLedger } from "../app/ledger/invariants.server";
import { connect, disconnect } from "../app/utils/db.server";
import { getEnv } from "../app/utils/env.server";
import { setLogLevel } from "../app/utils/log.server";
import { runMain } from "./lib/run-main";

async function main() {
  const env = getEnv();
  setLogLevel("warn");
  const database = await connect(env);
  const started = Date.now();
  const [counts] = await execRows<{ groups: string; lines: string; addresses: string }>(
    database.db,
    sql`select (select count(*) from ledger_groups)::text as groups, (select count(*) from ledger_lines)::text as lines,
               (select count(*) from address_totals)::text as addresses`,
  );
  const breaches = await checkLedger(database.db);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`check-ledger on ${database.kind} (${database.location}): ${counts.groups} groups, ${counts.lines} lines, ${counts.addresses} address totals, ${seconds} s`);
  await disconnect();
  if (breaches.length === 0) {
    console.log("check-ledger: every invariant holds");
    return 0;
  }
  for (const b of breaches) console.error(`BREACH ${b.rule}: ${b.detail}`);
  console.error(`check-ledger: ${breaches.length} breach(es)`);
  return 1;
}

runMain("check-ledger could not run", main, { failCode: 2, stack: false });
