import { sql } from "drizzle-orm";
import { execRows, type DbOrTx } from "../../db/client";
import type { CampaignKind } from "../../db/enums";
import type { CampaignSummary } from "./campaign.server";
import { percentOf, toMoney } from "../ledger/money";

// The home page's campaigns. Its figures are the "site" row of stats_rollups (getRollup in
// stats.server.ts, kept by refreshStats); nothing here sums or counts the catalogue.

export type HomeCampaign = Omit<CampaignSummary, "status" | "id">;

export interface HomeCampaigns {
  /** The national programmes (kind `programme`, not draft), oldest first. */
  programmes: HomeCampaign[];
  /** Other active campaigns, the soonest to end first. */
  active: HomeCampaign[];
}

/** Programmes and up to `limit` active campaigns, with their covers (public, consent standing). */
export async function listHomeCampaigns(db: DbOrTx, { limit = 4 }: { limit?: number } = {}): Promise<HomeCampaigns> {
  const rows = await execRows<{
    slug: string;
    kind: CampaignKind;
    title: string;
    summary: string;
    starts_on: string | null;
    ends_on: string | null;
    goal: string | number | null;
    raised: string | number | null;
    organiser_slug: string;
    organiser_name: string;
    cover_id: number | null;
    cover_alt: string | null;
  }>(
    db,
    sql`
      (select c.slug, c.kind, c.title, c.summary, to_char(c.starts_on, 'YYYY-MM-DD') as starts_on, to_char(c.ends_on, 'YYYY-MM-DD') as ends_on,
          c.goal::text as goal, r.raised::text as raised, o.slug as organiser_slug, o.name as organiser_name, m.id as cover_id, m.alt as cover_alt,
          0 as part, c.starts_on as k1, c.id as k2
        from campaigns c
        join chapters o on o.id = c.organiser_chapter_id
        left join stats_rollups r on r.scope = 'campaign:' || c.id
        left join media m on m.id = c.cover_media_id and m.is_public
          and not exists (select 1 from consents cs where cs.id = m.consent_id and cs.withdrawn_at is not null)
        where c.kind = 'programme' and c.status <> 'draft'
        order by c.starts_on nulls last, c.id
        limit 10)
      union all
      (select c.slug, c.kind, c.title, c.summary, to_char(c.starts_on, 'YYYY-MM-DD'), to_char(c.ends_on, 'YYYY-MM-DD'),
          c.goal::text, r.raised::text, o.slug, o.name, m.id, m.alt,
          1, coalesce(c.ends_on, 'infinity'::date), c.id
        from campaigns c
        join chapters o on o.id = c.organiser_chapter_id
        left join stats_rollups r on r.scope = 'campaign:' || c.id
        left join media m on m.id = c.cover_media_id and m.is_public
          and not exists (select 1 from consents cs where cs.id = m.consent_id and cs.withdrawn_at is not null)
        where c.kind <> 'programme' and c.status = 'active'
        order by coalesce(c.ends_on, 'infinity'::date), c.id
        limit ${limit})
      order by part, k1 nulls last, k2`,
  );
  const toCampaign = (row: (typeof rows)[number]): HomeCampaign => {
    const goal = row.goal === null ? null : toMoney(row.goal);
    const raised = row.raised === null ? null : toMoney(row.raised);
    const coverId = row.cover_id === null ? null : Number(row.cover_id);
    return {
      slug: row.slug,
      kind: row.kind,
      title: row.title,
      summary: row.summary,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      goal,
      raised,
      percent: goal !== null && raised !== null ? percentOf(raised, goal) : 0,
      organiser: { slug: row.organiser_slug, name: row.organiser_name },
      cover: coverId === null ? null : { id: coverId, url: `/media/${coverId}`, alt: row.cover_alt ?? "" },
    };
  };
  return {
    programmes: rows.filter((r) => r.kind === "programme").map(toCampaign),
    active: rows.filter((r) => r.kind !== "programme").map(toCampaign),
  };
}
