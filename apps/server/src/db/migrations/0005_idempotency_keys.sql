-- Idempotency-Key: the first answer to a keyed request, replayed for repeats (≥ 7 days).
create table idempotency_keys (
  company_id uuid not null references companies (id) on delete cascade,
  scope text not null,
  key text not null,
  request_hash bytea not null,
  status integer not null,
  response jsonb not null,
  created_at timestamptz not null default now(),
  primary key (company_id, scope, key)
);
create index idempotency_keys_age on idempotency_keys (created_at);
