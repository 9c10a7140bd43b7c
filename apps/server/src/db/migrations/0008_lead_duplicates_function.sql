-- Intake checks for duplicates and inserts the lead in one statement. The check must see leads
-- committed by intakes that held the same keys a moment ago, so it runs here: a VOLATILE function
-- takes a fresh snapshot for each query it runs, after it got the locks (a plain subquery would
-- see the statement's older snapshot and miss them).
create function lead_duplicates(
  company uuid,
  -- Advisory lock keys, already scoped to the company; taken in sorted order, so never a deadlock.
  lock_keys text[],
  p_phone text,
  p_email_key text,
  p_name_address_key text,
  since timestamptz
) returns table (id uuid, reason text, rank integer, created_at timestamptz)
language plpgsql volatile
-- Without statistics (a young table, autovacuum off) the planner may serve a branch from any
-- index that starts with company_id and sort a whole company's leads; no sort leaves it the
-- key's own index, which hands them over newest first.
set enable_sort = off
set jit = off
as $$
begin
  perform count(pg_advisory_xact_lock(hashtextextended(k, 0)))
    from (select k from unnest(lock_keys) k order by k) sorted;
  return query
    select m.id, m.reason, m.rank, m.created_at from (
      (select l.id, l.created_at, 'phone' as reason, 1 as rank from leads l
        where l.company_id = company and l.phone = p_phone order by l.created_at desc limit 10)
      union all
      (select l.id, l.created_at, 'email', 2 from leads l
        where l.company_id = company and l.email_key = p_email_key order by l.created_at desc limit 10)
      union all
      (select l.id, l.created_at, 'name_address', 3 from leads l
        where l.company_id = company and l.name_address_key = p_name_address_key
        order by l.created_at desc limit 10)
    ) m
    where m.created_at >= since;
end
$$;
