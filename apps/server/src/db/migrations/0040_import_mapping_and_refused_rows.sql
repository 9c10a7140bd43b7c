-- CSV imports people can use (issue 13.4): the header as uploaded and the mapping of its columns
-- to lead fields, leads added per source (one purchase notification per source when the import
-- ends), every refused row as uploaded with all its problems (for errors.csv), and the mapping a
-- company chose last time for each header.

alter table imports
  add column header text,
  add column columns jsonb,
  add column created_by_source jsonb not null default '{}';

create table import_refused_rows (
  company_id uuid not null,
  import_id uuid not null,
  row integer not null,
  raw text not null,
  errors jsonb not null,
  primary key (company_id, import_id, row),
  foreign key (company_id, import_id) references imports (company_id, id) on delete cascade
);

-- One row per company: normalised header → lead field, or null for a column it ignores.
create table import_mappings (
  company_id uuid primary key references companies (id) on delete cascade,
  columns jsonb not null default '{}',
  updated_at timestamptz not null default now()
);
