import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect, type PgDatabase, type PgQueryResultHKT, type PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { appRoleProblem, grantAppPrivileges } from "./privileges";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Query functions take `(db, params)` so the same function runs inside a transaction. */
export type DbOrTx = Db | Tx;

export type DbKind = "pglite" | "postgres";

export interface Database {
  db: Db;
  kind: DbKind;
  /** Where the data lives, for messages: a data directory, "memory" or the host/database of the URL. */
  location: string;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL URL; when absent PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory, or "memory://" for a throwaway in-memory database. */
  dataDir?: string;
  /** postgres.js pool size. */
  poolMax?: number;
  /** Run migrations after opening (under an advisory lock). Default true. */
  migrate?: boolean;
  /**
   * PostgreSQL URL of the schema owner (MIGRATION_DATABASE_URL). Migrations run through it, and
   * then `grantAppPrivileges` gives the role of `databaseUrl` what the app needs and no more.
   * Unset: `databaseUrl` migrates (it is the owner, as in development and tests).
   */
  migrationUrl?: string;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));
/** Same key on every instance: migrations never run twice at once. */
const MIGRATION_LOCK_KEY = 7_302_114_001;

export class DatabaseLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is already open in process ${pid}. ` +
        `PGlite allows one process per data directory: stop the other process, ` +
        `use another DATA_DIR, or set DATABASE_URL to use PostgreSQL.`,
    );
    this.name = "DatabaseLockedError";
  }
}

/** Rows of a raw query, whatever the driver (postgres.js returns an array, PGlite `{ rows }`). */
export async function execRows<T = Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown;
  if (Array.isArray(res)) return res as T[];
  return ((res as { rows?: T[] }).rows ?? []) as T[];
}

const dialect = new PgDialect();
type PreparingClient = { unsafe(text: string, params: unknown[], options: { prepare: boolean; simple: boolean }): Promise<unknown[]> };

/**
 * Rows of a hot read query, run on PostgreSQL as a named prepared statement: parsed and planned
 * once per connection instead of on every call (db.execute never prepares; for a catalogue page,
 * planning over a table with many indexes costs more than running the query). Only for SQL whose
 * shape does not depend on data: inline constants where a partial index must match. On PGlite it
 * is execRows.
 */
export async function execPrepared<T = Record<string, unknown>>(db: DbOrTx, query: SQL, options: { genericPlan?: boolean } = {}): Promise<T[]> {
  const client = (db._.session as unknown as { client?: PreparingClient & { [GENERIC_PLANS]?: PreparingClient } }).client;
  if (!client || typeof client.unsafe !== "function") return execRows<T>(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  // Only the pool itself carries the generic-plan pool: inside a transaction the query stays on
  // the transaction's connection.
  const target = (options.genericPlan && client[GENERIC_PLANS]) || client;
  return (await target.unsafe(text, params, { prepare: true, simple: false })) as T[];
}

/**
 * A second, smaller pool whose sessions always use a prepared statement's generic plan
 * (plan_cache_mode = force_generic_plan), for `execPrepared(…, { genericPlan: true })`.
 * PostgreSQL keeps re-planning a statement whose generic plan it estimates dearer than a custom
 * one; for a keyset list with equality filters (province, category…) over a table with two dozen
 * partial indexes, planning took 0.7 ms where running took 0.05 ms, and the plan is the same.
 * Not for every query: a generic plan of a text search, or of a "% funded" sort within a province,
 * is much slower than a custom one (measured in scripts/bench-queries.ts).
 */
// Symbol.for: the Remix build bundles its own copy of this module, while server.ts opens the
// database with the other; a registered symbol is the same in both.
const GENERIC_PLANS = Symbol.for("trao.genericPlans");

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const database = opts.databaseUrl
    ? await openPostgres(opts.databaseUrl, opts.poolMax ?? 10, opts.migrationUrl)
    : await openPglite(opts.dataDir ?? "./.data/pglite");
  if (opts.migrate !== false) {
    try {
      await database.migrateFn();
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

interface OpenedDatabase extends Database {
  migrateFn(): Promise<void>;
}

async function openPostgres(url: string, max: number, migrationUrl?: string): Promise<OpenedDatabase> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(url, { max, onnotice: () => {}, connection: { application_name: "trao" } });
  const genericPlans = postgres(url, {
    max: Math.max(1, Math.ceil(max / 2)),
    onnotice: () => {},
    connection: { application_name: "trao", plan_cache_mode: "force_generic_plan" },
  });
  Object.defineProperty(client, GENERIC_PLANS, { value: genericPlans });
  const db = drizzle(client, { schema }) as unknown as Db;
  // drizzle makes the driver pass dates and JSON through as text; the second pool must do alike.
  drizzle(genericPlans, { schema });
  const parsed = new URL(url);
  return {
    db,
    kind: "postgres",
    location: `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
    async ping() {
      try {
        await client`select 1`;
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await Promise.all([client.end({ timeout: 5 }), genericPlans.end({ timeout: 5 })]);
    },
    async migrateFn() {
      // A one-connection client: the session advisory lock and the migration share a connection.
      const { migrate } = await import("drizzle-orm/postgres-js/migrator");
      const lockClient = postgres(migrationUrl ?? url, { max: 1, onnotice: () => {} });
      try {
        await lockClient`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migrate(drizzle(lockClient), { migrationsFolder: MIGRATIONS_FOLDER });
        if (migrationUrl) {
          const [{ owner }] = await lockClient<{ owner: string }[]>`select current_user as owner`;
          const [{ app }] = await client<{ app: string }[]>`select current_user as app`;
          if (app !== owner) {
            const ownerDb = drizzle(lockClient) as unknown as Db;
            await grantAppPrivileges(ownerDb, app);
            const problem = await appRoleProblem(ownerDb, app);
            if (problem) throw new Error(`DATABASE_URL's role can still change the ledger: ${problem}. Connect the app as a role that owns nothing.`);
          } else {
            throw new Error("MIGRATION_DATABASE_URL and DATABASE_URL log in as the same role: give the app a role of its own, or unset MIGRATION_DATABASE_URL.");
          }
        }
        await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
      } finally {
        await lockClient.end({ timeout: 5 });
      }
    },
  };
}

async function openPglite(dataDir: string): Promise<OpenedDatabase> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  const { drizzle } = await import("drizzle-orm/pglite");
  const inMemory = dataDir.startsWith("memory://");
  let releaseLock = () => {};
  if (!inMemory) {
    fs.mkdirSync(dataDir, { recursive: true });
    releaseLock = acquireDirLock(dataDir);
  }
  let pg;
  try {
    pg = await PGlite.create({ dataDir: inMemory ? undefined : dataDir, extensions: { pg_trgm, unaccent } });
  } catch (error) {
    releaseLock();
    throw error;
  }
  const db = drizzle(pg, { schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    kind: "pglite",
    location: inMemory ? "memory" : path.resolve(dataDir),
    async ping() {
      try {
        await pg.query("select 1");
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pg.close();
      releaseLock();
    },
    async migrateFn() {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      // One process, one connection: the advisory lock is taken only to keep one code path.
      await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
      try {
        await migrate(drizzle(pg), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
      }
    },
  };
}

/**
 * PGlite must be opened by one process at a time: two writers would corrupt the directory.
 * A lock file holds the owner's pid; a stale one (its process is gone) is taken over.
 */
function acquireDirLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, "..", `${path.basename(dataDir)}.lock`);
  for (let tries = 0; tries < 2; tries++) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(fs.readFileSync(lockPath, "utf8").trim());
      if (owner && owner !== process.pid && isAlive(owner)) throw new DatabaseLockedError(path.resolve(dataDir), owner);
      if (owner === process.pid) throw new DatabaseLockedError(path.resolve(dataDir), owner);
      fs.unlinkSync(lockPath); // stale: its process has exited
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
