import { defineConfig } from "drizzle-kit";

// `generate` needs no database: migrations are written, reviewed and committed.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  strict: true,
  verbose: true,
});
