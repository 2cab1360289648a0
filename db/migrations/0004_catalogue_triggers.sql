-- Public catalogue: keep address_totals.goal (sum of needs) and address_totals.address_status
-- (copy of addresses.status) right for every writer, so that "% funded" sorts can be read from
-- an index on address_totals. The ledger module stays the only writer of raised, disbursed,
-- fees and gifts; these triggers never touch them.

-- 1. Every address has a totals row from the moment it exists (statement-level: bulk loads
--    pay one INSERT … SELECT per statement, not one per row).
CREATE OR REPLACE FUNCTION public.trao_addresses_inserted() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO public.address_totals (address_id, address_status)
    SELECT n.id, n.status FROM new_rows n ORDER BY n.id
  ON CONFLICT (address_id) DO UPDATE SET address_status = excluded.address_status;
  RETURN NULL;
END $$;--> statement-breakpoint

CREATE TRIGGER addresses_totals_row AFTER INSERT ON public.addresses
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public.trao_addresses_inserted();--> statement-breakpoint

-- 2. A status change is copied in the same transaction.
CREATE OR REPLACE FUNCTION public.trao_addresses_status_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public.address_totals SET address_status = NEW.status WHERE address_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint

CREATE TRIGGER addresses_totals_status AFTER UPDATE OF status ON public.addresses
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION public.trao_addresses_status_changed();--> statement-breakpoint

-- 3. The goal moves by the change in the needs' amounts (a delta, not a recount: two
--    transactions adding needs to one address at once both count). Rows are locked in
--    address order first, as the ledger does, so concurrent writers cannot deadlock.
CREATE OR REPLACE FUNCTION public.trao_needs_goal() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM 1 FROM public.address_totals t
      WHERE t.address_id IN (SELECT address_id FROM new_rows) ORDER BY t.address_id FOR NO KEY UPDATE;
    UPDATE public.address_totals t SET goal = t.goal + d.delta
      FROM (SELECT address_id, sum(amount) AS delta FROM new_rows GROUP BY address_id) d
      WHERE t.address_id = d.address_id;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM 1 FROM public.address_totals t
      WHERE t.address_id IN (SELECT address_id FROM old_rows) ORDER BY t.address_id FOR NO KEY UPDATE;
    UPDATE public.address_totals t SET goal = t.goal - d.amount
      FROM (SELECT address_id, sum(amount) AS amount FROM old_rows GROUP BY address_id) d
      WHERE t.address_id = d.address_id;
  ELSE
    PERFORM 1 FROM public.address_totals t
      WHERE t.address_id IN (SELECT address_id FROM new_rows UNION SELECT address_id FROM old_rows)
      ORDER BY t.address_id FOR NO KEY UPDATE;
    UPDATE public.address_totals t SET goal = t.goal + d.delta
      FROM (
        SELECT address_id, sum(amount) AS delta FROM (
          SELECT address_id, amount FROM new_rows
          UNION ALL
          SELECT address_id, -amount FROM old_rows
        ) x GROUP BY address_id HAVING sum(amount) <> 0
      ) d
      WHERE t.address_id = d.address_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint

CREATE TRIGGER needs_goal_insert AFTER INSERT ON public.needs
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public.trao_needs_goal();--> statement-breakpoint
CREATE TRIGGER needs_goal_update AFTER UPDATE ON public.needs
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public.trao_needs_goal();--> statement-breakpoint
CREATE TRIGGER needs_goal_delete AFTER DELETE ON public.needs
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public.trao_needs_goal();--> statement-breakpoint

-- 4. Existing data: a totals row for every address, with its status and goal.
INSERT INTO public.address_totals (address_id, address_status, goal)
  SELECT a.id, a.status, coalesce((SELECT sum(n.amount) FROM public.needs n WHERE n.address_id = a.id), 0)
  FROM public.addresses a ORDER BY a.id
ON CONFLICT (address_id) DO UPDATE SET address_status = excluded.address_status, goal = excluded.goal;
