import { sql } from "drizzle-orm";
import type { DbOrTx } from "./client";

// DESIGN §4: in production the app's database role does not own the tables, and on the ledger and
// the audit log it may only INSERT and SELECT. The triggers of migration 0002 refuse UPDATE,
// DELETE and TRUNCATE for everyone; without ownership and privileges the app's role cannot drop
// those triggers either. The schema owner (MIGRATION_DATABASE_URL) migrates, then grants this.

/** Tables whose rows are never changed or removed: written once through app/ledger and the audit helper. */
export const APPEND_ONLY_TABLES = ["ledger_groups", "ledger_lines", "audit_log"] as const;

/**
 * Grants `role` what the app needs on the current schema: read and write on every table, but
 * only SELECT and INSERT on the append-only ones; sequences for inserts. Idempotent; run by the
 * owner after every migration so that new tables are covered.
 */
export async function grantAppPrivileges(owner: DbOrTx, role: string): Promise<void> {
  const r = sql.identifier(role);
  const appendOnly = sql.join(
    APPEND_ONLY_TABLES.map((t) => sql.identifier(t)),
    sql`, `,
  );
  await owner.transaction(async (tx) => {
    await tx.execute(sql`grant usage on schema public to ${r}`);
    await tx.execute(sql`revoke all on all tables in schema public from ${r}`);
    await tx.execute(sql`grant select, insert, update, delete on all tables in schema public to ${r}`);
    await tx.execute(sql`revoke update, delete on ${appendOnly} from ${r}`);
    await tx.execute(sql`grant usage, select on all sequences in schema public to ${r}`);
  });
}

/**
 * Why `role` could still rewrite the ledger despite the grants, or null when it cannot: it is a
 * superuser, owns a table (an owner can disable triggers and grant itself anything), or is a
 * member of a role that owns one. The server refuses to start on an answer.
 */
export async function appRoleProblem(owner: DbOrTx, role: string): Promise<string | null> {
  const [row] = (await owner.execute(
    sql`select r.rolsuper as superuser,
          (select string_agg(t.tablename, ', ') from pg_tables t where t.schemaname = 'public' and t.tableowner = r.rolname) as owned,
          (select string_agg(distinct t.tableowner, ', ') from pg_tables t
            where t.schemaname = 'public' and t.tableowner <> r.rolname and pg_has_role(r.rolname, t.tableowner, 'MEMBER')) as via
        from pg_roles r where r.rolname = ${role}`,
  )) as unknown as { superuser: boolean; owned: string | null; via: string | null }[];
  if (!row) return `role ${role} does not exist`;
  if (row.superuser) return `role ${role} is a superuser`;
  if (row.owned) return `role ${role} owns tables (${row.owned}); the schema owner must own them`;
  if (row.via) return `role ${role} is a member of the owner role ${row.via}`;
  return null;
}
