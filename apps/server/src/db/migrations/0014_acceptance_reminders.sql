-- Seed 004: distributed leads nobody accepted or declined are reminded to the recipients once,
-- after the company's acceptance reminder hours.
alter table lead_management_settings add column acceptance_reminder_hours integer not null default 24
  check (acceptance_reminder_hours between 1 and 720);
alter table distribution_batches add column reminded_at timestamptz;
