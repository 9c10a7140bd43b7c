-- Supplier lead management (seed 004): a company's auto-registration settings. The rules are
-- its own (mode 'own') or those its supplier set for it (mode 'supplier', sent by the supplier).
create table lead_management_settings (
  company_id uuid primary key references companies (id) on delete cascade,
  mode text not null default 'disabled' check (mode in ('disabled', 'supplier', 'own')),
  supplier_partner_company_id uuid,
  own_groups jsonb not null default '[]',
  supplier_groups jsonb not null default '[]',
  updated_at timestamptz not null default now(),
  foreign key (company_id, supplier_partner_company_id) references partner_companies (company_id, id) on delete set null (supplier_partner_company_id)
);
