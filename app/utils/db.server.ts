import { openDatabase, type Database, type Db } from "../../db/client";
import { getEnv, type Env } from "./env.server";

// One handle per process, kept on globalThis: the server entry and the Remix build (a separate
// module graph, re-imported on every rebuild in development) must share it, and PGlite must never
// be opened twice on the same directory.
const KEY = Symbol.for("trao.database");
type WithDb = typeof globalThis & { [KEY]?: Promise<Database> };

export function connect(env: Env = getEnv()): Promise<Database> {
  const g = globalThis as WithDb;
  if (!g[KEY]) {
    g[KEY] = openDatabase({ databaseUrl: env.DATABASE_URL, migrationUrl: env.MIGRATION_DATABASE_URL, dataDir: env.pgliteDir }).catch((error) => {
      delete g[KEY];
      throw error;
    });
  }
  return g[KEY]!;
}

/** Install an already-open database (tests, scripts). */
export function useDatabase(database: Database) {
  (globalThis as WithDb)[KEY] = Promise.resolve(database);
}

export async function disconnect() {
  const g = globalThis as WithDb;
  const pending = g[KEY];
  delete g[KEY];
  if (pending) await (await pending).close();
}

export async function getDb(): Promise<Db> {
  return (await connect()).db;
}

export async function getDatabase(): Promise<Database> {
  return connect();
}
