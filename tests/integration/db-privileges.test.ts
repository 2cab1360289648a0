import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../db/client";
import { auditLog, ledgerLines } from "../../db/schema";
import { postGroup } from "../../app/ledger/ledger.server";
import { createTestDatabase, onPostgres, type TestDatabase } from "../helpers/db";
import { minimalWorld, rejection } from "../helpers/fixtures";

// DESIGN §4: in production the app connects as a role that does not own the tables and may only
// INSERT and SELECT on the ledger and the audit log. Roles are PostgreSQL's (PGlite has one user).

describe.skipIf(!onPostgres)("the app's own database role (MIGRATION_DATABASE_URL set)", () => {
  let owner: TestDatabase;
  let app: Database;
  let world: Awaited<ReturnType<typeof minimalWorld>>;
  const role = `trao_app_${crypto.randomBytes(4).toString("hex")}`;

  beforeAll(async () => {
    owner = await createTestDatabase({ install: false });
    world = await minimalWorld(owner.db);
    const admin = postgres(owner.url!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create role ${role} login`);
    await admin.end();
    const appUrl = new URL(owner.url!);
    appUrl.username = role;
    // As the server opens it: migrations through the owner, then the app role's grants.
    app = await openDatabase({ databaseUrl: appUrl.toString(), migrationUrl: owner.url!, poolMax: 2 });
  });

  afterAll(async () => {
    await app?.close();
    await owner?.cleanup();
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop role if exists ${role}`);
    await admin.end();
  });

  it("lets the app post a donation and read it back", async () => {
    const posted = await app.db.transaction((tx) =>
      postGroup(tx, {
        kind: "donation",
        idempotencyKey: `privileges-${role}`,
        lines: [
          { account: "donors", amount: -300_000 },
          { account: "address_fund", addressId: world.address.id, amount: 300_000 },
        ],
      }),
    );
    const rows = await app.db.execute(sql`select count(*)::int as n from ledger_lines where group_id = ${posted.id}`);
    expect((rows as unknown as { n: number }[])[0].n).toBe(2);
    await app.db.insert(auditLog).values({ action: "test.privileges", entityType: "address", entityId: String(world.address.id) });
  });

  it("refuses the app UPDATE, DELETE and TRUNCATE on the ledger and the audit log for lack of privilege, not only by trigger", async () => {
    for (const table of ["ledger_lines", "ledger_groups", "audit_log"]) {
      expect(await rejection(app.db.execute(sql`update ${sql.identifier(table)} set id = id`))).toMatch(/permission denied.*42501/);
      expect(await rejection(app.db.execute(sql`delete from ${sql.identifier(table)}`))).toMatch(/permission denied.*42501/);
      expect(await rejection(app.db.execute(sql`truncate ${sql.identifier(table)}`))).toMatch(/permission denied.*42501/);
    }
    expect(await rejection(app.db.delete(ledgerLines))).toMatch(/42501/);
  });

  it("refuses the app dropping the append-only triggers or the tables (it owns nothing)", async () => {
    expect(await rejection(app.db.execute(sql`alter table ledger_lines disable trigger ledger_lines_no_update_delete`))).toMatch(/must be owner|42501/);
    expect(await rejection(app.db.execute(sql`drop table audit_log`))).toMatch(/must be owner|42501/);
  });

  it("refuses to start when the app's role owns a table (an owner could drop the triggers)", async () => {
    const other = `${role}_x`;
    const admin = postgres(owner.url!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create role ${other} login`);
    await admin.unsafe(`create table public.${other}_notes (id int)`);
    await admin.unsafe(`alter table public.${other}_notes owner to ${other}`);
    const url = new URL(owner.url!);
    url.username = other;
    try {
      await expect(openDatabase({ databaseUrl: url.toString(), migrationUrl: owner.url!, poolMax: 1 })).rejects.toThrow(/owns tables/);
    } finally {
      await admin.unsafe(`drop table public.${other}_notes`);
      await admin.unsafe(`drop owned by ${other}`);
      await admin.unsafe(`drop role ${other}`);
      await admin.end();
    }
  });

  it("refuses to start when both URLs log in as the same role", async () => {
    await expect(openDatabase({ databaseUrl: owner.url!, migrationUrl: owner.url!, poolMax: 1 })).rejects.toThrow(/same role/);
  });

  it("still lets the app change the tables that are not append-only", async () => {
    await app.db.execute(sql`update addresses set urgency = 4 where id = ${world.address.id}`);
    const [row] = (await owner.db.execute(sql`select urgency from addresses where id = ${world.address.id}`)) as unknown as { urgency: number }[];
    expect(row.urgency).toBe(4);
  });
});
