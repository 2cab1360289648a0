import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

// The only place that reads process.env. Everything else asks getEnv().

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const secret = (what: string) =>
  z
    .string()
    .trim()
    .min(32, `${what} must be at least 32 characters (generate one with: openssl rand -base64 48)`);

const ed25519Seed = z
  .string()
  .trim()
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be a base64-encoded 32-byte Ed25519 seed (openssl rand -base64 32)");

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine((v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    }, `must be a URL starting with ${protocols.join(" or ")}//`);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: url(["postgres:", "postgresql:"]).optional().or(z.literal("").transform(() => undefined)),
    MIGRATION_DATABASE_URL: url(["postgres:", "postgresql:"]).optional().or(z.literal("").transform(() => undefined)),
    DATA_DIR: z.string().trim().min(1).default("./.data"),
    PUBLIC_URL: url(["http:", "https:"]).optional().or(z.literal("").transform(() => undefined)),
    SESSION_SECRET: optional.pipe(secret("SESSION_SECRET").optional()),
    LEDGER_SIGNING_KEY: optional.pipe(ed25519Seed.optional()),
    ID_HASH_KEY: optional.pipe(secret("ID_HASH_KEY").optional()),
    VNPAY_TMN_CODE: optional.pipe(z.string().regex(/^[A-Z0-9]{8}$/, "must be the 8-character terminal code VNPay issued").optional()),
    VNPAY_HASH_SECRET: optional.pipe(z.string().min(16, "looks too short for a VNPay hash secret").optional()),
    VNPAY_HOST: optional.pipe(url(["https:", "http:"]).optional()),
    STRIPE_SECRET_KEY: optional.pipe(z.string().regex(/^(sk|rk)_(test|live)_\w+$/, "must start with sk_test_, sk_live_, rk_test_ or rk_live_").optional()),
    STRIPE_WEBHOOK_SECRET: optional.pipe(z.string().regex(/^whsec_\w+$/, "must start with whsec_").optional()),
    CASSO_WEBHOOK_SECRET: optional.pipe(z.string().min(16, "must be at least 16 characters").optional()),
    SEPAY_WEBHOOK_SECRET: optional.pipe(z.string().min(16, "must be at least 16 characters").optional()),
    CLOUDINARY_URL: optional.pipe(z.string().regex(/^cloudinary:\/\/[^:]+:[^@]+@[\w-]+$/, "must look like cloudinary://<key>:<secret>@<cloud>").optional()),
    SMTP_URL: optional.pipe(url(["smtp:", "smtps:"]).optional()),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    /** auto: the outbox worker runs in-process on the embedded database, separately (`npm run worker`) on PostgreSQL. */
    RUN_WORKER: z.enum(["auto", "true", "false"]).default("auto"),
  })
  .superRefine((env, ctx) => {
    const pairs: [keyof typeof env, keyof typeof env][] = [
      ["VNPAY_TMN_CODE", "VNPAY_HASH_SECRET"],
      ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"],
    ];
    for (const [a, b] of pairs) {
      if (Boolean(env[a]) !== Boolean(env[b])) {
        const missing = env[a] ? b : a;
        ctx.addIssue({ code: "custom", path: [missing], message: `is required when ${env[a] ? a : b} is set` });
      }
    }
    if (env.DATABASE_URL) {
      for (const key of ["SESSION_SECRET", "LEDGER_SIGNING_KEY", "ID_HASH_KEY"] as const) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required with DATABASE_URL (only the embedded mode generates it)" });
      }
    }
    if (env.MIGRATION_DATABASE_URL && !env.DATABASE_URL) {
      ctx.addIssue({ code: "custom", path: ["MIGRATION_DATABASE_URL"], message: "needs DATABASE_URL (the app's own, less privileged role)" });
    }
    if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.PUBLIC_URL) {
      ctx.addIssue({ code: "custom", path: ["PUBLIC_URL"], message: "is required in production with DATABASE_URL" });
    }
  });

type Parsed = z.infer<typeof schema>;
export type Env = Omit<Parsed, "SESSION_SECRET" | "LEDGER_SIGNING_KEY" | "ID_HASH_KEY" | "PUBLIC_URL"> & {
  SESSION_SECRET: string;
  LEDGER_SIGNING_KEY: string;
  ID_HASH_KEY: string;
  PUBLIC_URL: string;
  /** True when DATABASE_URL is unset: PGlite under DATA_DIR. */
  embedded: boolean;
  pgliteDir: string;
  mediaDir: string;
};

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee README.md, "Configuration".`);
    this.name = "EnvError";
  }
}

/** Parse and check a variable set; throws EnvError naming each bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "(environment)"} ${i.message}`));
  }
  const env = result.data;
  const dataDir = path.resolve(env.DATA_DIR);
  const embedded = !env.DATABASE_URL;
  let generated: Record<string, string> = {};
  if (embedded && (!env.SESSION_SECRET || !env.LEDGER_SIGNING_KEY || !env.ID_HASH_KEY)) {
    generated = loadOrCreateEmbeddedSecrets(dataDir);
  }
  return {
    ...env,
    DATA_DIR: dataDir,
    SESSION_SECRET: env.SESSION_SECRET ?? generated.SESSION_SECRET,
    LEDGER_SIGNING_KEY: env.LEDGER_SIGNING_KEY ?? generated.LEDGER_SIGNING_KEY,
    ID_HASH_KEY: env.ID_HASH_KEY ?? generated.ID_HASH_KEY,
    PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    embedded,
    pgliteDir: path.join(dataDir, "pglite"),
    mediaDir: path.join(dataDir, "media"),
  };
}

/** Embedded mode only: secrets are generated once into DATA_DIR so `npm start` needs no configuration. */
function loadOrCreateEmbeddedSecrets(dataDir: string): Record<string, string> {
  const file = path.join(dataDir, "secrets.json");
  fs.mkdirSync(dataDir, { recursive: true });
  let existing: Record<string, string> = {};
  if (fs.existsSync(file)) existing = JSON.parse(fs.readFileSync(file, "utf8"));
  const secrets = {
    SESSION_SECRET: existing.SESSION_SECRET ?? crypto.randomBytes(48).toString("base64url"),
    LEDGER_SIGNING_KEY: existing.LEDGER_SIGNING_KEY ?? crypto.randomBytes(32).toString("base64"),
    ID_HASH_KEY: existing.ID_HASH_KEY ?? crypto.randomBytes(48).toString("base64url"),
  };
  if (JSON.stringify(secrets) !== JSON.stringify(existing)) {
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  }
  return secrets;
}

const ENV_KEY = Symbol.for("trao.env");
type WithEnv = typeof globalThis & { [ENV_KEY]?: Env };

/** The validated configuration, loaded once per process. */
export function getEnv(): Env {
  const g = globalThis as WithEnv;
  if (!g[ENV_KEY]) g[ENV_KEY] = loadEnv();
  return g[ENV_KEY]!;
}

/** Tests and scripts may install a configuration explicitly. */
export function setEnv(env: Env) {
  (globalThis as WithEnv)[ENV_KEY] = env;
}

/** What the browser may see. */
export function publicEnv(env: Env = getEnv()) {
  return {
    PUBLIC_URL: env.PUBLIC_URL,
    payments: { vnpay: Boolean(env.VNPAY_TMN_CODE), stripe: Boolean(env.STRIPE_SECRET_KEY), bankTransfer: true },
  };
}
