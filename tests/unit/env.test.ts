import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, loadEnv } from "../../app/utils/env.server";

const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "trao-env-"));
const secrets = {
  SESSION_SECRET: "s".repeat(40),
  LEDGER_SIGNING_KEY: Buffer.alloc(32, 1).toString("base64"),
  ID_HASH_KEY: "i".repeat(40),
};

function errorOf(fn: () => unknown): EnvError {
  try {
    fn();
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error("expected an EnvError");
}

describe("configuration at start-up", () => {
  it("refuses a bad PORT and names it", () => {
    const error = errorOf(() => loadEnv({ PORT: "eighty", DATA_DIR: tmpDir() }));
    expect(error.message).toMatch(/PORT/);
    expect(error.problems.some((p) => p.startsWith("PORT"))).toBe(true);
  });

  it("refuses DATABASE_URL without SESSION_SECRET and names the missing secret", () => {
    const error = errorOf(() =>
      loadEnv({ DATABASE_URL: "postgres://trao@localhost/trao", LEDGER_SIGNING_KEY: secrets.LEDGER_SIGNING_KEY, ID_HASH_KEY: secrets.ID_HASH_KEY }),
    );
    expect(error.message).toMatch(/SESSION_SECRET/);
    expect(error.message).not.toMatch(/LEDGER_SIGNING_KEY|ID_HASH_KEY/);
  });

  it("starts with DATABASE_URL when every secret is given", () => {
    const env = loadEnv({ DATABASE_URL: "postgres://trao@localhost/trao", ...secrets });
    expect(env.embedded).toBe(false);
    expect(env.SESSION_SECRET).toBe(secrets.SESSION_SECRET);
  });

  it("takes the schema owner's URL for migrations, and refuses it without the app's own DATABASE_URL", () => {
    const env = loadEnv({ DATABASE_URL: "postgres://trao_app@localhost/trao", MIGRATION_DATABASE_URL: "postgres://trao_owner@localhost/trao", ...secrets });
    expect(env.MIGRATION_DATABASE_URL).toBe("postgres://trao_owner@localhost/trao");
    const error = errorOf(() => loadEnv({ MIGRATION_DATABASE_URL: "postgres://trao_owner@localhost/trao", DATA_DIR: tmpDir() }));
    expect(error.message).toMatch(/MIGRATION_DATABASE_URL/);
  });

  it("needs no configuration in embedded mode: secrets are generated once into DATA_DIR and reused", () => {
    const dir = tmpDir();
    const first = loadEnv({ DATA_DIR: dir });
    expect(first.embedded).toBe(true);
    expect(first.SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(Buffer.from(first.LEDGER_SIGNING_KEY, "base64")).toHaveLength(32);
    const file = path.join(dir, "secrets.json");
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toMatchObject({ SESSION_SECRET: first.SESSION_SECRET });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const second = loadEnv({ DATA_DIR: dir });
    expect(second.SESSION_SECRET).toBe(first.SESSION_SECRET);
    expect(second.LEDGER_SIGNING_KEY).toBe(first.LEDGER_SIGNING_KEY);
    expect(second.ID_HASH_KEY).toBe(first.ID_HASH_KEY);
  });

  it("prefers a secret given in the environment over the generated one", () => {
    const dir = tmpDir();
    loadEnv({ DATA_DIR: dir });
    expect(loadEnv({ DATA_DIR: dir, SESSION_SECRET: secrets.SESSION_SECRET }).SESSION_SECRET).toBe(secrets.SESSION_SECRET);
  });
});
