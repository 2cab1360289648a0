import { sql } from "drizzle-orm";
import { z } from "zod";
import { execRows, type DbOrTx } from "../../db/client";
import { LISTED_ADDRESS_STATUSES, PUBLIC_ADDRESS_STATUSES, type CampaignKind } from "../../db/enums";
import { percentOf, toMoney } from "../ledger/money";
import { listAddresses, type AddressCard, type CatalogueQuery } from "./catalogue.server";
import { isKeyDate, toBankAccount, type BankAccount } from "./chapter.server";
import { computeCampaignFigures, getRollup, type RollupFigures } from "./stats.server";

// Public campaign pages: the national programmes, Tháng Nhân đạo, Tết Nhân ái, appeals and
// anniversaries. Drafts are not public. Figures come from stats_rollups "campaign:<id>" (kept by
// refreshStats), or from one aggregate query before the first refresh. Reads only.

export type PublicCampaignStatus = "active" | "ended";

export interface CampaignSummary {
  id: number;
  slug: string;
  kind: CampaignKind;
  status: PublicCampaignStatus;
  title: string;
  summary: string;
  /** "YYYY-MM-DD" calendar dates. */
  startsOn: string | null;
  endsOn: string | null;
  goal: number | null;
  /** Null in a list before the first stats refresh (a list never sums addresses on a page view). */
  raised: number | null;
  /** Whole percent of the goal, 0–100; 0 without a goal or figures. */
  percent: number;
  organiser: { slug: string; name: string };
  cover: { id: number; url: string; alt: string } | null;
}

export interface CampaignDetail extends CampaignSummary {
  raised: number;
  /** Markdown, as written by staff: render with renderMarkdown. */
  description: string;
  /** The campaign's own account (it wins over the organiser's for transfers); null when it has none. */
  account: BankAccount | null;
  figures: RollupFigures;
}

export interface CampaignRow {
  id: number;
  slug: string;
  kind: CampaignKind;
  status: PublicCampaignStatus;
  title: string;
  summary: string;
  description?: string;
  starts_on: string | null;
  ends_on: string | null;
  goal: string | number | null;
  organiser_slug: string;
  organiser_name: string;
  cover_id: number | null;
  cover_alt: string | null;
  bank_bin?: string | null;
  bank_account_number?: string | null;
  bank_account_name?: string | null;
  raised?: string | number | null;
}

const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,199}$/);

export const SELECT_SUMMARY = sql`c.id, c.slug, c.kind, c.status, c.title, c.summary,
  to_char(c.starts_on, 'YYYY-MM-DD') as starts_on, to_char(c.ends_on, 'YYYY-MM-DD') as ends_on, c.goal::text as goal,
  o.slug as organiser_slug, o.name as organiser_name,
  m.id as cover_id, m.alt as cover_alt`;
// A cover is shown only when public and its consent (if any) still stands.
export const JOIN_SUMMARY = sql`join chapters o on o.id = c.organiser_chapter_id
  left join media m on m.id = c.cover_media_id and m.is_public
    and not exists (select 1 from consents cs where cs.id = m.consent_id and cs.withdrawn_at is not null)`;

export function toSummary(row: CampaignRow, raised: number | null): CampaignSummary {
  const goal = row.goal === null ? null : toMoney(row.goal);
  const coverId = row.cover_id === null ? null : Number(row.cover_id);
  return {
    id: Number(row.id),
    slug: row.slug,
    kind: row.kind,
    status: row.status,
    title: row.title,
    summary: row.summary,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    goal,
    raised,
    percent: goal === null || raised === null ? 0 : percentOf(raised, goal),
    organiser: { slug: row.organiser_slug, name: row.organiser_name },
    cover: coverId === null ? null : { id: coverId, url: `/media/${coverId}`, alt: row.cover_alt ?? "" },
  };
}

/**
 * One public campaign (active or ended) with its figures; null for an unknown slug or a draft.
 * Figures are the stored rollup; before the first refresh they are summed now, for this one campaign.
 */
export async function getCampaign(db: DbOrTx, { slug }: { slug: string }): Promise<CampaignDetail | null> {
  if (!slugSchema.safeParse(slug).success) return null;
  const [row] = await execRows<CampaignRow>(
    db,
    sql`select ${SELECT_SUMMARY}, c.description, c.bank_bin, c.bank_account_number, c.bank_account_name
        from campaigns c ${JOIN_SUMMARY}
        where c.slug = ${slug} and c.status <> 'draft'`,
  );
  if (!row) return null;
  const id = Number(row.id);
  const figures = (await getRollup(db, { scope: `campaign:${id}` })) ?? (await computeCampaignFigures(db, { campaignId: id }));
  return {
    ...toSummary(row, figures.raised),
    raised: figures.raised,
    description: row.description ?? "",
    account: toBankAccount(row.bank_bin ?? null, row.bank_account_number ?? null, row.bank_account_name ?? null),
    figures,
  };
}

export const ENDED_PAGE_SIZE = 24;
const MAX_ACTIVE = 100;

const endedCursorSchema = z.tuple([z.string().refine((v) => isKeyDate(v, "-infinity")), z.number().int().min(1).max(2_147_483_647)]);

function encodeEndedCursor(keys: z.infer<typeof endedCursorSchema>): string {
  return Buffer.from(JSON.stringify(keys), "utf8").toString("base64url");
}

function decodeEndedCursor(value: string): z.infer<typeof endedCursorSchema> | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(value)) return null;
  try {
    const parsed = endedCursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface CampaignList {
  /** Active campaigns: programmes first, then the newest. */
  active: CampaignSummary[];
  /** Ended campaigns, latest end first, a page at a time. */
  ended: CampaignSummary[];
  /** Opaque; null when no more ended campaigns. */
  nextEndedCursor: string | null;
  invalidCursor: boolean;
}

/**
 * /campaigns: active campaigns (few at any time; at most 100), then a keyset page of ended ones.
 * `endedCursor` pages the ended list; the active list is shown on the first page only.
 */
export async function listCampaigns(db: DbOrTx, { endedCursor }: { endedCursor?: string | null } = {}): Promise<CampaignList> {
  const after = endedCursor ? decodeEndedCursor(endedCursor) : null;
  const invalidCursor = Boolean(endedCursor) && !after;
  const endKey = sql`coalesce(c.ends_on, '-infinity'::date)`;
  // Raised from the rollups: a list never sums every campaign's addresses on a page view.
  const raised = sql`(select r.raised::text from stats_rollups r where r.scope = 'campaign:' || c.id) as raised`;
  const active = after
    ? []
    : await execRows<CampaignRow>(
        db,
        sql`select ${SELECT_SUMMARY}, ${raised}
            from campaigns c ${JOIN_SUMMARY}
            where c.status = 'active'
            order by c.kind = 'programme' desc, c.starts_on desc nulls last, c.id desc
            limit ${MAX_ACTIVE}`,
      );
  const ended = await execRows<CampaignRow & { end_key: string }>(
    db,
    sql`select ${SELECT_SUMMARY}, ${raised}, to_char(${endKey}, 'YYYY-MM-DD') as end_key
        from campaigns c ${JOIN_SUMMARY}
        where c.status = 'ended' ${after ? sql`and (${endKey}, c.id) < (${after[0]}::date, ${after[1]}::int)` : sql``}
        order by ${endKey} desc, c.id desc
        limit ${ENDED_PAGE_SIZE + 1}`,
  );
  const summary = (r: CampaignRow) => toSummary(r, r.raised === null || r.raised === undefined ? null : toMoney(r.raised));
  const endedPage = ended.slice(0, ENDED_PAGE_SIZE);
  const last = endedPage[endedPage.length - 1];
  return {
    active: active.map(summary),
    ended: endedPage.map(summary),
    nextEndedCursor: ended.length > ENDED_PAGE_SIZE && last ? encodeEndedCursor([last.end_key === null ? "-infinity" : last.end_key, Number(last.id)]) : null,
    invalidCursor,
  };
}

export const CAMPAIGN_ADDRESS_COUNT = 12;

export interface CampaignAddresses {
  items: AddressCard[];
  /** The full filtered list in the catalogue: /addresses?programme=… or ?campaign=…. */
  catalogueHref: string;
  /** More addresses than shown here. */
  more: boolean;
}

/**
 * The first addresses of a campaign, as the catalogue lists them (urgent first): those taking gifts
 * while it is active, every public one once it has ended.
 */
export async function listCampaignAddresses(
  db: DbOrTx,
  { campaign, limit = CAMPAIGN_ADDRESS_COUNT }: { campaign: Pick<CampaignSummary, "slug" | "kind" | "status">; limit?: number },
): Promise<CampaignAddresses> {
  const isProgramme = campaign.kind === "programme";
  const statuses = campaign.status === "ended" ? [...PUBLIC_ADDRESS_STATUSES] : [...LISTED_ADDRESS_STATUSES];
  const query: CatalogueQuery = {
    filters: {
      q: null,
      category: null,
      place: null,
      programme: isProgramme ? campaign.slug : null,
      campaign: isProgramme ? null : campaign.slug,
      statuses,
    },
    sort: "urgent",
    cursor: null,
    limit: null,
    notices: [],
  };
  const page = await listAddresses(db, query, { limit });
  const params = new URLSearchParams({ [isProgramme ? "programme" : "campaign"]: campaign.slug });
  if (campaign.status === "ended") params.set("status", statuses.join(","));
  return { items: page.items, catalogueHref: `/addresses?${params}`, more: page.nextCursor !== null };
}
