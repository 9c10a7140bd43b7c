-- Issue 14: what each lead source costs and yields. Money is integer minor units (cents).

alter table companies add column currency text not null default 'USD' check (currency ~ '^[A-Z]{3}$');

alter table campaigns add column cost_per_lead_minor bigint check (cost_per_lead_minor >= 0);

alter table leads
  -- What the lead cost: its campaign's cost per lead when it arrived; a manager may correct it.
  add column cost_minor bigint check (cost_minor >= 0),
  -- What the lead, or the customer it became, was sold for.
  add column sale_price_minor bigint check (sale_price_minor >= 0),
  -- When a rep first requested it from the queue.
  add column first_requested_at timestamptz;

-- A lead arrives by intake, the UI, an import, the exchange or a distribution, each its own code
-- path and each being reworked; the cost is fixed here, once, for all of them.
create function leads_fix_cost() returns trigger language plpgsql as $$
begin
  if new.cost_minor is null and new.campaign_id is not null then
    select c.cost_per_lead_minor into new.cost_minor
    from campaigns c where c.company_id = new.company_id and c.id = new.campaign_id;
  end if;
  return new;
end $$;
create trigger leads_fix_cost before insert on leads for each row execute function leads_fix_cost();

-- Every claim sets a new requested_xid (queue.repo.ts); the first one is kept.
create function leads_first_request() returns trigger language plpgsql as $$
begin
  new.first_requested_at := coalesce(old.first_requested_at, now());
  return new;
end $$;
create trigger leads_first_request before update of requested_xid on leads for each row
  when (old.first_requested_at is null and new.requested_xid is distinct from old.requested_xid)
  execute function leads_first_request();

-- A sale's price travels on its delivery (exchange.sell.ts); the lead it came from keeps it for reports.
create function deliveries_sale_price() returns trigger language plpgsql as $$
begin
  if new.type = 'lead.sold' then
    update leads set sale_price_minor = new.price_minor
    where company_id = new.company_id and id = new.record_id;
  else
    update leads set sale_price_minor = new.price_minor
    where company_id = new.company_id
      and id = (select lead_id from customers where company_id = new.company_id and id = new.record_id);
  end if;
  return null;
end $$;
create trigger deliveries_sale_price after insert on deliveries for each row
  when (new.price_minor is not null and new.type in ('lead.sold', 'customer.sold'))
  execute function deliveries_sale_price();

-- Backfill what the timeline already knows.
update leads l set first_requested_at = f.at
from (select company_id, record_id, min(at) as at from timeline_events
      where record_kind = 'lead' and type = 'requested' group by company_id, record_id) f
where l.company_id = f.company_id and l.id = f.record_id;

-- Reports read one company's leads by arrival: everything they count is in this index.
create index leads_reports on leads (company_id, created_at)
  include (partner_company_id, campaign_id, location, cost_minor, sale_price_minor, customer_id,
    last_requested_by, first_requested_at);

-- The reps report reads what each user did in a period.
create index timeline_events_reps on timeline_events (company_id, at)
  include (actor_user_id, record_id, type)
  where record_kind = 'lead' and type in ('requested', 'converted', 'returned', 'invalidated', 'sold');

-- The new permission goes to the built-in roles that have it in packages/contracts (permissions.ts).
update roles set permissions = array_append(permissions, 'view_reports')
where builtin in ('admin', 'manager') and not ('view_reports' = any (permissions));

-- Leads refused at intake as duplicates: nothing else remembers them.
create table lead_refusals (
  company_id uuid not null references companies (id) on delete cascade,
  partner_company_id uuid not null,
  campaign_id uuid,
  at timestamptz not null default now()
);
create index lead_refusals_by_age on lead_refusals (company_id, at);
