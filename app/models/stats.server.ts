import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";

/**
 * Recompute the site, province and chapter figures of stats_rollups from address_totals and paid
 * pledges. One statement per refresh: reading pages never sum the whole site themselves.
 * A chapter's figures cover its whole subtree (every chapter whose path starts with its path). Campaign scopes are not
 * touched here.
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
        select p.address_id,
               case when p.donor_user_id is not null then 'u:' || p.donor_user_id
                    when p.guest_email is not null then 'e:' || lower(p.guest_email)
                    else 'p:' || p.id end as donor
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
      )
      insert into stats_rollups (scope, raised, disbursed, gifts, donors, addresses_helped, addresses_listed, computed_at)
      select *, now() from (select * from site union all select * from province union all select * from chapter) s
      on conflict (scope) do update set
        raised = excluded.raised, disbursed = excluded.disbursed, gifts = excluded.gifts, donors = excluded.donors,
        addresses_helped = excluded.addresses_helped, addresses_listed = excluded.addresses_listed,
        computed_at = excluded.computed_at`);
    // now() is the transaction's start time: rows not rewritten above belong to a province or chapter that has gone.
    await tx.execute(sql`delete from stats_rollups where (scope like 'province:%' or scope like 'chapter:%') and computed_at < now()`);
  });
}
