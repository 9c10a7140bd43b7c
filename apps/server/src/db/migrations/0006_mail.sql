-- The mail log: every email is a row, written in the transaction of the change that causes it,
-- and sent by the worker. With no SMTP server configured the log is the mailbox.
create table mail (
  company_id uuid not null references companies (id) on delete cascade,
  id uuid not null,
  to_addresses text[] not null,
  subject text not null,
  text_body text not null,
  html_body text,
  state text not null check (state in ('queued', 'retrying', 'sent', 'failed', 'logged')),
  attempts integer not null default 0,
  error text,
  related_kind text,
  related_id uuid,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  primary key (company_id, id)
);
create index mail_recent on mail (company_id, id desc);
