-- The duplicate check read a whole company's leads per intake once the lists and reports got
-- indexes that start (company_id, created_at): on a young table without statistics the planner
-- served "this phone, newest first" by walking that index backwards and filtering. Ordering by
-- the key as well (it is one value, so the order is the same) leaves only the key's own index.
create or replace function lead_duplicates(
  company uuid,
  lock_keys text[],
  p_phone text,
  p_email_key text,
  p_name_address_key text,
  since timestamptz
) returns table (id uuid, reason text, rank integer, created_at timestamptz)
language plpgsql volatile
set enable_sort = off
set jit = off
as $$
begin
  perform count(pg_advisory_xact_lock(hashtextextended(k, 0)))
    from (select k from unnest(lock_keys) k order by k) sorted;
  return query
    select m.id, m.reason, m.rank, m.created_at from (
      (select l.id, l.created_at, 'phone' as reason, 1 as rank from leads l
        where l.company_id = company and l.phone = p_phone
        order by l.phone desc, l.created_at desc limit 10)
      union all
      (select l.id, l.created_at, 'email', 2 from leads l
        where l.company_id = company and l.email_key = p_email_key
        order by l.email_key desc, l.created_at desc limit 10)
      union all
      (select l.id, l.created_at, 'name_address', 3 from leads l
        where l.company_id = company and l.name_address_key = p_name_address_key
        order by l.name_address_key desc, l.created_at desc limit 10)
    ) m
    where m.created_at >= since;
end
$$;
