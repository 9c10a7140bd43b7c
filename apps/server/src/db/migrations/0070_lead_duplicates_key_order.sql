-- The duplicate check read a whole company's leads per intake once the lists and reports got
-- indexes that start (company_id, created_at): planned once for any keys (a generic plan), the
-- planner served "this phone, newest first, ten at most" by walking such an index and filtering,
-- reading every lead of the company when there is no match (the usual case). Planned for the
-- actual keys, each branch takes its key's own index; OFFSET 0 keeps the key's lookup apart
-- from the ordering, so only that index can serve it.
create or replace function lead_duplicates(
  company uuid,
  lock_keys text[],
  p_phone text,
  p_email_key text,
  p_name_address_key text,
  since timestamptz
) returns table (id uuid, reason text, rank integer, created_at timestamptz)
language plpgsql volatile
set jit = off
-- A key may be null (a lead without an email): planned for the actual keys, such a branch is no scan at all.
set plan_cache_mode = force_custom_plan
as $$
begin
  perform count(pg_advisory_xact_lock(hashtextextended(k, 0)))
    from (select k from unnest(lock_keys) k order by k) sorted;
  return query
    select m.id, m.reason, m.rank, m.created_at from (
      (select k.id, k.created_at, 'phone' as reason, 1 as rank from (select l.id, l.created_at from leads l
        where l.company_id = company and l.phone = p_phone offset 0) k
        order by k.created_at desc limit 10)
      union all
      (select k.id, k.created_at, 'email', 2 from (select l.id, l.created_at from leads l
        where l.company_id = company and l.email_key = p_email_key offset 0) k
        order by k.created_at desc limit 10)
      union all
      (select k.id, k.created_at, 'name_address', 3 from (select l.id, l.created_at from leads l
        where l.company_id = company and l.name_address_key = p_name_address_key offset 0) k
        order by k.created_at desc limit 10)
    ) m
    where m.created_at >= since;
end
$$;
