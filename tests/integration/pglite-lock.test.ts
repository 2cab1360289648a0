import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";

const run = promisify(execFile);

describe("the embedded database directory", () => {
  it("gives a second process a clear error instead of opening it twice", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "trao-lock-")), "pglite");
    const first = await openDatabase({ dataDir: dir, migrate: false });
    try {
      const script = `import { openDatabase } from ${JSON.stringify(path.resolve("db/client.ts"))};
        try { await openDatabase({ dataDir: ${JSON.stringify(dir)}, migrate: false }); console.log("OPENED"); }
        catch (e) { console.log(e.name + ": " + e.message); }`;
      const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: process.cwd() });
      expect(stdout).toMatch(/DatabaseLockedError: The embedded database in .* is already open in process \d+/);
      expect(stdout).not.toMatch(/OPENED/);
    } finally {
      await first.close();
    }
    // Once the first process closed it, the directory opens again.
    const again = await openDatabase({ dataDir: dir, migrate: false });
    expect(await again.ping()).toBe(true);
    await again.close();
  });

  it("takes over a lock left by a process that no longer exists", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "trao-lock-")), "pglite");
    fs.writeFileSync(`${dir}.lock`, "999999");
    const db = await openDatabase({ dataDir: dir, migrate: false });
    expect(await db.ping()).toBe(true);
    await db.close();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });
});
