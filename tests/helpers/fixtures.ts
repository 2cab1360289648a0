import { sql } from "drizzle-orm";
import { generatePublicCode } from "../../app/ledger/public-code";
import type { DbOrTx } from "../../db/client";
import { nextSeq } from "../../db/factories";
import { addresses, addressPrivate, chapters, needs, pledges, users } from "../../db/schema";

const next = nextSeq;

/** A minimal world for database-rule tests: one chapter, one staff user, one published address with a need. */
export async function minimalWorld(db: DbOrTx) {
  const n = next();
  const [chapter] = await db
    .insert(chapters)
    .values({ slug: `central-${n}`, name: `Trung ương ${n}`, level: "central", path: `/tmp-${n}/` })
    .returning();
  await db.execute(sql`update chapters set path = '/' || id || '/' where id = ${chapter.id}`);
  const [user] = await db.insert(users).values({ email: `staff${n}@trao.test`, name: `Cán bộ ${n}` }).returning();
  const [address] = await db
    .insert(addresses)
    .values({
      slug: `dia-chi-${n}`,
      chapterId: chapter.id,
      category: "poor_fisherman",
      title: "Hỗ trợ ngư dân sửa máy tàu",
      summary: "Máy tàu hỏng sau mùa bão.",
      publicAlias: "Gia đình anh T.",
      province: "An Giang",
      formerProvince: "Kiên Giang",
      commune: "Phường Rạch Giá",
      status: "published",
      createdBy: user.id,
    })
    .returning();
  await db.insert(addressPrivate).values({ addressId: address.id, beneficiaryName: "Trần Văn Tư", duplicateKey: `tran van tu|1970|rach gia|${n}` });
  const [need] = await db
    .insert(needs)
    .values({ addressId: address.id, title: "Áo phao cứu sinh", kind: "cash", quantity: 4, unit: "chiếc", unitCost: 350_000, amount: 1_400_000 })
    .returning();
  return { chapter, user, address, need };
}

/** A random public code (8 symbols: no clash between tests). */
export const testCode = (): string => generatePublicCode(undefined, 8);

export async function insertPledge(db: DbOrTx, addressId: number, values: Partial<typeof pledges.$inferInsert> = {}) {
  const [pledge] = await db
    .insert(pledges)
    .values({ publicCode: testCode(), addressId, donorName: "Nguyễn Thị Mai", amount: 200_000, method: "bank_transfer", ...values })
    .returning();
  return pledge;
}

/** The driver's error (drizzle wraps it), flattened to text: message, code and constraint. */
export function dbErrorText(error: unknown): string {
  const parts: string[] = [];
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    const x = e as { message?: string; code?: string; constraint?: string; constraint_name?: string; cause?: unknown };
    parts.push(String(x.message ?? ""), String(x.code ?? ""), String(x.constraint ?? x.constraint_name ?? ""));
    e = x.cause;
  }
  return parts.join(" | ");
}

/** Resolves with the error text when the promise rejects; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return dbErrorText(error);
  }
  throw new Error("Expected the database to refuse, but it accepted");
}
