-- Seed 004: external sales reps who receive lead notification emails (they never log in), the
-- companies whose leads are never auto-registered, and the supplier's nominated recipient.
create table sales_reps (
  company_id uuid not null references companies (id) on delete cascade,
  id uuid not null,
  name text not null,
  email text not null,
  lead_notifications boolean not null default false,
  created_at timestamptz not null default now(),
  primary key (company_id, id)
);
create unique index sales_reps_email on sales_reps (company_id, lower(email));

create table ignored_companies (
  company_id uuid not null references companies (id) on delete cascade,
  id uuid not null,
  name text not null,
  -- "ACME, Inc." and "acme inc" are one company: lower case, letters and digits, single spaces.
  name_key text not null,
  created_at timestamptz not null default now(),
  primary key (company_id, id),
  unique (company_id, name_key)
);

alter table lead_management_settings add column assigned_by_supplier_name text;
alter table lead_management_settings add column assigned_by_supplier_email text;
