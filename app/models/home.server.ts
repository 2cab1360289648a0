import { sql } from "drizzle-orm";
import { execRows, type DbOrTx } from "../../db/client";
import { JOIN_SUMMARY, SELECT_SUMMARY, toSummary, type CampaignRow, type CampaignSummary } from "./campaign.server";
import { toMoney } from "../ledger/money";

// The home page's campaigns. Its figures are the "site" row of stats_rollups (getRollup in
// stats.server.ts, kept by refreshStats); nothing here sums or counts the catalogue.

export interface HomeCampaigns {
  /** The national programmes (kind `programme`, not draft), oldest first. */
  programmes: CampaignSummary[];
  /** Other active campaigns, the soonest to end first. */
  active: CampaignSummary[];
}

/** Programmes and up to `limit` active campaigns, with their covers (public, consent standing). */
export async function listHomeCampaigns(db: DbOrTx, { limit = 4 }: { limit?: number } = {}): Promise<HomeCampaigns> {
  // The campaign pages' summary columns, joins and mapping; raised from the stored rollup.
  const rows = await execRows<CampaignRow & { raised: string | number | null }>(
    db,
    sql`
      (select ${SELECT_SUMMARY}, r.raised::text as raised, 0 as part, c.starts_on as k1, c.id as k2
        from campaigns c ${JOIN_SUMMARY}
        left join stats_rollups r on r.scope = 'campaign:' || c.id
        where c.kind = 'programme' and c.status <> 'draft'
        order by c.starts_on nulls last, c.id
        limit 10)
      union all
      (select ${SELECT_SUMMARY}, r.raised::text as raised, 1 as part, coalesce(c.ends_on, 'infinity'::date) as k1, c.id as k2
        from campaigns c ${JOIN_SUMMARY}
        left join stats_rollups r on r.scope = 'campaign:' || c.id
        where c.kind <> 'programme' and c.status = 'active'
        order by coalesce(c.ends_on, 'infinity'::date), c.id
        limit ${limit})
      order by part, k1 nulls last, k2`,
  );
  const toCampaign = (row: (typeof rows)[number]) => toSummary(row, row.raised === null ? null : toMoney(row.raised));
  return {
    programmes: rows.filter((r) => r.kind === "programme").map(toCampaign),
    active: rows.filter((r) => r.kind !== "programme").map(toCampaign),
  };
}
