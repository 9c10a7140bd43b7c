-- Lead sources and buyers: office locations, message campaigns, tags, partner companies,
-- their campaigns, and partner logins.

create table office_locations (
  company_id uuid not null references companies (id) on delete cascade,
  id uuid not null,
  name text not null,
  street text,
  city text,
  region text,
  postal_code text,
  country text not null default 'US',
  timezone text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (company_id, id)
);
create unique index office_locations_name on office_locations (company_id, lower(name));

create table message_campaigns (
  company_id uuid not null references companies (id) on delete cascade,
  id uuid not null,
  name text not null,
  subject text not null,
  body text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (company_id, id)
);
create unique index message_campaigns_name on message_campaigns (company_id, lower(name));

create table tags (
  company_id uuid not null references companies (id) on delete cascade,
  id uuid not null,
  name text not null,
  created_at timestamptz not null default now(),
  primary key (company_id, id)
);
create unique index tags_name on tags (company_id, lower(name));

create table partner_companies (
  company_id uuid not null references companies (id) on delete cascade,
  id uuid not null,
  name text not null,
  kind text not null check (kind in ('outside', 'inside')),
  active boolean not null default true,
  contact_person text,
  email text,
  phone text,
  website text,
  street text,
  city text,
  region text,
  postal_code text,
  country text,
  notes text,

  sells_leads boolean not null default false,
  sl_default_lead_location text check (sl_default_lead_location in ('pending', 'queue')),
  sl_force_default_location boolean not null default false,
  sl_purchase_emails text[] not null default '{}',
  sl_return_emails text[] not null default '{}',
  sl_include_comments boolean not null default false,
  sl_auto_response_id uuid,
  sl_queue_priority text not null default 'normal' check (sl_queue_priority in ('normal', 'medium', 'high')),

  sells_customers boolean not null default false,
  sc_default_office_location_id uuid,
  sc_purchase_emails text[] not null default '{}',
  sc_return_emails text[] not null default '{}',
  sc_auto_response_id uuid,

  buys_leads boolean not null default false,
  bl_delivery_method text not null default 'exchange' check (bl_delivery_method in ('exchange', 'email')),
  bl_sale_emails text[] not null default '{}',
  bl_post_url text,
  bl_source_id text,
  bl_secret text, -- encrypted (lib/secrets.ts); only the exchange decrypts it

  buys_customers boolean not null default false,
  bc_delivery_method text not null default 'exchange' check (bc_delivery_method in ('exchange', 'email')),
  bc_sale_emails text[] not null default '{}',
  bc_post_url text,
  bc_source_id text,
  bc_secret text,

  allow_login boolean not null default false,
  username text,
  password_hash text,

  auto_accept boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (company_id, id),
  foreign key (company_id, sl_auto_response_id) references message_campaigns (company_id, id),
  foreign key (company_id, sc_auto_response_id) references message_campaigns (company_id, id),
  foreign key (company_id, sc_default_office_location_id) references office_locations (company_id, id)
);
create index partner_companies_name on partner_companies (company_id, lower(name), id);
create unique index partner_companies_username on partner_companies (company_id, lower(username))
  where username is not null;

create table partner_company_tags (
  company_id uuid not null,
  partner_company_id uuid not null,
  tag_id uuid not null,
  primary key (company_id, partner_company_id, tag_id),
  foreign key (company_id, partner_company_id) references partner_companies (company_id, id) on delete cascade,
  foreign key (company_id, tag_id) references tags (company_id, id) on delete cascade
);
create index partner_company_tags_tag on partner_company_tags (company_id, tag_id);

create table campaigns (
  company_id uuid not null,
  id uuid not null,
  partner_company_id uuid not null,
  name text not null,
  description text,
  direction text not null check (direction in ('inbound', 'outbound')),
  external_partner_company_id text,
  external_campaign_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (company_id, id),
  foreign key (company_id, partner_company_id) references partner_companies (company_id, id) on delete cascade
);
create unique index campaigns_name on campaigns (company_id, partner_company_id, lower(name));
-- The intake finds a campaign by the sender's ids; no two campaigns may share them.
create unique index campaigns_external on campaigns (company_id, external_partner_company_id, external_campaign_id)
  where external_partner_company_id is not null and external_campaign_id is not null;

-- Partner logins get read-only sessions of their own.
alter table sessions add column partner_company_id uuid;
alter table sessions add constraint sessions_partner
  foreign key (company_id, partner_company_id) references partner_companies (company_id, id) on delete cascade;
alter table sessions add constraint sessions_owner check ((user_id is null) <> (partner_company_id is null));
create index sessions_partner_company on sessions (company_id, partner_company_id);
