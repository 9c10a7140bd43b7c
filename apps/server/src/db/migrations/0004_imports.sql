-- CSV imports: the uploaded file in chunks (so api and worker need no shared disk and
-- nothing holds the whole file in memory), and the import's progress and row errors.

create table imports (
  company_id uuid not null references companies (id) on delete cascade,
  id uuid not null,
  kind text not null check (kind in ('leads')),
  state text not null default 'uploading' check (state in ('uploading', 'queued', 'running', 'done', 'failed')),
  created_by uuid not null,
  created_by_label text not null,
  default_partner_company_id uuid,
  total_bytes bigint not null default 0,
  processed_bytes bigint not null default 0,
  processed_rows integer not null default 0,
  created_rows integer not null default 0,
  failed_rows integer not null default 0,
  errors jsonb not null default '[]',
  failure text,
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  primary key (company_id, id)
);

create table import_chunks (
  company_id uuid not null,
  import_id uuid not null,
  seq integer not null,
  data bytea not null,
  primary key (company_id, import_id, seq),
  foreign key (company_id, import_id) references imports (company_id, id) on delete cascade
);
