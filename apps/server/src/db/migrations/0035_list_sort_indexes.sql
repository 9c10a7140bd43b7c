-- The lists' sort orders (`?sort=`, issue 13): each order is keyset-paged by (key…, id), so each
-- needs an index that starts with company_id and holds the key and id, or a page of a company
-- with a million leads would sort them all. Orders already served: leads by priority
-- (leads_by_order, leads_by_location) and number (leads_number); customers by age
-- (customers_by_age) and number (customers_number); partner companies by name.
create index leads_by_created on leads (company_id, created_at, id);
create index leads_by_last_name on leads (company_id, lower(coalesce(last_name, '')), id);
create index leads_by_location_id on leads (company_id, location, id);
-- By source name: each source's leads in id order (sort.ts `byParentName`).
create index leads_by_source_id on leads (company_id, partner_company_id, id);

create index customers_by_last_name on customers (company_id, lower(coalesce(last_name, '')), id);
-- By office name: each office's customers in id order.
create index customers_by_office_id on customers (company_id, office_location_id, id);

create index partner_companies_by_created on partner_companies (company_id, created_at, id);
