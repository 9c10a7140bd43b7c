-- Leads, customers, their timelines, and each company's queue settings.

create table queue_settings (
  company_id uuid primary key references companies (id) on delete cascade,
  use_partner_priority boolean not null default true,
  requestable_after_minutes integer not null default 0 check (requestable_after_minutes between 0 and 525600),
  available_from time not null default '08:00',
  available_until time not null default '21:00',
  max_assigned_per_rep integer check (max_assigned_per_rep > 0),
  after_request text not null default 'assigned' check (after_request in ('assigned', 'queue', 'pending')),
  blacklist_minutes_after_request integer not null default 30 check (blacklist_minutes_after_request between 0 and 525600),
  -- 0: no duplicate check; N: a duplicate may be posted again after N days; null: never.
  duplicate_window_days integer default 30 check (duplicate_window_days >= 0),
  updated_at timestamptz not null default now()
);

-- Numbers people can read out on the phone; unique, increasing, not gap-free.
create sequence record_numbers;

create table leads (
  company_id uuid not null references companies (id) on delete cascade,
  id uuid not null,
  number bigint not null default nextval('record_numbers'),
  first_name text,
  last_name text,
  company_name text,
  email text,
  phone text,
  street text,
  city text,
  region text,
  postal_code text,
  country text not null default 'US',
  -- The lead's own time zone (from its region), for the queue's local hours.
  timezone text not null,
  partner_company_id uuid not null,
  campaign_id uuid,
  location text not null check (location in
    ('pending', 'queue', 'assigned', 'converted', 'invalid', 'returned', 'sold', 'awaiting_acceptance')),
  -- 0 high, 1 medium, 2 normal: ascending order is the queue's order.
  priority_rank smallint not null check (priority_rank between 0 and 2),
  assigned_user_id uuid,
  last_requested_by uuid,
  -- Requestable from this moment: arrival plus the company's delay, a callback, or the end of a blacklist.
  contact_after timestamptz not null,
  invalid_reason text,
  return_reason text,
  call_center_comments text,
  notes text,
  external_partner_company_id text,
  external_campaign_id text,
  trusted_form_cert_url text,
  leadid_token text,
  customer_id uuid,
  -- Duplicate detection keys, normalised at intake.
  email_key text,
  name_address_key text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (company_id, id),
  foreign key (company_id, partner_company_id) references partner_companies (company_id, id),
  foreign key (company_id, campaign_id) references campaigns (company_id, id) on delete set null (campaign_id),
  foreign key (company_id, assigned_user_id) references users (company_id, id)
) with (
  -- Every claim updates a queue row: vacuum the table early so dead tuples never pile up
  -- at the head of the queue index (a naive claim decays from ~10k/s to ~1.7k/s otherwise).
  autovacuum_vacuum_scale_factor = 0.01,
  autovacuum_vacuum_threshold = 1000,
  autovacuum_vacuum_cost_delay = 0,
  fillfactor = 80
);
create unique index leads_number on leads (company_id, number);
-- The queue, in claim order, holding only requestable candidates.
create index leads_queue_by_priority on leads (company_id, priority_rank, contact_after, id) where location = 'queue';
create index leads_queue_by_age on leads (company_id, contact_after, id) where location = 'queue';
-- Lists: by location in the lists' order (priority, then age).
create index leads_by_location on leads (company_id, location, priority_rank, created_at, id);
create index leads_by_order on leads (company_id, priority_rank, created_at, id);
create index leads_assigned on leads (company_id, assigned_user_id, location) where assigned_user_id is not null;
create index leads_source on leads (company_id, partner_company_id, created_at);
create index leads_campaign on leads (company_id, campaign_id) where campaign_id is not null;
create index leads_phone on leads (company_id, phone, created_at) where phone is not null;
create index leads_email on leads (company_id, email_key, created_at) where email_key is not null;
create index leads_name_address on leads (company_id, name_address_key, created_at) where name_address_key is not null;

create table customers (
  company_id uuid not null references companies (id) on delete cascade,
  id uuid not null,
  number bigint not null default nextval('record_numbers'),
  first_name text,
  last_name text,
  company_name text,
  email text,
  phone text,
  street text,
  city text,
  region text,
  postal_code text,
  country text not null default 'US',
  partner_company_id uuid,
  campaign_id uuid,
  office_location_id uuid not null,
  lead_id uuid,
  status text not null default 'active' check (status in ('active', 'returned', 'sold')),
  return_reason text,
  call_center_comments text,
  notes text,
  external_partner_company_id text,
  external_campaign_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (company_id, id),
  foreign key (company_id, partner_company_id) references partner_companies (company_id, id),
  foreign key (company_id, campaign_id) references campaigns (company_id, id) on delete set null (campaign_id),
  foreign key (company_id, office_location_id) references office_locations (company_id, id),
  foreign key (company_id, lead_id) references leads (company_id, id)
);
create unique index customers_number on customers (company_id, number);
create index customers_by_age on customers (company_id, created_at, id);
create index customers_source on customers (company_id, partner_company_id, created_at);
create unique index customers_lead on customers (company_id, lead_id) where lead_id is not null;

alter table leads add foreign key (company_id, customer_id) references customers (company_id, id);

-- Everything that happened to a lead or customer: who, when, what.
create table timeline_events (
  company_id uuid not null references companies (id) on delete cascade,
  id uuid not null,
  record_kind text not null check (record_kind in ('lead', 'customer')),
  record_id uuid not null,
  at timestamptz not null default now(),
  actor_user_id uuid,
  actor_label text not null,
  type text not null,
  detail jsonb not null default '{}',
  primary key (company_id, id)
);
create index timeline_events_record on timeline_events (company_id, record_kind, record_id, id);
