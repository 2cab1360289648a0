// npm run seed: demo data for an empty database (PGlite in DATA_DIR, or DATABASE_URL).
//   --force-empty-check   fail (exit 1) instead of "already seeded" when the database has data
import { connect, disconnect } from "../app/utils/db.server";
import { getEnv } from "../app/utils/env.server";
import { isSeeded, seedDemo } from "../db/seed";
import { runMain } from "./lib/run-main";

const requireEmpty = process.argv.includes("--force-empty-check");

async function main(): Promise<number> {
  const env = getEnv();
  const database = await connect(env);
  try {
    if (await isSeeded(database.db)) {
      if (requireEmpty) {
        console.error(`The database at ${database.location} is not empty: refusing to seed.`);
        return 1;
      }
      console.log(`Database at ${database.location} already seeded: nothing to do.`);
      return 0;
    }
    console.log(`Seeding demo data into ${database.location}…`);
    const summary = await seedDemo(database.db, { env, log: (msg) => console.log(msg) });
    console.log(
      `Done: ${summary.chapters} chapters, ${summary.users} users, ${summary.addresses} addresses, ${summary.pledges} pledges, ` +
        `${summary.ledgerGroups} ledger groups, ${summary.media} images in ${summary.ms} ms.\n` +
        `Demo accounts (password "trao-demo-2026"): admin@, manager@, verifier@, editor@, treasurer@, donor@trao.local`,
    );
    return 0;
  } finally {
    await disconnect();
  }
}

runMain("seed failed", main, { stack: false });
