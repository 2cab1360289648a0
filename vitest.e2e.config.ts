import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Browser tests: the production build on a fresh embedded database with demo data, driven in Debian's Chromium.
export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
    fileParallelism: false,
    env: { TZ: "UTC" },
  },
});
