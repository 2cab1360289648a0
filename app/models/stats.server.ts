import { sql } from "drizzle-orm";
import { execRows, type DbOrTx } from "../../db/client";
import { toMoney } from "../ledger/money";

/** One identity per donor of a pledge `p`: the account, else the guest's email, else the pledge itself. */
const DONOR_IDENTITY = sql.raw(`case when p.donor_user_id is not null then 'u:' || p.donor_user_id
                    when p.guest_email is not null then 'e:' || lower(p.guest_email)
                    else 'p:' || p.id end`);

/**
 * (campaign_id, address_id) of every campaign's addresses: a programme's through addresses.programme_id,
 * any other kind's through address_campaigns (as the catalogue's campaign filter reads them).
 */
const CAMPAIGN_MEMBERS = sql.raw(`select c.id as campaign_id, ad.id as address_id
        from campaigns c join addresses ad on ad.programme_id = c.id where c.kind = 'programme'
        union all
        select ac.campaign_id, ac.address_id
        from address_campaigns ac join campaigns c on c.id = ac.campaign_id where c.kind <> 'programme'`);

export interface RollupFigures {
  raised: number;
  disbursed: number;
  gifts: number;
  donors: number;
  addressesHelped: number;
  addressesListed: number;
  /** ISO time the figures were computed; null for figures computed just now. */
  computedAt: string | null;
}

interface FiguresRow {
  raised: string | number;
  disbursed: string | number;
  gifts: string | number;
  donors: string | number;
  addresses_helped: string | number;
  addresses_listed: string | number;
  computed_at?: string | Date | null;
}

function toFigures(row: FiguresRow): RollupFigures {
  const at = row.computed_at ? new Date(row.computed_at as string) : null;
  return {
    raised: toMoney(row.raised),
    disbursed: toMoney(row.disbursed),
    gifts: Number(row.gifts),
    donors: Number(row.donors),
    addressesHelped: Number(row.addresses_helped),
    addressesListed: Number(row.addresses_listed),
    computedAt: at && !Number.isNaN(at.getTime()) ? at.toISOString() : null,
  };
}

/** The stored figures of one scope ("site", "chapter:12", "campaign:3"…), or null before the first refresh. */
export async function getRollup(db: DbOrTx, { scope }: { scope: string }): Promise<RollupFigures | null> {
  const [row] = await execRows<FiguresRow>(
    db,
    sql`select raised::text as raised, disbursed::text as disbursed, gifts, donors, addresses_helped, addresses_listed, computed_at
        from stats_rollups where scope = ${scope}`,
  );
  return row ? toFigures(row) : null;
}

/** One campaign's figures summed now, in one aggregate query (the same sums refreshStats stores). */
export async function computeCampaignFigures(db: DbOrTx, { campaignId }: { campaignId: number }): Promise<RollupFigures> {
  const [row] = await execRows<FiguresRow>(
    db,
    sql`
      with cm as (select * from (${CAMPAIGN_MEMBERS}) m where m.campaign_id = ${campaignId}),
      a as (
        select ad.id, coalesce(t.raised, 0) as raised, coalesce(t.disbursed, 0) as disbursed, coalesce(t.gifts, 0) as gifts,
               ad.status in ('published', 'funded') as listed
        from cm join addresses ad on ad.id = cm.address_id
        left join address_totals t on t.address_id = ad.id
      )
      select coalesce(sum(a.raised), 0)::bigint::text as raised, coalesce(sum(a.disbursed), 0)::bigint::text as disbursed,
             coalesce(sum(a.gifts), 0)::int as gifts,
             (select count(distinct ${DONOR_IDENTITY}) from pledges p
               where p.address_id in (select address_id from cm) and p.status in ('paid', 'partially_refunded'))::int as donors,
             (count(*) filter (where a.raised > 0))::int as addresses_helped,
             (count(*) filter (where a.listed))::int as addresses_listed
      from a`,
  );
  return { ...toFigures(row), computedAt: null };
}

/**
 * Recompute the site, province and chapter figures of stats_rollups from address_totals and paid
 * pledges. One statement per refresh: reading pages never sum the whole site themselves.
 * A chapter's figures cover its whole subtree (every chapter whose path starts with its path). A campaign's cover its
 * addresses (see CAMPAIGN_MEMBERS); rows of campaigns that no longer exist are left alone.
 */
export async function refreshStats(db: DbOrTx): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      with a as (
        select ad.id, ad.province, ch.path,
               coalesce(t.raised, 0) as raised, coalesce(t.disbursed, 0) as disbursed, coalesce(t.gifts, 0) as gifts,
               ad.status in ('published', 'funded') as listed
        from addresses ad
        join chapters ch on ch.id = ad.chapter_id
        left join address_totals t on t.address_id = ad.id
      ),
      -- One identity per donor: the account, else the guest's email, else the pledge itself.
      d as (
        select p.address_id, ${DONOR_IDENTITY} as donor
        from pledges p
        where p.status in ('paid', 'partially_refunded')
      ),
      site as (
        select 'site'::text as scope,
               coalesce(sum(a.raised), 0)::bigint as raised, coalesce(sum(a.disbursed), 0)::bigint as disbursed,
               coalesce(sum(a.gifts), 0)::int as gifts,
               (select count(distinct donor) from d)::int as donors,
               (count(*) filter (where a.raised > 0))::int as helped,
               (count(*) filter (where a.listed))::int as listed
        from a
      ),
      province_donors as (
        select a.province, count(distinct d.donor) as donors from d join a on a.id = d.address_id group by a.province
      ),
      province as (
        select 'province:' || a.province as scope,
               sum(a.raised)::bigint, sum(a.disbursed)::bigint, sum(a.gifts)::int,
               coalesce(max(pd.donors), 0)::int,
               (count(*) filter (where a.raised > 0))::int, (count(*) filter (where a.listed))::int
        from a left join province_donors pd on pd.province = a.province
        group by a.province
      ),
      -- Each address counts for its chapter and every ancestor: the ids in its chapter's path
      -- ("/1/4/17/"). Same rows as \`path LIKE c.path || '%'\` per chapter, without a chapters × addresses scan.
      ca as (
        select anc.id::int as chapter_id, a.*
        from a cross join lateral unnest(string_to_array(trim(both '/' from a.path), '/')) as anc(id)
      ),
      chapter_donors as (
        select ca.chapter_id, count(distinct d.donor) as donors from d join ca on ca.id = d.address_id group by ca.chapter_id
      ),
      chapter as (
        select 'chapter:' || c.id as scope,
               coalesce(sum(ca.raised), 0)::bigint, coalesce(sum(ca.disbursed), 0)::bigint, coalesce(sum(ca.gifts), 0)::int,
               coalesce(max(cd.donors), 0)::int,
               (count(ca.id) filter (where ca.raised > 0))::int, (count(ca.id) filter (where ca.listed))::int
        from chapters c
        left join ca on ca.chapter_id = c.id
        left join chapter_donors cd on cd.chapter_id = c.id
        group by c.id
      ),
      cm as (${CAMPAIGN_MEMBERS}),
      campaign_donors as (
        select cm.campaign_id, count(distinct d.donor) as donors from d join cm on cm.address_id = d.address_id group by cm.campaign_id
      ),
      campaign as (
        select 'campaign:' || c.id as scope,
               coalesce(sum(a.raised), 0)::bigint, coalesce(sum(a.disbursed), 0)::bigint, coalesce(sum(a.gifts), 0)::int,
               coalesce(max(cdn.donors), 0)::int,
               (count(a.id) filter (where a.raised > 0))::int, (count(a.id) filter (where a.listed))::int
        from campaigns c
        left join cm on cm.campaign_id = c.id
        left join a on a.id = cm.address_id
        left join campaign_donors cdn on cdn.campaign_id = c.id
        group by c.id
      )
      insert into stats_rollups (scope, raised, disbursed, gifts, donors, addresses_helped, addresses_listed, computed_at)
      select *, now() from (select * from site union all select * from province union all select * from chapter union all select * from campaign) s
      on conflict (scope) do update set
        raised = excluded.raised, disbursed = excluded.disbursed, gifts = excluded.gifts, donors = excluded.donors,
        addresses_helped = excluded.addresses_helped, addresses_listed = excluded.addresses_listed,
        computed_at = excluded.computed_at`);
    // now() is the transaction's start time: rows not rewritten above belong to a province or chapter that has gone.
    await tx.execute(sql`delete from stats_rollups where (scope like 'province:%' or scope like 'chapter:%') and computed_at < now()`);
  });
}
