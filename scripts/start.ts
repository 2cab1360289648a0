import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// `npm start`: build the Remix app when the build is missing or older than its sources, then serve it.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BUILD_FILE = path.join(ROOT, "build", "index.js");
const SOURCES = ["app", "db", "remix.config.js", "tailwind.config.ts", "postcss.config.js"];

function newestMtime(target: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function buildIsStale(): boolean {
  if (!fs.existsSync(BUILD_FILE) || !fs.existsSync(path.join(ROOT, "public", "build"))) return true;
  // `npm run dev` leaves a development build behind: never serve that in production.
  if (/\bmode = "development"/.test(fs.readFileSync(BUILD_FILE, "utf8"))) return true;
  const built = fs.statSync(BUILD_FILE).mtimeMs;
  return SOURCES.some((source) => newestMtime(path.join(ROOT, source)) > built);
}

process.env.NODE_ENV ??= "production";

if (buildIsStale()) {
  process.stdout.write("Building the app (remix build)…\n");
  const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "remix"), ["build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) {
    process.stderr.write(`remix build failed (exit ${result.status ?? result.signal})\n`);
    process.exit(1);
  }
}

// Imported only now: the server reads NODE_ENV when it loads its configuration.
const { runServer } = await import("../server");
runServer();
