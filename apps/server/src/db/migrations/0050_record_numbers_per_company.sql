-- Lead and customer numbers per company (issue 11, item 8). One sequence shared by every company
-- let a tenant count the others (a new company's first lead was #226). Each company now has its
-- own two sequences in the schema `record_numbers`: lead_<company id> and customer_<company id>.
--
-- Why sequences and not a counter row: a row updated in the lead's statement stays locked until
-- the lead's transaction commits, so every intake of a company would wait for the one before it
-- (commit and all). A sequence is PostgreSQL's own gap-tolerant allocator: nextval never waits
-- for another transaction and is never rolled back, so numbers are unique, increasing within a
-- session, and have a gap where a transaction rolled back. The old global sequence behaved the
-- same way; only its scope changes.
--
-- Existing rows keep their numbers: they have gone out in purchase notification, sale and
-- distribution emails (`{{lead.number}}`, "Number" in a sale), so renumbering would make those
-- emails point at other records. Each existing company goes on from its own highest number; a
-- new company starts at 1.
create schema record_numbers;

-- The one place a number is allocated: the next number of `kind` ('lead' or 'customer') of a
-- company. A row inserted without a number gets one from the triggers below (about 6 µs a row,
-- plpgsql's call); a bulk `insert … select` that names `number` as `record_number(company_id,
-- 'lead')` pays about 1 µs a row and skips the trigger.
create function record_number(company uuid, kind text) returns bigint
language sql volatile
as $$
  select nextval(format('record_numbers.%I', kind || '_' || replace(company::text, '-', ''))::regclass)
$$;

create function create_record_number_sequences() returns trigger
language plpgsql
as $$
begin
  execute format('create sequence record_numbers.%I', 'lead_' || replace(new.id::text, '-', ''));
  execute format('create sequence record_numbers.%I', 'customer_' || replace(new.id::text, '-', ''));
  return null;
end
$$;

create function drop_record_number_sequences() returns trigger
language plpgsql
as $$
begin
  execute format('drop sequence if exists record_numbers.%I', 'lead_' || replace(old.id::text, '-', ''));
  execute format('drop sequence if exists record_numbers.%I', 'customer_' || replace(old.id::text, '-', ''));
  return null;
end
$$;

create function assign_record_number() returns trigger
language plpgsql
as $$
begin
  new.number := record_number(new.company_id, tg_argv[0]);
  return new;
end
$$;

do $$
declare
  c record;
begin
  for c in
    select co.id,
      coalesce((select max(l.number) from leads l where l.company_id = co.id), 0) + 1 as next_lead,
      coalesce((select max(cu.number) from customers cu where cu.company_id = co.id), 0) + 1 as next_customer
    from companies co
  loop
    execute format('create sequence record_numbers.%I start with %s',
      'lead_' || replace(c.id::text, '-', ''), c.next_lead);
    execute format('create sequence record_numbers.%I start with %s',
      'customer_' || replace(c.id::text, '-', ''), c.next_customer);
  end loop;
end
$$;

create trigger companies_record_numbers after insert on companies
  for each row execute function create_record_number_sequences();
create trigger companies_drop_record_numbers after delete on companies
  for each row execute function drop_record_number_sequences();

alter table leads alter column number drop default;
alter table customers alter column number drop default;
drop sequence record_numbers;

create trigger leads_number before insert on leads
  for each row when (new.number is null) execute function assign_record_number('lead');
create trigger customers_number before insert on customers
  for each row when (new.number is null) execute function assign_record_number('customer');
-- Bulk loads that skip triggers (session_replication_role = replica) still get numbers.
alter table leads enable always trigger leads_number;
alter table customers enable always trigger customers_number;
