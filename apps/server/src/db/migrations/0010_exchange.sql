-- The exchange: the credentials a company issues to a partner that posts to it (and that
-- partner's reply channel), the receipts that make each webhook-id count once, and the
-- deliveries (with their attempts) of everything sent to partners.
create table exchange_connections (
  company_id uuid not null references companies (id) on delete cascade,
  partner_company_id uuid not null,
  source_id text not null,
  secret_sealed text not null,
  -- After a rotation the previous secret keeps verifying for a day, so the sender can switch.
  previous_secret_sealed text,
  previous_secret_until timestamptz,
  issued_at timestamptz not null default now(),
  -- Where this partner takes our returns, accepts and declines: sent in its connection.hello.
  reply_post_url text,
  reply_source_id text,
  reply_secret_sealed text,
  last_received_at timestamptz,
  last_sent_at timestamptz,
  primary key (company_id, partner_company_id),
  unique (company_id, source_id),
  foreign key (company_id, partner_company_id) references partner_companies (company_id, id) on delete cascade
);

create table exchange_receipts (
  company_id uuid not null,
  partner_company_id uuid not null,
  webhook_id text not null,
  body_hash text not null,
  status smallint not null,
  response jsonb not null,
  created_at timestamptz not null default now(),
  primary key (company_id, partner_company_id, webhook_id),
  foreign key (company_id, partner_company_id) references partner_companies (company_id, id) on delete cascade
);
create index exchange_receipts_by_age on exchange_receipts (created_at);

create table deliveries (
  company_id uuid not null references companies (id) on delete cascade,
  id uuid not null,
  type text not null,
  record_kind text check (record_kind in ('lead', 'customer')),
  record_id uuid,
  partner_company_id uuid not null,
  method text not null check (method in ('exchange', 'email')),
  -- Which of the partner's endpoints: its Buys Leads or Buys Customers section, or its reply channel.
  channel text not null check (channel in ('buys_leads', 'buys_customers', 'reply')),
  state text not null default 'pending' check (state in ('pending', 'delivered', 'retrying', 'failed')),
  data jsonb not null default '{}',
  mail_id uuid,
  price_minor bigint check (price_minor >= 0),
  attempts integer not null default 0,
  -- A hand-made retry starts a new round of attempts; the older ones stay in the history.
  round_start integer not null default 0,
  next_attempt_at timestamptz,
  remote_id text,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  delivered_at timestamptz,
  primary key (company_id, id),
  foreign key (company_id, partner_company_id) references partner_companies (company_id, id) on delete cascade
);
create index deliveries_by_age on deliveries (company_id, created_at desc, id desc);
create index deliveries_by_state on deliveries (company_id, state, created_at desc, id desc);
create index deliveries_by_record on deliveries (company_id, record_id) where record_id is not null;

create table delivery_attempts (
  company_id uuid not null,
  delivery_id uuid not null,
  n integer not null,
  at timestamptz not null default now(),
  status smallint,
  error text,
  primary key (company_id, delivery_id, n),
  foreign key (company_id, delivery_id) references deliveries (company_id, id) on delete cascade
);

-- A record bought over the exchange remembers the seller's id for it (returns travel back by it);
-- a sold record remembers its buyer.
alter table leads add column exchange_origin_id text;
alter table leads add column sold_to_partner_company_id uuid;
alter table customers add column exchange_origin_id text;
alter table customers add column sold_to_partner_company_id uuid;
