import { sql } from "drizzle-orm";
import { execRows, type DbOrTx } from "../../db/client";

export interface Breach {
  rule: string;
  detail: string;
}

// Bucket of an address_fund line, as in ledger.server.ts bucketOf(): corrections take the
// bucket of the group they reverse.
const BUCKET = sql.raw(`
  case coalesce(r.kind, g.kind)
    when 'donation' then 'raised' when 'in_kind_receipt' then 'raised' when 'refund' then 'raised'
    when 'disbursement' then 'disbursed' when 'in_kind_handover' then 'disbursed'
    when 'fee' then 'fees' end`);

/**
 * Re-checks every ledger invariant from the rows themselves. An empty list means the ledger holds.
 * Each query stops at a few examples: a breach is a breach, and the report stays readable.
 */
export async function checkLedger(db: DbOrTx, limit = 20): Promise<Breach[]> {
  const breaches: Breach[] = [];
  const add = (rule: string, rows: Record<string, unknown>[]) => {
    for (const row of rows) breaches.push({ rule, detail: JSON.stringify(row) });
  };

  add(
    "group sums to zero with at least two lines in one currency",
    await execRows(db, sql`
      select g.id as group_id, count(l.id)::int as lines, coalesce(sum(l.amount), 0)::text as sum, count(distinct l.currency)::int as currencies
      from ledger_groups g left join ledger_lines l on l.group_id = g.id
      group by g.id
      having count(l.id) < 2 or coalesce(sum(l.amount), 0) <> 0 or count(distinct l.currency) <> 1
      limit ${limit}`),
  );

  add("no zero ledger lines", await execRows(db, sql`select id, group_id from ledger_lines where amount = 0 limit ${limit}`));

  add(
    "need lines belong to their address",
    await execRows(db, sql`
      select l.id as line_id, l.need_id, l.address_id, n.address_id as need_address_id
      from ledger_lines l join needs n on n.id = l.need_id
      where l.address_id is distinct from n.address_id limit ${limit}`),
  );

  add(
    "corrections and refunds point at an earlier group",
    await execRows(db, sql`
      select g.id, g.kind, g.reverses_group_id from ledger_groups g
      left join ledger_groups r on r.id = g.reverses_group_id
      where (g.kind = 'correction' and (r.id is null or r.kind = 'correction' or r.id >= g.id))
         or (g.reverses_group_id is not null and (r.id is null or r.id >= g.id))
      limit ${limit}`),
  );

  add(
    "cached address totals equal ledger sums",
    await execRows(db, sql`
      with sums as (
        select l.address_id,
          coalesce(sum(l.amount) filter (where ${BUCKET} = 'raised'), 0) as raised,
          coalesce(-sum(l.amount) filter (where ${BUCKET} = 'disbursed'), 0) as disbursed,
          coalesce(-sum(l.amount) filter (where ${BUCKET} = 'fees'), 0) as fees,
          count(distinct l.group_id) filter (where g.kind in ('donation', 'in_kind_receipt') and l.amount > 0) as gifts
        from ledger_lines l
        join ledger_groups g on g.id = l.group_id
        left join ledger_groups r on r.id = g.reverses_group_id and g.kind = 'correction'
        where l.account = 'address_fund'
        group by l.address_id
      )
      select coalesce(s.address_id, t.address_id) as address_id,
        s.raised::text as ledger_raised, t.raised::text as cached_raised,
        s.disbursed::text as ledger_disbursed, t.disbursed::text as cached_disbursed,
        s.fees::text as ledger_fees, t.fees::text as cached_fees,
        s.gifts::int as ledger_gifts, t.gifts as cached_gifts
      from sums s full join address_totals t on t.address_id = s.address_id
      where coalesce(s.raised, 0) <> coalesce(t.raised, 0)
         or coalesce(s.disbursed, 0) <> coalesce(t.disbursed, 0)
         or coalesce(s.fees, 0) <> coalesce(t.fees, 0)
         or coalesce(s.gifts, 0) <> coalesce(t.gifts, 0)
      limit ${limit}`),
  );

  // Every address has a totals row from birth (a trigger of migration 0004), with zeros until its
  // first gift: the full join above compares missing ledger sums as 0, so those rows are no breach.
  add(
    "every address has a totals row with its current status",
    await execRows(db, sql`
      select a.id as address_id, a.status::text as status, t.address_status::text as totals_status
      from addresses a left join address_totals t on t.address_id = a.id
      where t.address_id is null or t.address_status <> a.status
      limit ${limit}`),
  );

  add(
    "address goal equals the sum of its needs",
    await execRows(db, sql`
      with sums as (select address_id, sum(amount) as goal from needs group by address_id)
      select t.address_id, t.goal::text as cached_goal, coalesce(s.goal, 0)::text as needs_goal
      from address_totals t left join sums s on s.address_id = t.address_id
      where t.goal <> coalesce(s.goal, 0)
      limit ${limit}`),
  );

  add(
    "cached need totals equal ledger sums",
    await execRows(db, sql`
      with sums as (
        select l.need_id,
          coalesce(sum(l.amount) filter (where ${BUCKET} = 'raised'), 0) as funded,
          coalesce(-sum(l.amount) filter (where ${BUCKET} = 'disbursed'), 0) as disbursed
        from ledger_lines l
        join ledger_groups g on g.id = l.group_id
        left join ledger_groups r on r.id = g.reverses_group_id and g.kind = 'correction'
        where l.account = 'address_fund' and l.need_id is not null
        group by l.need_id
      )
      select coalesce(s.need_id, t.need_id) as need_id, s.funded::text as ledger_funded, t.funded::text as cached_funded,
        s.disbursed::text as ledger_disbursed, t.disbursed::text as cached_disbursed
      from sums s full join need_totals t on t.need_id = s.need_id
      where coalesce(s.funded, 0) <> coalesce(t.funded, 0) or coalesce(s.disbursed, 0) <> coalesce(t.disbursed, 0)
      limit ${limit}`),
  );

  add(
    "no orphans: gift groups name a pledge of the same address",
    await execRows(db, sql`
      select g.id as group_id, g.pledge_id, p.address_id as pledge_address_id
      from ledger_groups g
      left join pledges p on p.id = g.pledge_id
      where g.kind in ('donation', 'in_kind_receipt')
        and (p.id is null or not exists (
          select 1 from ledger_lines l where l.group_id = g.id and l.account = 'address_fund' and l.address_id = p.address_id))
      limit ${limit}`),
  );

  add(
    "no orphans: disbursement groups name an approved disbursement of the same address",
    await execRows(db, sql`
      select g.id as group_id, g.disbursement_id, d.status
      from ledger_groups g left join disbursements d on d.id = g.disbursement_id
      where g.kind in ('disbursement', 'in_kind_handover')
        and (d.id is null or d.status <> 'approved' or not exists (
          select 1 from ledger_lines l where l.group_id = g.id and l.account = 'address_fund' and l.address_id = d.address_id))
      limit ${limit}`),
  );

  add(
    "no orphans: approved disbursements are in the ledger",
    await execRows(db, sql`
      select d.id as disbursement_id from disbursements d
      where d.status = 'approved'
        and not exists (select 1 from ledger_groups g where g.disbursement_id = d.id and g.kind in ('disbursement', 'in_kind_handover'))
      limit ${limit}`),
  );

  add(
    "paid pledges: received amount equals what the ledger credited",
    await execRows(db, sql`
      with credited as (
        select g.pledge_id, sum(l.amount) as amount
        from ledger_groups g join ledger_lines l on l.group_id = g.id
        where g.kind in ('donation', 'in_kind_receipt') and l.account = 'address_fund'
        group by g.pledge_id
      )
      select p.id as pledge_id, p.status, p.received_amount::text as received, coalesce(c.amount, 0)::text as credited
      from pledges p left join credited c on c.pledge_id = p.id
      where p.received_amount <> coalesce(c.amount, 0)
         or (p.status in ('paid', 'refunded', 'partially_refunded') and c.amount is null)
      limit ${limit}`),
  );

  add(
    "no duplicate provider references",
    await execRows(db, sql`
      select 'ledger_groups' as "table", kind::text as scope, provider_ref as ref, count(*)::int as n
        from ledger_groups where provider_ref is not null group by kind, provider_ref having count(*) > 1
      union all
      select 'payment_attempts', provider::text, provider_ref, count(*)::int
        from payment_attempts where provider_ref is not null group by provider, provider_ref having count(*) > 1
      union all
      select 'payment_events', provider::text, external_id, count(*)::int
        from payment_events group by provider, external_id having count(*) > 1
      union all
      select 'bank_transactions', source::text, external_id, count(*)::int
        from bank_transactions group by source, external_id having count(*) > 1
      limit ${limit}`),
  );

  return breaches;
}
