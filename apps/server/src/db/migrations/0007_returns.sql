-- Returns: each company's list of return reasons, and a return window per lead source.
create table return_reasons (
  company_id uuid not null references companies (id) on delete cascade,
  id uuid not null,
  name text not null,
  position integer not null default 0,
  created_at timestamptz not null default now(),
  primary key (company_id, id)
);
create unique index return_reasons_name on return_reasons (company_id, lower(name));

-- null: leads of this source can be returned at any age.
alter table partner_companies add column sl_return_window_days integer check (sl_return_window_days between 1 and 3650);

insert into return_reasons (company_id, id, name, position)
select c.id, gen_random_uuid(), r.name, r.position
from companies c cross join (values
  ('Wrong or disconnected number', 1), ('Not interested', 2), ('Did not request contact', 3),
  ('Duplicate', 4), ('Outside service area', 5)) as r(name, position);
