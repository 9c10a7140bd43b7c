-- Leads a supplier distributes in one request arrive one by one; the default recipients get one
-- email per request: when all have arrived, or a minute after the first with what has.
create table distribution_batches (
  company_id uuid not null references companies (id) on delete cascade,
  partner_company_id uuid not null,
  batch_id text not null,
  size integer not null check (size > 0),
  lead_ids uuid[] not null default '{}',
  first_at timestamptz not null default now(),
  notified_at timestamptz,
  primary key (company_id, partner_company_id, batch_id),
  foreign key (company_id, partner_company_id) references partner_companies (company_id, id) on delete cascade
);

-- A lead is registered with the supplier once, whatever later updates do.
create table lead_registrations (
  company_id uuid not null references companies (id) on delete cascade,
  lead_id uuid not null,
  partner_company_id uuid not null,
  delivery_id uuid not null,
  registered_at timestamptz not null default now(),
  primary key (company_id, lead_id)
);
