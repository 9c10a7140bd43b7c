-- Tenants, users, roles, sessions and API keys.
-- Every tenant table leads its primary key, unique constraints and foreign keys with
-- company_id, so the schema can be distributed by company later (Citus).

create table companies (
  id uuid primary key,
  slug text not null unique,
  name text not null,
  timezone text not null default 'America/New_York',
  created_at timestamptz not null default now()
);

create table roles (
  company_id uuid not null references companies (id) on delete cascade,
  id uuid not null,
  name text not null,
  permissions text[] not null default '{}',
  builtin text,
  created_at timestamptz not null default now(),
  primary key (company_id, id)
);
create unique index roles_name on roles (company_id, lower(name));

create table users (
  company_id uuid not null references companies (id) on delete cascade,
  id uuid not null,
  name text not null,
  email text not null,
  password_hash text not null,
  disabled boolean not null default false,
  lead_notifications boolean not null default false,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (company_id, id)
);
create unique index users_email on users (company_id, lower(email)) where deleted_at is null;

create table user_roles (
  company_id uuid not null,
  user_id uuid not null,
  role_id uuid not null,
  primary key (company_id, user_id, role_id),
  foreign key (company_id, user_id) references users (company_id, id) on delete cascade,
  foreign key (company_id, role_id) references roles (company_id, id) on delete cascade
);
create index user_roles_role on user_roles (company_id, role_id);

-- A session belongs to a user or (later) to a partner company's login.
create table sessions (
  company_id uuid not null references companies (id) on delete cascade,
  id uuid not null,
  token_hash bytea not null,
  csrf_token text not null,
  user_id uuid,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (company_id, id),
  unique (company_id, token_hash),
  foreign key (company_id, user_id) references users (company_id, id) on delete cascade
);
create index sessions_user on sessions (company_id, user_id);
create index sessions_expiry on sessions (expires_at);

create table api_keys (
  company_id uuid not null references companies (id) on delete cascade,
  id uuid not null,
  name text not null,
  prefix text not null,
  key_hash bytea not null,
  user_id uuid not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  primary key (company_id, id),
  unique (company_id, key_hash),
  foreign key (company_id, user_id) references users (company_id, id) on delete cascade
);

-- Failed logins per account and per client address; shared by every api process.
create table login_failures (
  key text primary key,
  failures integer not null,
  window_started_at timestamptz not null,
  locked_until timestamptz
);

create table audit_log (
  company_id uuid not null references companies (id) on delete cascade,
  id uuid not null,
  at timestamptz not null default now(),
  actor_user_id uuid,
  actor_label text not null,
  action text not null,
  entity_type text not null,
  entity_id uuid,
  changes jsonb not null default '{}',
  primary key (company_id, id)
);
create index audit_log_recent on audit_log (company_id, at desc, id desc);
