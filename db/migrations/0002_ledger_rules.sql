-- Rules the database enforces itself, whatever the code does.

-- 1. A ledger group balances: at least two lines, one currency, and the lines sum to zero.
--    Checked at commit (deferred), once the writer has inserted every line.
CREATE OR REPLACE FUNCTION public.trao_check_ledger_group(gid bigint) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  n integer;
  total numeric;
  currencies integer;
BEGIN
  SELECT count(*), coalesce(sum(amount), 0), count(DISTINCT currency)
    INTO n, total, currencies
    FROM public.ledger_lines WHERE group_id = gid;
  IF n < 2 THEN
    RAISE EXCEPTION 'ledger group % has % line(s); at least two are required', gid, n
      USING ERRCODE = '23514', CONSTRAINT = 'ledger_group_min_lines';
  END IF;
  IF total <> 0 THEN
    RAISE EXCEPTION 'ledger group % does not sum to zero (sum %)', gid, total
      USING ERRCODE = '23514', CONSTRAINT = 'ledger_group_balanced';
  END IF;
  IF currencies <> 1 THEN
    RAISE EXCEPTION 'ledger group % mixes currencies', gid
      USING ERRCODE = '23514', CONSTRAINT = 'ledger_group_one_currency';
  END IF;
END $$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION public.trao_ledger_group_inserted() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM public.trao_check_ledger_group(NEW.id);
  RETURN NULL;
END $$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION public.trao_ledger_line_inserted() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM public.trao_check_ledger_group(NEW.group_id);
  RETURN NULL;
END $$;--> statement-breakpoint

CREATE CONSTRAINT TRIGGER ledger_groups_balanced
  AFTER INSERT ON public.ledger_groups
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION public.trao_ledger_group_inserted();--> statement-breakpoint

-- Also per line: a line appended later to an old group must not unbalance it.
CREATE CONSTRAINT TRIGGER ledger_lines_balanced
  AFTER INSERT ON public.ledger_lines
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION public.trao_ledger_line_inserted();--> statement-breakpoint

-- 2. Append-only tables: UPDATE, DELETE and TRUNCATE are refused (row and statement triggers).
--    Corrections are new, reversing groups.
CREATE OR REPLACE FUNCTION public.trao_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on % is refused: this table is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = '55000', HINT = 'Post a reversing entry instead.';
END $$;--> statement-breakpoint

CREATE TRIGGER ledger_groups_no_update_delete BEFORE UPDATE OR DELETE ON public.ledger_groups
  FOR EACH ROW EXECUTE FUNCTION public.trao_append_only();--> statement-breakpoint
CREATE TRIGGER ledger_groups_no_truncate BEFORE TRUNCATE ON public.ledger_groups
  FOR EACH STATEMENT EXECUTE FUNCTION public.trao_append_only();--> statement-breakpoint
CREATE TRIGGER ledger_lines_no_update_delete BEFORE UPDATE OR DELETE ON public.ledger_lines
  FOR EACH ROW EXECUTE FUNCTION public.trao_append_only();--> statement-breakpoint
CREATE TRIGGER ledger_lines_no_truncate BEFORE TRUNCATE ON public.ledger_lines
  FOR EACH STATEMENT EXECUTE FUNCTION public.trao_append_only();--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON public.audit_log
  FOR EACH ROW EXECUTE FUNCTION public.trao_append_only();--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON public.audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION public.trao_append_only();
