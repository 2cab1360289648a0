import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { execPrepared, execRows, type DbOrTx } from "../../db/client";
import {
  ADDRESS_CATEGORIES,
  LISTED_ADDRESS_STATUSES,
  PUBLIC_ADDRESS_STATUSES,
  type AddressCategory,
  type CampaignKind,
  type NameDisplay,
  type NeedKind,
  type UpdateKind,
} from "../../db/enums";
import { percentOf, toMoney } from "../ledger/money";
import { findPlace, PROVINCES, type PlaceMatch } from "../utils/provinces";
import { foldText, slugify } from "../utils/text";

// The public catalogue: list, search and show public addresses. Reads only.
//
// Every list is a keyset scan over one index (the catalogue indexes in db/schema.ts, migrations
// 0003–0006): the default page, a filtered page and the hundredth page each read about one page
// of rows, and the card's other tables are joined to that page only. Nothing counts all rows.
// Search (title and place names, without diacritics): a search that is exactly a province's or a
// commune's name becomes that place's list; otherwise the matches (GIN index, whole words first)
// are ranked and paged by (rank, id), up to RANK_LIMIT matches; a broader search is sorted by
// urgency instead, with a notice. Hot queries run as prepared statements (planned once).

export type PublicAddressStatus = (typeof PUBLIC_ADDRESS_STATUSES)[number];

export const CATALOGUE_SORTS = ["urgent", "newest", "least_funded", "nearly_funded", "relevance"] as const;
export type CatalogueSort = (typeof CATALOGUE_SORTS)[number];

/** The API's default page. */
export const DEFAULT_PAGE_SIZE = 24;
/**
 * The catalogue page's default: twelve cards, as on a chapter's page. On a phone that is twelve
 * screens of scrolling before "next"; it keeps the page small on a slow connection and its render
 * cheap (the cards are most of it). `?limit=` still asks for up to MAX_PAGE_SIZE.
 */
export const CATALOGUE_PAGE_SIZE = 12;
export const MAX_PAGE_SIZE = 100;
const MAX_QUERY_LENGTH = 200;
const MAX_QUERY_WORDS = 8;
const DONATIONS_SHOWN = 50;

export type NoticeCode =
  | "unknown_category"
  | "unknown_province"
  | "unknown_programme"
  | "unknown_campaign"
  | "unknown_status"
  | "unknown_sort"
  | "relevance_needs_query"
  | "invalid_cursor"
  | "invalid_limit"
  | "query_too_long"
  | "search_too_broad"
  | "query_is_place";

/**
 * Something in the request was ignored or read differently; the page is still served.
 * `message` is English for API users; the UI translates `code`.
 */
export interface CatalogueNotice {
  code: NoticeCode;
  param: string;
  value: string;
  message: string;
}

export interface CatalogueFilters {
  /** The search text as typed (trimmed); null when absent or without any searchable word. */
  q: string | null;
  category: AddressCategory | null;
  /** A current province, or the area of a former one ("Kiên Giang"). */
  place: PlaceMatch | null;
  /** Campaign slugs, checked against the database by listAddresses. */
  programme: string | null;
  campaign: string | null;
  /** Never empty; default published + funded. */
  statuses: PublicAddressStatus[];
}

export interface CatalogueCursor {
  sort: CatalogueSort;
  keys: (string | number)[];
  direction: "next" | "prev";
  /** Include the row at `keys` (used to step back from an empty page). */
  inclusive: boolean;
  /** Relevance only: the search matched its last word as a prefix (no whole-word match). */
  prefix?: boolean;
}

export interface CatalogueQuery {
  filters: CatalogueFilters;
  sort: CatalogueSort;
  cursor: CatalogueCursor | null;
  /** Page size asked for (API `limit`), or null for the default. */
  limit: number | null;
  notices: CatalogueNotice[];
}

export interface AddressCard {
  id: number;
  slug: string;
  title: string;
  summary: string;
  publicAlias: string;
  category: AddressCategory;
  province: string;
  formerProvince: string | null;
  commune: string;
  chapter: { name: string; slug: string };
  verified: boolean;
  cover: { id: number; url: string; alt: string } | null;
  raised: number;
  goal: number;
  /** Whole percent of the goal raised, 0–100. */
  percent: number;
  /** "YYYY-MM-DD" or null; the UI computes the days left. */
  deadline: string | null;
  urgency: number;
  status: PublicAddressStatus;
  /** ISO time. */
  publishedAt: string | null;
}

export interface AddressListPage {
  items: AddressCard[];
  /** Opaque; null on the last page. */
  nextCursor: string | null;
  /** Opaque; null on the first page. */
  prevCursor: string | null;
  /** Parse notices plus those found against the database (unknown programme or campaign). */
  notices: CatalogueNotice[];
  /** The filters and sort actually applied, with display names, for the filter UI. */
  applied: {
    q: string | null;
    sort: CatalogueSort;
    statuses: PublicAddressStatus[];
    category: AddressCategory | null;
    place: { kind: "province" | "former"; name: string; slug: string; province: string } | null;
    programme: { slug: string; title: string } | null;
    campaign: { slug: string; title: string; kind: CampaignKind } | null;
    /** Set when the search text was exactly a commune's name: the list is that commune's. */
    commune: string | null;
  };
}

// ───────────────────────────── parsing ─────────────────────────────

const text = (max: number) => z.string().trim().min(1).max(max);
/** Each parameter's shape; a value that does not fit is dropped with a notice. */
const paramSchemas = {
  q: text(2000),
  category: text(100),
  province: text(100),
  programme: text(200),
  campaign: text(200),
  sort: text(50),
  cursor: text(1000),
  limit: text(20),
} as const;
type Param = keyof typeof paramSchemas;
const paramNotice: Record<Param, NoticeCode> = {
  q: "query_too_long",
  category: "unknown_category",
  province: "unknown_province",
  programme: "unknown_programme",
  campaign: "unknown_campaign",
  sort: "unknown_sort",
  cursor: "invalid_cursor",
  limit: "invalid_limit",
};
const statusParamSchema = z.array(text(100)).max(10);
const categorySchema = z.enum(ADDRESS_CATEGORIES);
const statusSchema = z.enum(PUBLIC_ADDRESS_STATUSES);
const sortSchema = z.enum(CATALOGUE_SORTS);
const limitSchema = z.coerce.number().int().min(1).max(MAX_PAGE_SIZE);
const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,199}$/);

const clip = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);

/** Reads /addresses and /api/v1/addresses query strings. Never throws: what it cannot use becomes a notice. */
export function parseCatalogueQuery(searchParams: URLSearchParams): CatalogueQuery {
  const notices: CatalogueNotice[] = [];
  const notice = (code: NoticeCode, param: string, value: string, message: string) => notices.push({ code, param, value: clip(value), message });
  const param = (name: Param): string | undefined => {
    // A repeated parameter: the first one counts.
    const value = searchParams.get(name);
    if (value === null || value.trim() === "") return undefined;
    const r = paramSchemas[name].safeParse(value);
    if (r.success) return r.data;
    notice(paramNotice[name], name, value, `The ${name} value is too long and was ignored.`);
    return undefined;
  };
  const statusValues = statusParamSchema.safeParse(
    searchParams
      .getAll("status")
      .flatMap((v) => v.split(","))
      .map((v) => v.trim())
      .filter(Boolean),
  );
  if (!statusValues.success) notice("unknown_status", "status", searchParams.getAll("status").join(","), "Too many or too long status values; they were ignored.");

  let q: string | null = null;
  const rawQ = param("q");
  if (rawQ) {
    let value = rawQ;
    if (value.length > MAX_QUERY_LENGTH) {
      notice("query_too_long", "q", value, `Search text was cut to ${MAX_QUERY_LENGTH} characters.`);
      value = value.slice(0, MAX_QUERY_LENGTH);
    }
    q = searchWords(value).length > 0 ? value : null;
  }

  let category: AddressCategory | null = null;
  const rawCategory = param("category");
  if (rawCategory) {
    const c = categorySchema.safeParse(rawCategory.toLowerCase());
    if (c.success) category = c.data;
    else notice("unknown_category", "category", rawCategory, `Unknown category "${clip(rawCategory)}" was ignored.`);
  }

  let place: PlaceMatch | null = null;
  const rawProvince = param("province");
  if (rawProvince) {
    place = findPlace(rawProvince);
    if (!place) notice("unknown_province", "province", rawProvince, `Unknown province "${clip(rawProvince)}" was ignored.`);
  }
  // A search that is exactly a province's name ("Kien Giang") means that place: its index
  // gives the page directly, where a text search would rank thousands of matches.
  if (q && !place) {
    const asPlace = findPlace(q);
    if (asPlace) {
      notice("query_is_place", "q", q, `"${clip(q)}" is a province: showing its addresses.`);
      place = asPlace;
      q = null;
    }
  }

  const slugParam = (name: "programme" | "campaign") => {
    const value = param(name);
    if (!value) return null;
    const s = slugSchema.safeParse(value.toLowerCase());
    if (s.success) return s.data;
    notice(paramNotice[name], name, value, `Unknown ${name} "${clip(value)}" was ignored.`);
    return null;
  };
  const programme = slugParam("programme");
  const campaign = slugParam("campaign");

  const statuses: PublicAddressStatus[] = [];
  for (const value of statusValues.success ? statusValues.data : []) {
    const s = statusSchema.safeParse(value.toLowerCase());
    if (s.success) {
      if (!statuses.includes(s.data)) statuses.push(s.data);
    } else notice("unknown_status", "status", value, `Status "${clip(value)}" is not a public status and was ignored.`);
  }
  if (statuses.length === 0) statuses.push(...LISTED_ADDRESS_STATUSES);
  statuses.sort((a, b) => PUBLIC_ADDRESS_STATUSES.indexOf(a) - PUBLIC_ADDRESS_STATUSES.indexOf(b));

  let sort: CatalogueSort = q ? "relevance" : "urgent";
  let sortChosen = false;
  const rawSort = param("sort");
  if (rawSort) {
    const s = sortSchema.safeParse(rawSort.toLowerCase());
    if (!s.success) notice("unknown_sort", "sort", rawSort, `Unknown sort "${clip(rawSort)}"; sorted by ${sort} instead.`);
    else if (s.data === "relevance" && !q) notice("relevance_needs_query", "sort", rawSort, "Sorting by relevance needs a search text; sorted by urgent instead.");
    else {
      sort = s.data;
      sortChosen = true;
    }
  }

  // A cursor names its sort: without a chosen sort it carries on in that order (a broad search
  // that fell back to urgency pages on by urgency); a cursor of another sort than the chosen one is void.
  let cursor: CatalogueCursor | null = null;
  const rawCursor = param("cursor");
  if (rawCursor) {
    cursor = decodeCursor(rawCursor);
    if (cursor && cursor.sort !== sort && !sortChosen && (cursor.sort !== "relevance" || q)) sort = cursor.sort;
    if (!cursor || cursor.sort !== sort) {
      cursor = null;
      notice("invalid_cursor", "cursor", rawCursor, "The page cursor is not valid for this list; showing the first page.");
    }
  }

  let limit: number | null = null;
  const rawLimit = param("limit");
  if (rawLimit) {
    const l = limitSchema.safeParse(rawLimit);
    if (l.success) limit = l.data;
    else notice("invalid_limit", "limit", rawLimit, `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}; using ${DEFAULT_PAGE_SIZE}.`);
  }

  return { filters: { q, category, place, programme, campaign, statuses }, sort, cursor, limit, notices };
}

/** "Ngư dân, Rạch Giá!" → ["ngu", "dan", "rach", "gia"]: the words of a search, as the index stores them. */
export function searchWords(input: string): string[] {
  const words = foldText(input)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return [...new Set(words)].slice(0, MAX_QUERY_WORDS);
}

/**
 * The words as a tsquery: all whole ("ngu & dan & rach & gia"), or the last one as a prefix
 * ("… & gi:*") for a word still being typed. Words are [a-z0-9] only, so the text always parses.
 */
function toTsquery(words: string[], prefixLast: boolean): string {
  return words.map((w, i) => (prefixLast && i === words.length - 1 ? `${w}:*` : w)).join(" & ");
}

/**
 * Whole words when any public address matches them, else the last word as a prefix. Whole words
 * are cheap to look up; a short prefix ("gia:*" → giang, giao…) unions many posting lists and
 * finds more than was meant. Vietnamese syllables are short, so earlier words are never prefixes.
 */
async function chooseTsquery(db: DbOrTx, words: string[], statuses: readonly PublicAddressStatus[]): Promise<string> {
  const whole = toTsquery(words, false);
  // Common whole words surely match: no need to scan their (long) posting lists to find out.
  const stats = await searchStats(db);
  if (stats && estimateMatches(stats, words, false) >= 100) return whole;
  const [hit] = await execPrepared(db, sql`select 1 from addresses a where a.status in ${statusList(statuses)} and a.search_vector @@ to_tsquery('simple', ${whole}) limit 1`);
  return hit ? whole : toTsquery(words, true);
}

/** What PostgreSQL's statistics say about the search words (refreshed by ANALYZE). */
interface SearchStats {
  /** Estimated public addresses in the default (listed) statuses. */
  listed: number;
  /** Share of addresses whose search vector holds the word, for the most common words. */
  freq: Map<string, number>;
  /** Words not in `freq` are rarer than this. */
  floor: number;
}

const statsCache = new WeakMap<object, { at: number; value: Promise<SearchStats | null> }>();
function searchStats(db: DbOrTx): Promise<SearchStats | null> {
  const hit = statsCache.get(db);
  if (hit && Date.now() - hit.at < 600_000) return hit.value;
  const value = (async () => {
    const [row] = await execRows<{ rows: number | string; vals: string[] | null; freqs: number[] | null; elems: string[] | null; elem_freqs: number[] | null }>(
      db,
      sql`
        select (select reltuples from pg_class where oid = 'public.addresses'::regclass) as rows,
          s.most_common_vals::text::text[] as vals, s.most_common_freqs as freqs,
          v.most_common_elems::text::text[] as elems, v.most_common_elem_freqs as elem_freqs
        from (select 1) one
        left join pg_stats s on s.schemaname = 'public' and s.tablename = 'addresses' and s.attname = 'status'
        left join pg_stats v on v.schemaname = 'public' and v.tablename = 'addresses' and v.attname = 'search_vector'`,
    );
    if (!row?.elems || !row.elem_freqs || !row.vals || !row.freqs || Number(row.rows) <= 0) return null;
    const statusShare = row.vals.reduce((sum, v, i) => sum + ((LISTED_ADDRESS_STATUSES as readonly string[]).includes(v) ? Number(row.freqs![i]) : 0), 0);
    const freq = new Map(row.elems.map((e, i) => [e, Number(row.elem_freqs![i])]));
    // After the per-element frequencies: the minimum and maximum frequency, then the null share.
    const floor = Number(row.elem_freqs[row.elems.length]) || 0;
    return { listed: Number(row.rows) * statusShare, freq, floor };
  })();
  statsCache.set(db, { at: Date.now(), value });
  value.catch(() => statsCache.delete(db));
  return value;
}

/**
 * Roughly how many listed addresses match all the words (independent words assumed), or null
 * without statistics. Only used to skip ranking a search that is plainly too broad: a single GIN
 * scan of two words in every other title ("gia dinh") costs more than a whole page.
 */
function estimateMatches(stats: SearchStats, words: string[], prefixLast: boolean): number {
  let share = 1;
  words.forEach((w, i) => {
    let f: number;
    if (prefixLast && i === words.length - 1) {
      f = 0;
      for (const [e, ef] of stats.freq) if (e.startsWith(w)) f += ef;
      f = Math.min(1, Math.max(f, stats.floor / 2));
    } else f = stats.freq.get(w) ?? stats.floor / 2;
    share *= f;
  });
  return stats.listed * share;
}

/** "Phường Hồng Bàng" → "phuong hong bang" and "hong bang". */
function communeKeys(name: string): string[] {
  const full = foldText(name.replace(/[-–—_.]+/g, " "));
  const bare = full.replace(/^(phuong|xa|dac khu|thi tran|thi xa) /, "");
  return bare === full ? [full] : [full, bare];
}

// Communes that have listed addresses, by folded name: a search that is exactly a commune's name
// becomes that commune's list (an index range), where a text search would rank thousands.
const communeCache = new WeakMap<object, { at: number; value: Promise<Map<string, string[]>> }>();
function listedCommunes(db: DbOrTx): Promise<Map<string, string[]>> {
  const hit = communeCache.get(db);
  if (hit && Date.now() - hit.at < 300_000) return hit.value;
  const value = (async () => {
    // Distinct values by skipping through the (commune, …) index: one probe per commune.
    const rows = await execRows<{ name: string }>(
      db,
      sql`
        with recursive f(name) as (
          (select commune from addresses where status in ${statusList(LISTED_ADDRESS_STATUSES)} order by commune limit 1)
          union all
          select (select commune from addresses where status in ${statusList(LISTED_ADDRESS_STATUSES)} and commune > f.name order by commune limit 1)
          from f where f.name is not null
        )
        select name from f where name is not null`,
    );
    const byKey = new Map<string, string[]>();
    for (const { name } of rows) {
      for (const key of communeKeys(name)) byKey.set(key, [...(byKey.get(key) ?? []), name]);
    }
    return byKey;
  })();
  communeCache.set(db, { at: Date.now(), value });
  value.catch(() => communeCache.delete(db));
  return value;
}

// ───────────────────────────── cursors ─────────────────────────────

const keyInt = z.number().int().min(-2_147_483_648).max(2_147_483_647);
const cursorKeys: Record<CatalogueSort, z.ZodType<(string | number)[]>> = {
  urgent: z.tuple([z.number().int().min(-4).max(-1), z.string().regex(/^(\d{4}-\d{2}-\d{2}|infinity)$/), keyInt]),
  newest: z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/).refine((s) => !Number.isNaN(Date.parse(s))), keyInt]),
  least_funded: z.tuple([z.number().int().min(0).max(1000), keyInt]),
  nearly_funded: z.tuple([z.number().int().min(0).max(1000), keyInt]),
  relevance: z.tuple([z.number().int().min(-1e12).max(0), keyInt]),
};
const cursorSchema = z.object({
  s: sortSchema,
  k: z.array(z.union([z.string(), z.number()])).max(4),
  d: z.enum(["next", "prev"]),
  i: z.literal(1).optional(),
  p: z.literal(1).optional(),
});

export function encodeCursor(cursor: CatalogueCursor): string {
  const body = { s: cursor.sort, k: cursor.keys, d: cursor.direction, ...(cursor.inclusive ? { i: 1 } : {}), ...(cursor.prefix ? { p: 1 } : {}) };
  return Buffer.from(JSON.stringify(body), "utf8").toString("base64url");
}

/** Null when the text is not a cursor this code made. */
export function decodeCursor(value: string): CatalogueCursor | null {
  if (!/^[A-Za-z0-9_-]{1,1000}$/.test(value)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const c = cursorSchema.safeParse(json);
  if (!c.success) return null;
  const keys = cursorKeys[c.data.s].safeParse(c.data.k);
  if (!keys.success) return null;
  return { sort: c.data.s, keys: keys.data, direction: c.data.d, inclusive: c.data.i === 1, ...(c.data.p === 1 ? { prefix: true } : {}) };
}

// ───────────────────────────── listing ─────────────────────────────

interface SortSpec {
  /** The keyset, all in one direction so that `(keys) > (cursor)` is one index range. */
  keys: SQL[];
  descending: boolean;
  /** Cursor values of a row, selected as k0, k1…; integers or text, exact. */
  select: SQL[];
  /** SQL for each decoded cursor value, typed like its key. */
  params: (keys: (string | number)[]) => SQL[];
  /** Drive the scan from address_totals (its funded index) rather than addresses. */
  byFunding?: boolean;
  extraWhere?: SQL;
}

function sortSpec(sort: CatalogueSort): SortSpec {
  switch (sort) {
    case "urgent":
    case "relevance": // only when a broad search fell back to urgency (see rankedPage)
      return {
        keys: [sql`(-a.urgency)`, sql`coalesce(a.deadline, 'infinity'::date)`, sql`a.id`],
        descending: false,
        select: [sql`(-a.urgency)::int`, sql`coalesce(to_char(a.deadline, 'YYYY-MM-DD'), 'infinity')`, sql`a.id`],
        params: ([u, d, id]) => [sql`${u}::int`, sql`${d}::date`, sql`${id}::int`],
      };
    case "newest":
      return {
        keys: [sql`coalesce(a.published_at, a.created_at)`, sql`a.id`],
        descending: true,
        select: [sql`to_char(coalesce(a.published_at, a.created_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, sql`a.id`],
        params: ([at, id]) => [sql`${at}::timestamptz`, sql`${id}::int`],
      };
    case "least_funded":
    case "nearly_funded":
      return {
        keys: [sql`t.funded_permille`, sql`t.address_id`],
        descending: sort === "nearly_funded",
        select: [sql`t.funded_permille`, sql`t.address_id`],
        params: ([p, id]) => [sql`${p}::int`, sql`${id}::int`],
        byFunding: true,
        // "Nearly funded" is about what still needs help: fully funded ones are left out.
        extraWhere: sort === "nearly_funded" ? sql`t.funded_permille < 1000` : undefined,
      };
  }
}

/** Enum values are inlined (validated above), never bound: partial-index predicates must match at plan time. */
function statusList(statuses: readonly PublicAddressStatus[]): SQL {
  for (const s of statuses) if (!PUBLIC_ADDRESS_STATUSES.includes(s)) throw new Error(`not a public status: ${s}`);
  return sql.raw(`(${statuses.map((s) => `'${s}'`).join(", ")})`);
}

interface CampaignRef {
  id: number;
  slug: string;
  title: string;
  kind: CampaignKind;
}

async function findCampaign(db: DbOrTx, slug: string): Promise<CampaignRef | null> {
  const [row] = await execPrepared<{ id: number; slug: string; title: string; kind: CampaignKind }>(
    db,
    sql`select id, slug, title, kind from campaigns where slug = ${slug} and status <> 'draft'`,
  );
  return row ? { id: Number(row.id), slug: row.slug, title: row.title, kind: row.kind } : null;
}

/** One card as the catalogue queries select it (also used by the chapter pages). */
export interface CardRow {
  id: number;
  slug: string;
  title: string;
  summary: string;
  public_alias: string;
  category: AddressCategory;
  province: string;
  former_province: string | null;
  commune: string;
  urgency: number;
  status: PublicAddressStatus;
  deadline: string | null;
  published_at: string | Date | null;
  verified: boolean;
  chapter_name: string;
  chapter_slug: string;
  raised: string | number;
  goal: string | number;
  cover_id: number | null;
  cover_alt: string | null;
  k0: string | number;
  k1: string | number;
  k2?: string | number;
}

/** The address's cover photo and its alt text, when public and its consent (if any) still stands. */
const PUBLIC_COVER = sql`from media m left join consents cs on cs.id = m.consent_id
    where m.id = a.cover_media_id and m.is_public and cs.withdrawn_at is null`;
const COVER_COLUMNS = sql`(select m.id ${PUBLIC_COVER}) as cover_id, (select m.alt ${PUBLIC_COVER}) as cover_alt`;

export const CARD_COLUMNS = sql`
  a.id, a.slug, a.title, a.summary, a.public_alias, a.category, a.province, a.former_province, a.commune,
  a.urgency, a.status, to_char(a.deadline, 'YYYY-MM-DD') as deadline,
  to_char(a.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as published_at,
  a.verified_at is not null as verified,
  c.name as chapter_name, c.slug as chapter_slug,
  t.raised::text as raised, t.goal::text as goal,
  ${COVER_COLUMNS}`;

/** Relevance ranks every match; beyond this many, a search is sorted by urgency instead. */
export const RANK_LIMIT = 1000;

/**
 * A page of search results by relevance: the matches (at most RANK_LIMIT + 1, found through the
 * GIN index) ranked by ts_rank, then paged by (−rank, id). Null on a first page with more
 * matches than RANK_LIMIT: ranking them all would read too many rows for one page. ts_rank, not
 * ts_rank_cd: every match holds every word, in a title or a place name of a few words, so word
 * proximity adds little, and the title's weight (A) over the places' (B) is what orders them;
 * measured at national size, ts_rank_cd cost 40 % more per search.
 */
async function rankedPage(db: DbOrTx, where: SQL[], tsquery: string, cursor: CatalogueCursor | null, limit: number, rankLimit: number): Promise<CardRow[] | null> {
  const backwards = cursor?.direction === "prev";
  const keyset = cursor
    ? sql`and (k0, k1) ${sql.raw(backwards ? (cursor.inclusive ? "<=" : "<") : cursor.inclusive ? ">=" : ">")} (${cursor.keys[0]}::bigint, ${cursor.keys[1]}::int)`
    : sql``;
  const dir = sql.raw(backwards ? "desc" : "asc");
  const rows = await execPrepared<CardRow & { matches: string | number }>(
    db,
    sql`
      with m as materialized (
        select a.id as k1, (-round(ts_rank(a.search_vector, to_tsquery('simple', ${tsquery})) * 1000000))::bigint as k0
        from addresses a
        where ${sql.join(where, sql` and `)}
        limit ${sql.raw(String(rankLimit + 1))}
      ),
      page as (
        select k0, k1 from m where true ${keyset}
        order by k0 ${dir}, k1 ${dir}
        limit ${sql.raw(String(limit + 1))}
      )
      select ${CARD_COLUMNS}, page.k0, page.k1, (select count(*) from m) as matches
      from page
      join addresses a on a.id = page.k1
      join address_totals t on t.address_id = a.id
      join chapters c on c.id = a.chapter_id
      order by page.k0 ${dir}, page.k1 ${dir}`,
  );
  if (!cursor && rows.length > 0 && Number(rows[0].matches) > rankLimit) return null;
  return rows;
}

/**
 * One page of public addresses. `limit` defaults to the query's, else DEFAULT_PAGE_SIZE.
 * Reads limit + 1 rows by keyset; never counts.
 */
export async function listAddresses(db: DbOrTx, query: CatalogueQuery, options: { limit?: number; rankLimit?: number } = {}): Promise<AddressListPage> {
  const limit = Math.max(1, Math.min(MAX_PAGE_SIZE, options.limit ?? query.limit ?? DEFAULT_PAGE_SIZE));
  const notices = [...query.notices];
  const { filters } = query;

  // What the rows must be, whatever the order.
  const where: SQL[] = [sql`a.status in ${statusList(filters.statuses)}`];
  let words = filters.q ? searchWords(filters.q) : [];
  let querySort = query.sort;
  let commune: string | null = null;
  if (words.length > 0 && !filters.place) {
    const names = (await listedCommunes(db)).get(foldText(filters.q!.replace(/[-–—_.]+/g, " ")));
    // Only an unambiguous name: "Xã X" and "Phường X" in two provinces stay a text search.
    if (names?.length === 1) {
      commune = names[0];
      words = [];
      if (querySort === "relevance") querySort = "urgent";
      notices.push({ code: "query_is_place", param: "q", value: clip(filters.q!), message: `"${clip(filters.q!)}" is a commune: showing its addresses.` });
      where.push(sql`a.commune = ${commune}`);
    }
  }
  const hasWords = words.length > 0;
  const matches = (tsq: string) => sql`a.search_vector @@ to_tsquery('simple', ${tsq})`;
  if (filters.category) where.push(sql`a.category = ${filters.category}`);
  if (filters.place?.kind === "province") where.push(sql`a.province = ${filters.place.province.name}`);
  if (filters.place?.kind === "former") where.push(sql`a.former_province = ${filters.place.name}`);

  let programme: CampaignRef | null = null;
  if (filters.programme) {
    programme = await findCampaign(db, filters.programme);
    if (programme?.kind !== "programme") {
      programme = null;
      notices.push({ code: "unknown_programme", param: "programme", value: filters.programme, message: `Unknown programme "${filters.programme}" was ignored.` });
    } else where.push(sql`a.programme_id = ${programme.id}`);
  }
  let campaign: CampaignRef | null = null;
  if (filters.campaign) {
    campaign = await findCampaign(db, filters.campaign);
    if (!campaign) {
      notices.push({ code: "unknown_campaign", param: "campaign", value: filters.campaign, message: `Unknown campaign "${filters.campaign}" was ignored.` });
    } else if (campaign.kind === "programme") {
      // A programme is linked through addresses.programme_id, not address_campaigns.
      where.push(sql`a.programme_id = ${campaign.id}`);
    } else {
      where.push(sql`exists (select 1 from address_campaigns ac where ac.address_id = a.id and ac.campaign_id = ${campaign.id})`);
    }
  }

  let sort: CatalogueSort = querySort === "relevance" && !hasWords ? "urgent" : querySort;
  let cursor = query.cursor && query.cursor.sort === sort ? query.cursor : null;
  let rows: CardRow[] | null = null;
  let tsquery: string | null = null;
  let prefix = false;
  if (sort === "relevance") {
    // Whole words first; on a first page that finds nothing, the last word as a prefix (the
    // cursor remembers which, so that every page searches alike).
    const rankLimit = options.rankLimit ?? RANK_LIMIT;
    prefix = cursor?.prefix === true;
    tsquery = toTsquery(words, prefix);
    const stats = cursor ? null : await searchStats(db);
    // Plainly too broad by the statistics (estimates run low for words that go together): straight to urgency.
    rows = stats && estimateMatches(stats, words, false) > 3 * rankLimit ? null : await rankedPage(db, [...where, matches(tsquery)], tsquery, cursor, limit, rankLimit);
    if (!cursor && !prefix && rows?.length === 0) {
      prefix = true;
      tsquery = toTsquery(words, true);
      rows = await rankedPage(db, [...where, matches(tsquery)], tsquery, cursor, limit, rankLimit);
    }
    if (rows === null) {
      // Too many matches to rank them all on every page: the default order instead, said plainly.
      notices.push({
        code: "search_too_broad",
        param: "q",
        value: clip(filters.q ?? ""),
        message: `More than ${rankLimit.toLocaleString("en-US")} addresses match; they are sorted by urgency. Add a word or a filter to sort by relevance.`,
      });
      sort = "urgent";
      cursor = null;
    }
  }
  const spec = sortSpec(sort);
  const backwards = cursor?.direction === "prev";
  if (rows === null) {
    if (hasWords) {
      tsquery ??= await chooseTsquery(db, words, filters.statuses);
      where.push(matches(tsquery));
    }
    if (spec.byFunding) where.push(sql`t.address_status in ${statusList(filters.statuses)}`);
    if (spec.extraWhere) where.push(spec.extraWhere);
    // Scan order: the sort's own direction, reversed when paging back.
    const scanDescending = spec.descending !== backwards;
    if (cursor) {
      const op = scanDescending ? (cursor.inclusive ? "<=" : "<") : cursor.inclusive ? ">=" : ">";
      where.push(sql`(${sql.join(spec.keys, sql`, `)}) ${sql.raw(op)} (${sql.join(spec.params(cursor.keys), sql`, `)})`);
    }
    const dir = sql.raw(scanDescending ? "desc" : "asc");
    // The limit is inlined (a checked integer): with a bound LIMIT, a generic plan of a prepared
    // statement cannot tell that a short ordered index scan beats reading every match and sorting.
    // Order and limit first, on the sort keys alone; the card's other tables join the page only.
    // Urgency and date orders with equality filters have one good plan whatever the values:
    // planned once (generic plan). "% funded" within a filter and word matches are planned for
    // their values (see execPrepared).
    rows = await execPrepared<CardRow>(
      db,
      sql`
        select ${CARD_COLUMNS}, k.k0, k.k1${spec.select.length > 2 ? sql`, k.k2` : sql``}
        from (
          select a.id, ${sql.join(
            spec.select.map((k, i) => sql`${k} as ${sql.raw(`k${i}`)}`),
            sql`, `,
          )}
          from ${spec.byFunding ? sql`address_totals t join addresses a on a.id = t.address_id` : sql`addresses a`}
          where ${sql.join(where, sql` and `)}
          order by ${sql.join(
            spec.keys.map((k) => sql`${k} ${dir}`),
            sql`, `,
          )}
          limit ${sql.raw(String(limit + 1))}
        ) k
        join addresses a on a.id = k.id
        join address_totals t on t.address_id = a.id
        join chapters c on c.id = a.chapter_id
        order by ${sql.join(
          spec.keys.map((k) => sql`${k} ${dir}`),
          sql`, `,
        )}`,
      { genericPlan: !spec.byFunding && !hasWords },
    );
  }

  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (backwards) page.reverse();
  const keysOf = (row: CardRow) => [row.k0, row.k1, ...(row.k2 !== undefined ? [row.k2] : [])].map((k) => (typeof k === "string" && /^-?\d+$/.test(k) ? Number(k) : k));
  const cursorFor = (row: CardRow, direction: "next" | "prev") =>
    encodeCursor({ sort, keys: keysOf(row), direction, inclusive: false, ...(sort === "relevance" && prefix ? { prefix: true } : {}) });

  let nextCursor: string | null = null;
  let prevCursor: string | null = null;
  if (page.length > 0) {
    const firstRow = page[0];
    const lastRow = page[page.length - 1];
    if (backwards) {
      nextCursor = cursorFor(lastRow, "next");
      prevCursor = more ? cursorFor(firstRow, "prev") : null;
    } else {
      nextCursor = more ? cursorFor(lastRow, "next") : null;
      prevCursor = cursor ? cursorFor(firstRow, "prev") : null;
    }
  } else if (cursor && !backwards) {
    // Past the end (rows went away): step back to the rows before, including the cursor's own.
    prevCursor = encodeCursor({ sort, keys: cursor.keys, direction: "prev", inclusive: true, ...(cursor.prefix ? { prefix: true } : {}) });
  }

  return {
    items: page.map(toAddressCard),
    nextCursor,
    prevCursor,
    notices,
    applied: {
      q: hasWords ? filters.q : null,
      sort,
      statuses: filters.statuses,
      category: filters.category,
      place: filters.place
        ? filters.place.kind === "province"
          ? { kind: "province", name: filters.place.province.name, slug: filters.place.province.slug, province: filters.place.province.name }
          : { kind: "former", name: filters.place.name, slug: filters.place.slug, province: filters.place.province.name }
        : null,
      programme: programme ? { slug: programme.slug, title: programme.title } : null,
      campaign: campaign ? { slug: campaign.slug, title: campaign.title, kind: campaign.kind } : null,
      commune,
    },
  };
}

/** A selected card row as the page and the API show it (also used by the chapter pages). */
export function toAddressCard(row: Omit<CardRow, "k0" | "k1" | "k2">): AddressCard {
  const raised = toMoney(row.raised);
  const goal = toMoney(row.goal);
  const coverId = row.cover_id === null ? null : Number(row.cover_id);
  return {
    id: Number(row.id),
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    publicAlias: row.public_alias,
    category: row.category,
    province: row.province,
    formerProvince: row.former_province,
    commune: row.commune,
    chapter: { name: row.chapter_name, slug: row.chapter_slug },
    verified: Boolean(row.verified),
    cover: coverId === null ? null : { id: coverId, url: mediaPath(coverId), alt: row.cover_alt ?? "" },
    raised,
    goal,
    percent: percentOf(raised, goal),
    deadline: row.deadline,
    urgency: Number(row.urgency),
    status: row.status,
    publishedAt: typeof row.published_at === "string" && row.published_at.endsWith("Z") ? row.published_at : isoOrNull(row.published_at),
  };
}

const mediaPath = (id: number) => `/media/${id}`;

/** The fields of an AddressCard that a card shows; everything else stays on the server. */
const CARD_FIELDS = [
  "slug",
  "title",
  "publicAlias",
  "category",
  "province",
  "formerProvince",
  "commune",
  "verified",
  "raised",
  "goal",
  "percent",
  "deadline",
  "urgency",
  "status",
] as const satisfies readonly (keyof AddressCard)[];

/** What a card shows, and all that a page sends of each address for it. */
export type AddressCardData = Pick<AddressCard, (typeof CARD_FIELDS)[number]> & {
  /** The cover photo with its alt text (empty alt: the card says whose photo it is). */
  cover: { url: string; alt: string } | null;
};

/**
 * What a page sends for a list of cards: the fields a card shows and nothing else (the loader
 * data is repeated in the HTML for hydration).
 */
export function toCards(items: readonly AddressCard[]): AddressCardData[] {
  return items.map((a) => ({
    ...(Object.fromEntries(CARD_FIELDS.map((field) => [field, a[field]])) as Pick<AddressCard, (typeof CARD_FIELDS)[number]>),
    cover: a.cover ? { url: a.cover.url, alt: a.cover.alt } : null,
  }));
}

function isoOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const d = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

// ───────────────────────────── one address ─────────────────────────────

export interface PublicNeed {
  id: number;
  title: string;
  kind: NeedKind;
  quantity: number;
  unit: string;
  unitCost: number;
  amount: number;
  funded: number;
  disbursed: number;
  fulfilledQuantity: number;
  isFunded: boolean;
  isFulfilled: boolean;
}

export interface PublicDonation {
  /** As the donor chose: the full name, initials ("N.V.A.") or null when anonymous. */
  displayName: string | null;
  anonymous: boolean;
  nameDisplay: NameDisplay;
  amount: number;
  inKind: boolean;
  /** ISO time. */
  at: string | null;
}

export interface PublicAddressDetail extends AddressCard {
  story: string;
  householdSize: number | null;
  fundedAt: string | null;
  completedAt: string | null;
  closedAt: string | null;
  chapter: { name: string; slug: string; level: string; province: string | null };
  programme: { slug: string; title: string } | null;
  campaigns: { slug: string; title: string; kind: CampaignKind }[];
  photos: { id: number; url: string; alt: string; width: number; height: number }[];
  needs: PublicNeed[];
  totals: { raised: number; disbursed: number; fees: number; balance: number; goal: number; percent: number; gifts: number; lastGiftAt: string | null };
  updates: { id: number; kind: UpdateKind; title: string; publishedAt: string | null }[];
  disbursements: { id: number; amount: number; kind: NeedKind; quantity: number | null; spentOn: string; payeePublic: string; need: { id: number; title: string } | null }[];
  /** The latest gifts (at most 50); `totals.gifts` is how many there are. */
  donations: PublicDonation[];
  verification: {
    verified: boolean;
    chapter: { name: string; slug: string } | null;
    verifiedAt: string | null;
    reverifyDueAt: string | null;
    /** The re-verification date has passed: the page warns. */
    overdue: boolean;
  };
}

interface DetailRow extends Omit<CardRow, "k0" | "k1" | "k2"> {
  story: string;
  household_size: number | null;
  funded_at: string | Date | null;
  completed_at: string | Date | null;
  closed_at: string | Date | null;
  chapter_level: string;
  chapter_province: string | null;
  disbursed: string | number;
  fees: string | number;
  gifts: number;
  last_gift_at: string | Date | null;
  verified_at: string | Date | null;
  reverify_due_at: string | Date | null;
  overdue: boolean;
  verifier_chapter: { name: string; slug: string } | null;
  programme: { slug: string; title: string } | null;
  campaigns: { slug: string; title: string; kind: CampaignKind }[] | null;
  photos: { id: number; alt: string; width: number; height: number }[] | null;
  needs:
    | { id: number; title: string; kind: NeedKind; quantity: number; unit: string; unit_cost: number; amount: number; funded: number; disbursed: number; fulfilled_quantity: number }[]
    | null;
  updates: { id: number; kind: UpdateKind; title: string; published_at: string }[] | null;
  disbursement_list: { id: number; amount: number; kind: NeedKind; quantity: number | null; spent_on: string; payee_public: string; need_id: number | null; need_title: string | null }[] | null;
  donations: { donor_name: string; name_display: NameDisplay; amount: number; in_kind: boolean; at: string | null }[] | null;
}

/** One public address (published, funded, completed or closed) with everything its page shows; null otherwise. */
export async function getPublicAddress(db: DbOrTx, slug: string): Promise<PublicAddressDetail | null> {
  if (!slug || slug.length > 200) return null;
  // One round trip: the lists come back as JSON arrays (bigint amounts are JSON numbers, within 2^53).
  const [row] = await execPrepared<DetailRow>(
    db,
    sql`
      select a.id, a.slug, a.title, a.summary, a.story, a.public_alias, a.category, a.province, a.former_province, a.commune,
        a.urgency, a.status, to_char(a.deadline, 'YYYY-MM-DD') as deadline, a.household_size,
        a.published_at, a.funded_at, a.completed_at, a.closed_at,
        a.verified_at is not null as verified, a.verified_at, a.reverify_due_at,
        coalesce(a.reverify_due_at < now(), false) as overdue,
        c.name as chapter_name, c.slug as chapter_slug, c.level::text as chapter_level, c.province as chapter_province,
        t.raised::text as raised, t.goal::text as goal, t.disbursed::text as disbursed, t.fees::text as fees, t.gifts, t.last_gift_at,
        ${COVER_COLUMNS},
        (select json_build_object('name', vc.name, 'slug', vc.slug) from chapters vc where vc.id = a.verified_chapter_id) as verifier_chapter,
        (select json_build_object('slug', p.slug, 'title', p.title) from campaigns p where p.id = a.programme_id and p.status <> 'draft') as programme,
        (select json_agg(json_build_object('slug', cp.slug, 'title', cp.title, 'kind', cp.kind) order by cp.starts_on desc nulls last, cp.id)
          from address_campaigns ac join campaigns cp on cp.id = ac.campaign_id
          where ac.address_id = a.id and cp.status <> 'draft') as campaigns,
        (select json_agg(json_build_object('id', m.id, 'alt', m.alt, 'width', m.width, 'height', m.height) order by m.sort_order, m.id)
          from media m left join consents cs on cs.id = m.consent_id
          where m.address_id = a.id and m.kind = 'photo' and m.is_public and cs.withdrawn_at is null) as photos,
        (select json_agg(json_build_object('id', n.id, 'title', n.title, 'kind', n.kind, 'quantity', n.quantity, 'unit', n.unit,
            'unit_cost', n.unit_cost, 'amount', n.amount, 'funded', coalesce(nt.funded, 0), 'disbursed', coalesce(nt.disbursed, 0),
            'fulfilled_quantity', n.fulfilled_quantity) order by n.sort_order, n.id)
          from needs n left join need_totals nt on nt.need_id = n.id where n.address_id = a.id) as needs,
        (select json_agg(json_build_object('id', u.id, 'kind', u.kind, 'title', u.title, 'published_at', u.published_at) order by u.published_at desc, u.id desc)
          from updates u where u.address_id = a.id) as updates,
        (select json_agg(json_build_object('id', d.id, 'amount', d.amount, 'kind', d.kind, 'quantity', d.quantity, 'spent_on', d.spent_on,
            'payee_public', d.payee_public, 'need_id', d.need_id, 'need_title', dn.title) order by d.spent_on desc, d.id desc)
          from disbursements d left join needs dn on dn.id = d.need_id
          where d.address_id = a.id and d.status = 'approved') as disbursement_list,
        (select json_agg(x order by x.at desc nulls last, x.id desc) from (
            select p.id, p.donor_name, p.name_display, p.received_amount - p.refunded_amount as amount,
              p.method = 'in_kind' as in_kind, coalesce(p.paid_at, p.created_at) as at
            from pledges p
            where p.address_id = a.id and p.status in ('paid', 'partially_refunded') and p.received_amount > p.refunded_amount
            order by coalesce(p.paid_at, p.created_at) desc, p.id desc
            limit ${sql.raw(String(DONATIONS_SHOWN))}) x) as donations
      from addresses a
      join address_totals t on t.address_id = a.id
      join chapters c on c.id = a.chapter_id
      where a.slug = ${slug} and a.status in ${statusList(PUBLIC_ADDRESS_STATUSES)}`,
  );
  if (!row) return null;

  const card = toAddressCard(row);
  const raised = card.raised;
  const disbursed = toMoney(row.disbursed);
  const fees = toMoney(row.fees);
  return {
    ...card,
    story: row.story,
    householdSize: row.household_size === null ? null : Number(row.household_size),
    fundedAt: isoOrNull(row.funded_at),
    completedAt: isoOrNull(row.completed_at),
    closedAt: isoOrNull(row.closed_at),
    chapter: { name: row.chapter_name, slug: row.chapter_slug, level: row.chapter_level, province: row.chapter_province },
    programme: row.programme,
    campaigns: row.campaigns ?? [],
    photos: (row.photos ?? []).map((m) => ({ id: m.id, url: mediaPath(m.id), alt: m.alt, width: m.width, height: m.height })),
    needs: (row.needs ?? []).map((n) => {
      const funded = toMoney(n.funded);
      return {
        id: n.id,
        title: n.title,
        kind: n.kind,
        quantity: n.quantity,
        unit: n.unit,
        unitCost: toMoney(n.unit_cost),
        amount: toMoney(n.amount),
        funded,
        disbursed: toMoney(n.disbursed),
        fulfilledQuantity: n.fulfilled_quantity,
        isFunded: funded >= toMoney(n.amount),
        isFulfilled: n.fulfilled_quantity >= n.quantity,
      };
    }),
    totals: {
      raised,
      disbursed,
      fees,
      balance: raised - disbursed - fees,
      goal: card.goal,
      percent: card.percent,
      gifts: Number(row.gifts),
      lastGiftAt: isoOrNull(row.last_gift_at),
    },
    updates: (row.updates ?? []).map((u) => ({ id: u.id, kind: u.kind, title: u.title, publishedAt: isoOrNull(u.published_at) })),
    disbursements: (row.disbursement_list ?? []).map((d) => ({
      id: d.id,
      amount: toMoney(d.amount),
      kind: d.kind,
      quantity: d.quantity,
      spentOn: d.spent_on,
      payeePublic: d.payee_public,
      need: d.need_id === null ? null : { id: d.need_id, title: d.need_title ?? "" },
    })),
    donations: (row.donations ?? []).map((d) => ({
      displayName: donorDisplayName(d.donor_name, d.name_display),
      anonymous: d.name_display === "anonymous",
      nameDisplay: d.name_display,
      amount: toMoney(d.amount),
      inKind: Boolean(d.in_kind),
      at: isoOrNull(d.at),
    })),
    verification: {
      verified: card.verified,
      chapter: row.verifier_chapter,
      verifiedAt: isoOrNull(row.verified_at),
      reverifyDueAt: isoOrNull(row.reverify_due_at),
      overdue: Boolean(row.overdue),
    },
  };
}

/** What the public sees of a donor: the name, "N.V.A." or nothing, as the donor chose. */
export function donorDisplayName(name: string, display: NameDisplay): string | null {
  if (display === "anonymous") return null;
  if (display === "full") return name.trim() || null;
  return initials(name);
}

/** "Nguyễn Văn An" → "N.V.A."; "Đỗ Thị Ánh" → "Đ.T.A." (tone marks dropped, Đ kept). */
export function initials(name: string): string | null {
  const letters = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .split(/[\s.,-]+/)
    .map((w) => w.match(/\p{L}|\p{N}/u)?.[0])
    .filter((c): c is string => Boolean(c));
  return letters.length ? letters.map((c) => `${c.toLocaleUpperCase("vi")}.`).join("") : null;
}

// ───────────────────────────── filter options ─────────────────────────────

export interface FilterOptions {
  categories: AddressCategory[];
  statuses: { value: PublicAddressStatus; listedByDefault: boolean }[];
  sorts: CatalogueSort[];
  provinces: { name: string; slug: string; former: { name: string; slug: string; hasAddresses: boolean }[] }[];
  programmes: { slug: string; title: string }[];
  campaigns: { slug: string; title: string; kind: CampaignKind; endsOn: string | null }[];
}

// The filter bar is on every catalogue page and changes rarely: kept a minute per database handle.
const optionsCache = new WeakMap<object, { at: number; value: Promise<FilterOptions> }>();

/**
 * Everything the filter bar offers. Former provinces are flagged when listed addresses carry them.
 * Cached for `maxAgeMs` (default 60 s) per database handle; 0 reads afresh.
 */
export function listFilterOptions(db: DbOrTx, options: { maxAgeMs?: number } = {}): Promise<FilterOptions> {
  const maxAge = options.maxAgeMs ?? 60_000;
  const hit = optionsCache.get(db);
  if (hit && Date.now() - hit.at < maxAge) return hit.value;
  const value = readFilterOptions(db);
  optionsCache.set(db, { at: Date.now(), value });
  value.catch(() => optionsCache.delete(db));
  return value;
}

async function readFilterOptions(db: DbOrTx): Promise<FilterOptions> {
  // Distinct former provinces by skipping through the (former_province, …) index: one probe per name.
  const formers = await execRows<{ name: string }>(
    db,
    sql`
      with recursive f(name) as (
        (select former_province from addresses
          where status in ${statusList(LISTED_ADDRESS_STATUSES)} and former_province is not null
          order by former_province limit 1)
        union all
        select (select former_province from addresses
                where status in ${statusList(LISTED_ADDRESS_STATUSES)} and former_province > f.name
                order by former_province limit 1)
        from f where f.name is not null
      )
      select name from f where name is not null`,
  );
  const present = new Set(formers.map((f) => f.name));
  const campaigns = await execRows<{ slug: string; title: string; kind: CampaignKind; ends_on: string | null }>(
    db,
    sql`select slug, title, kind, to_char(ends_on, 'YYYY-MM-DD') as ends_on from campaigns
        where (kind = 'programme' and status <> 'draft') or (kind <> 'programme' and status = 'active')
        order by kind = 'programme' desc, starts_on desc nulls last, title`,
  );
  return {
    categories: [...ADDRESS_CATEGORIES],
    statuses: PUBLIC_ADDRESS_STATUSES.map((value) => ({ value, listedByDefault: (LISTED_ADDRESS_STATUSES as readonly string[]).includes(value) })),
    sorts: ["urgent", "newest", "least_funded", "nearly_funded"],
    provinces: PROVINCES.map((p) => ({
      name: p.name,
      slug: p.slug,
      former: p.former.map((name) => ({ name, slug: slugify(name), hasAddresses: present.has(name) })),
    })),
    programmes: campaigns.filter((c) => c.kind === "programme").map((c) => ({ slug: c.slug, title: c.title })),
    campaigns: campaigns.filter((c) => c.kind !== "programme").map((c) => ({ slug: c.slug, title: c.title, kind: c.kind, endsOn: c.ends_on })),
  };
}
