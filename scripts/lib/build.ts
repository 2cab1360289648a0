import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// One rule for "is the Remix build usable?", shared by `npm start`, the benchmark and the tests
// that serve the real build.

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BUILD_FILE = path.join(ROOT, "build", "index.js");
const SOURCES = ["app", "db", "remix.config.js", "tailwind.config.ts", "postcss.config.js"];

function newestMtime(target: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Missing, a development build (`npm run dev` leaves one behind), or older than its sources. */
export function buildIsStale(): boolean {
  if (!fs.existsSync(BUILD_FILE) || !fs.existsSync(path.join(ROOT, "public", "build"))) return true;
  if (/\bmode = "development"/.test(fs.readFileSync(BUILD_FILE, "utf8"))) return true;
  const built = fs.statSync(BUILD_FILE).mtimeMs;
  return SOURCES.some((source) => newestMtime(path.join(ROOT, source)) > built);
}

/** `remix build` in production mode when the build is stale; throws when the build fails. */
export function ensureBuild(log: (msg: string) => void = (msg) => process.stderr.write(msg)): void {
  if (!buildIsStale()) return;
  log("Building the app (remix build)…\n");
  const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "remix"), ["build"], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error(`remix build failed (exit ${result.status ?? result.signal})`);
}
