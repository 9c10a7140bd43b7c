-- The auto-registration rules a supplier last sent each channel partner (rules.updated), so its
-- partner company page shows them and they can be changed rather than typed again.
create table partner_registration_rules (
  company_id uuid not null references companies (id) on delete cascade,
  partner_company_id uuid not null,
  groups jsonb not null,
  delivery_id uuid not null,
  sent_at timestamptz not null default now(),
  primary key (company_id, partner_company_id),
  foreign key (company_id, partner_company_id) references partner_companies (company_id, id) on delete cascade
);
