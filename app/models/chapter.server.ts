import { sql } from "drizzle-orm";
import { z } from "zod";
import { execRows, type DbOrTx } from "../../db/client";
import { LISTED_ADDRESS_STATUSES, PUBLIC_ADDRESS_STATUSES, type ChapterLevel, type UnitKind } from "../../db/enums";
import { bankNameFromBin } from "../utils/banks";
import { CARD_COLUMNS, toAddressCard, type AddressCard, type CardRow } from "./catalogue.server";
import { getRollup, type RollupFigures } from "./stats.server";

// Public chapter pages: who the chapter is, how to reach it, where to give, its place in the tree,
// what its whole subtree raised and spent (stats_rollups "chapter:<id>"), and its addresses.
// Chapters are institutions: their contact and bank account are public. Reads only.

export interface ChapterRef {
  slug: string;
  name: string;
  level: ChapterLevel;
  unitKind: UnitKind | null;
}

export interface BankAccount {
  bin: string;
  /** "Vietcombank"; null for a BIN not in app/utils/banks.ts. */
  bankName: string | null;
  number: string;
  holder: string;
}

export interface ChapterDetail extends ChapterRef {
  id: number;
  province: string | null;
  commune: string | null;
  description: string | null;
  contact: { email: string | null; phone: string | null; postalAddress: string | null };
  account: BankAccount | null;
  /** From the central chapter down to the parent; empty for the central chapter. */
  ancestors: ChapterRef[];
  /** The chapters directly below, by level then name. */
  children: ChapterRef[];
  /** The whole subtree's figures; zeros before the first stats refresh. */
  figures: RollupFigures;
}

const EMPTY_FIGURES: RollupFigures = { raised: 0, disbursed: 0, gifts: 0, donors: 0, addressesHelped: 0, addressesListed: 0, computedAt: null };

export function toBankAccount(bin: string | null, number: string | null, holder: string | null): BankAccount | null {
  if (!bin || !number) return null;
  return { bin, bankName: bankNameFromBin(bin), number, holder: holder ?? "" };
}

interface ChapterRow {
  id: number;
  slug: string;
  name: string;
  level: ChapterLevel;
  unit_kind: UnitKind | null;
  path: string;
  province: string | null;
  commune: string | null;
  description: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  postal_address: string | null;
  bank_bin: string | null;
  bank_account_number: string | null;
  bank_account_name: string | null;
  ancestors: { slug: string; name: string; level: ChapterLevel; unit_kind: UnitKind | null }[] | null;
  children: { slug: string; name: string; level: ChapterLevel; unit_kind: UnitKind | null }[] | null;
}

const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,199}$/);
const toRef = (r: { slug: string; name: string; level: ChapterLevel; unit_kind: UnitKind | null }): ChapterRef => ({
  slug: r.slug,
  name: r.name,
  level: r.level,
  unitKind: r.unit_kind,
});

/** One chapter with its breadcrumb, sub-chapters and subtree figures; null for an unknown slug. */
export async function getChapter(db: DbOrTx, { slug }: { slug: string }): Promise<(ChapterDetail & { path: string }) | null> {
  if (!slugSchema.safeParse(slug).success) return null;
  // Ancestors are the ids in the materialised path ("/1/4/17/"): primary-key lookups, no tree walk.
  const [row] = await execRows<ChapterRow>(
    db,
    sql`
      select c.id, c.slug, c.name, c.level, c.unit_kind, c.path, c.province, c.commune, c.description,
        c.contact_email, c.contact_phone, c.postal_address, c.bank_bin, c.bank_account_number, c.bank_account_name,
        (select json_agg(json_build_object('slug', p.slug, 'name', p.name, 'level', p.level, 'unit_kind', p.unit_kind) order by length(p.path))
          from chapters p
          where p.id in (select x::int from unnest(string_to_array(trim(both '/' from c.path), '/')) as x) and p.id <> c.id) as ancestors,
        (select json_agg(json_build_object('slug', k.slug, 'name', k.name, 'level', k.level, 'unit_kind', k.unit_kind) order by k.level, k.name, k.id)
          from chapters k where k.parent_id = c.id) as children
      from chapters c
      where c.slug = ${slug}`,
  );
  if (!row) return null;
  const id = Number(row.id);
  const figures = (await getRollup(db, { scope: `chapter:${id}` })) ?? EMPTY_FIGURES;
  return {
    id,
    slug: row.slug,
    name: row.name,
    level: row.level,
    unitKind: row.unit_kind,
    path: row.path,
    province: row.province,
    commune: row.commune,
    description: row.description,
    contact: { email: row.contact_email, phone: row.contact_phone, postalAddress: row.postal_address },
    account: toBankAccount(row.bank_bin, row.bank_account_number, row.bank_account_name),
    ancestors: (row.ancestors ?? []).map(toRef),
    children: (row.children ?? []).map(toRef),
    figures,
  };
}

// ───────────────────────────── the subtree's addresses ─────────────────────────────

export const CHAPTER_PAGE_SIZE = 12;

/**
 * Order: addresses still taking gifts (published, funded) first, then completed and closed ones; within each,
 * the catalogue's "urgent" order (urgency high → low, nearest deadline, id), which the catalogue's partial
 * indexes keep: the central chapter (the whole site) reads about a page, not every row.
 */
const TIERS = [LISTED_ADDRESS_STATUSES, PUBLIC_ADDRESS_STATUSES.filter((s) => !(LISTED_ADDRESS_STATUSES as readonly string[]).includes(s))] as const;

/** "infinity" or a real calendar date (a cursor's date is cast in SQL: "2026-02-30" must not get there). */
export function isKeyDate(value: string, infinity = "infinity"): boolean {
  if (value === infinity) return true;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Cursor: [tier, -urgency, deadline or "infinity", id] of the last row shown. */
const cursorSchema = z.tuple([
  z.union([z.literal(0), z.literal(1)]),
  z.number().int().min(-4).max(-1),
  z.string().refine(isKeyDate),
  z.number().int().min(1).max(2_147_483_647),
]);
type ChapterCursor = z.infer<typeof cursorSchema>;

export function encodeChapterCursor(keys: ChapterCursor): string {
  return Buffer.from(JSON.stringify(keys), "utf8").toString("base64url");
}

/** Null when the text is not a cursor made by this module. */
export function decodeChapterCursor(value: string): ChapterCursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(value)) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface ChapterAddressPage {
  items: AddressCard[];
  /** Opaque; null on the last page. */
  nextCursor: string | null;
  /** The `cursor` given was not one of ours: the first page is shown. */
  invalidCursor: boolean;
}

type SubtreeRow = Omit<CardRow, "k0" | "k1" | "k2">;

const inlineStatuses = (statuses: readonly string[]) => sql.raw(`(${statuses.map((s) => `'${s}'`).join(", ")})`);

type TierKeys = [negUrgency: number, deadline: string, id: number];
interface KeyRow {
  id: number;
  chapter_id: number;
  k_urgency: number;
  k_deadline: string;
}

/** The catalogue's "urgent" keyset, written exactly as its partial indexes are (see db/schema.ts). */
const ORDER = sql`(-a.urgency), coalesce(a.deadline, 'infinity'::date), a.id`;
const KEY_SELECT = sql`a.id, a.chapter_id, (-a.urgency)::int as k_urgency, coalesce(to_char(a.deadline, 'YYYY-MM-DD'), 'infinity') as k_deadline`;
const afterKeys = (k: TierKeys | null) => (k ? sql`and (${ORDER}) > (${k[0]}::int, ${k[1]}::date, ${k[2]}::int)` : sql``);

/** A subtree holding at least this share of the site's listed addresses is read along the site-wide order. */
const DENSE_SHARE = 0.02;
const MAX_SCAN_CHUNKS = 8;
/** Rows read per step: enough for a page at the expected density, with room to spare. */
const scanChunk = (need: number, share: number) => Math.max(50, Math.min(2000, Math.ceil((need / Math.max(share, DENSE_SHARE)) * 1.5)));

/**
 * Dense subtree (the central or a big province chapter): walk the tier's site-wide partial index in
 * order, a chunk at a time, keeping the subtree's rows; the plan cannot go wrong and stops after a
 * page. Null when a few chunks were not enough (then the subtree is sparser than its figures said).
 */
async function scanDense(db: DbOrTx, tier: 0 | 1, from: TierKeys | null, subtree: Set<number>, need: number, share: number): Promise<KeyRow[] | null> {
  const out: KeyRow[] = [];
  const chunkSize = scanChunk(need, share);
  let position = from;
  for (let chunk = 0; chunk < MAX_SCAN_CHUNKS; chunk++) {
    const rows = await execRows<KeyRow>(
      db,
      sql`select ${KEY_SELECT} from addresses a
          where a.status in ${inlineStatuses(TIERS[tier])} ${afterKeys(position)}
          order by ${ORDER} limit ${chunkSize}`,
    );
    for (const row of rows) {
      if (subtree.has(Number(row.chapter_id))) out.push(row);
      if (out.length >= need) return out;
    }
    if (rows.length < chunkSize) return out;
    const last = rows[rows.length - 1];
    position = [Number(last.k_urgency), last.k_deadline, Number(last.id)];
  }
  return null;
}

/** Sparse subtree (a commune, a school): its own addresses through the chapter index, then sorted. */
async function scanSparse(db: DbOrTx, tier: 0 | 1, from: TierKeys | null, chapterIds: number[], need: number): Promise<KeyRow[]> {
  return execRows<KeyRow>(
    db,
    sql`select ${KEY_SELECT} from addresses a
        where a.chapter_id = any(string_to_array(${chapterIds.join(",")}, ',')::int[])
          and a.status in ${inlineStatuses(TIERS[tier])} ${afterKeys(from)}
        order by ${ORDER} limit ${need}`,
  );
}

/**
 * A page of the public addresses of a chapter and every chapter below it (`path` is the chapter's
 * materialised path, "/1/4/17/"), by keyset: `cursor` is the previous page's nextCursor. Never counts
 * rows: the subtree's share of listed addresses comes from stats_rollups (or, before the first
 * refresh, its share of chapters) and picks how to read it.
 */
export async function listChapterAddresses(
  db: DbOrTx,
  {
    path,
    cursor,
    limit = CHAPTER_PAGE_SIZE,
    strategy = "auto",
  }: { path: string; cursor?: string | null; limit?: number; /** Tests force one way of reading. */ strategy?: "auto" | "dense" | "sparse" },
): Promise<ChapterAddressPage> {
  const after = cursor ? decodeChapterCursor(cursor) : null;
  const invalidCursor = Boolean(cursor) && !after;
  const size = Math.max(1, Math.min(100, limit));
  const chapterId = Number(path.split("/").filter(Boolean).at(-1));

  const [scope] = await execRows<{ ids: string | null; sub: number | null; site: number | null; chapters: number }>(
    db,
    sql`select array_to_string(array_agg(sc.id), ',') as ids,
          (select r.addresses_listed from stats_rollups r where r.scope = ${`chapter:${chapterId}`}) as sub,
          (select r.addresses_listed from stats_rollups r where r.scope = 'site') as site,
          (select count(*)::int from chapters) as chapters
        from chapters sc where sc.path like ${path} || '%'`,
  );
  const chapterIds = (scope?.ids ?? "").split(",").filter(Boolean).map(Number);
  if (chapterIds.length === 0) return { items: [], nextCursor: null, invalidCursor };
  const site = Number(scope.site ?? 0);
  const share = site > 0 && scope.sub !== null ? Number(scope.sub) / site : chapterIds.length / Math.max(1, Number(scope.chapters));
  const dense = strategy === "auto" ? share >= DENSE_SHARE : strategy === "dense";
  const subtree = new Set(chapterIds);

  const picked: (KeyRow & { tier: 0 | 1 })[] = [];
  for (const tier of [0, 1] as const) {
    if (after && after[0] > tier) continue; // that tier was shown in full already
    const need = size + 1 - picked.length;
    if (need <= 0) break;
    const from: TierKeys | null = after && after[0] === tier ? [after[1], after[2], after[3]] : null;
    const rows = (dense ? await scanDense(db, tier, from, subtree, need, share) : null) ?? (await scanSparse(db, tier, from, chapterIds, need));
    picked.push(...rows.map((r) => ({ ...r, tier })));
  }

  const more = picked.length > size;
  const page = picked.slice(0, size);
  const last = page[page.length - 1];
  const cards =
    page.length === 0
      ? []
      : await execRows<SubtreeRow>(
          db,
          sql`
            select ${CARD_COLUMNS}
            from addresses a
            join address_totals t on t.address_id = a.id
            join chapters c on c.id = a.chapter_id
            where a.id = any(string_to_array(${page.map((r) => r.id).join(",")}, ',')::int[])
              and a.status in ${inlineStatuses(PUBLIC_ADDRESS_STATUSES)}`,
        );
  const byId = new Map(cards.map((c) => [Number(c.id), c]));
  return {
    items: page.flatMap((r) => {
      const card = byId.get(Number(r.id));
      return card ? [toAddressCard(card)] : [];
    }),
    nextCursor: more && last ? encodeChapterCursor([last.tier, Number(last.k_urgency), last.k_deadline, Number(last.id)]) : null,
    invalidCursor,
  };
}

