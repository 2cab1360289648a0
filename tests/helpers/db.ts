import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase, type Database } from "../../db/client";
import { useDatabase } from "../../app/utils/db.server";
import { loadEnv, setEnv, type Env } from "../../app/utils/env.server";

/** Tests run on PostgreSQL when DATABASE_URL is set (a fresh database per test file), else on in-memory PGlite. */
export const onPostgres = Boolean(process.env.DATABASE_URL);

export interface TestDatabase extends Database {
  /** A connection URL for a second pool or process (PostgreSQL only). */
  url?: string;
  cleanup(): Promise<void>;
}

export async function createTestDatabase(options: { install?: boolean } = {}): Promise<TestDatabase> {
  let database: Database;
  let url: string | undefined;
  let drop = async () => {};
  if (onPostgres) {
    const base = new URL(process.env.DATABASE_URL!);
    const name = `trao_t_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
    const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    base.pathname = `/${name}`;
    url = base.toString();
    database = await openDatabase({ databaseUrl: url, poolMax: 8 });
    drop = async () => {
      const a = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    };
  } else {
    database = await openDatabase({ dataDir: "memory://" });
  }
  if (options.install !== false) {
    useDatabase(database);
    setEnv(testEnv());
  }
  return {
    ...database,
    url,
    async cleanup() {
      await database.close();
      await drop();
    },
  };
}

let tmpDataDir: string | undefined;
/** A complete configuration for tests: fixed secrets, a throwaway DATA_DIR, no providers. */
export function testEnv(overrides: Record<string, string> = {}): Env {
  tmpDataDir ??= fs.mkdtempSync(path.join(os.tmpdir(), "trao-test-"));
  return loadEnv({
    NODE_ENV: "test",
    DATA_DIR: tmpDataDir,
    PUBLIC_URL: "http://localhost:3000",
    SESSION_SECRET: "test-session-secret-0123456789-abcdefghijklmnop",
    LEDGER_SIGNING_KEY: Buffer.alloc(32, 7).toString("base64"),
    ID_HASH_KEY: "test-id-hash-key-0123456789-abcdefghijklmnopqrstu",
    ...overrides,
  });
}
