-- Each process keeps who is behind a token, a company's queue settings and its lead sources in
-- memory (db/company-cache.ts). A change to any table behind them notifies `tributary_changes`
-- with the company's id; NOTIFY is sent when the changing transaction commits (never when it
-- rolls back), and every process listening drops that company's entries. So a revoked API key,
-- an ended session, a disabled user or a changed role is refused by every process as soon as the
-- change has committed. Changes here are rare (administration), so a notification per row costs
-- nothing that matters; PostgreSQL folds repeats of one company within a transaction.
create function notify_company_change() returns trigger
language plpgsql
as $$
begin
  perform pg_notify('tributary_changes',
    (case when tg_op = 'DELETE' then to_jsonb(old) else to_jsonb(new) end) ->> tg_argv[0]);
  return null;
end
$$;

-- Who is behind a token: a session ends (logout, everywhere), a key is revoked or renamed, a user
-- is disabled, deleted or renamed, a user's roles or a role's permissions change, a partner
-- company's login is revoked (or it is deactivated).
create trigger sessions_changed after delete on sessions
  for each row execute function notify_company_change('company_id');
-- A key's last use is written at most once a minute and changes nothing cached.
create trigger api_keys_changed after update of name, key_hash, user_id or delete on api_keys
  for each row execute function notify_company_change('company_id');
create trigger users_changed after update or delete on users
  for each row execute function notify_company_change('company_id');
create trigger user_roles_changed after insert or update or delete on user_roles
  for each row execute function notify_company_change('company_id');
create trigger roles_changed after update or delete on roles
  for each row execute function notify_company_change('company_id');
-- Partner companies are also lead sources (intake reads them from the cache).
create trigger partner_companies_changed after update or delete on partner_companies
  for each row execute function notify_company_change('company_id');

-- What intake reads of its company: queue settings, time zone, auto-registration.
create trigger queue_settings_changed after insert or update or delete on queue_settings
  for each row execute function notify_company_change('company_id');
create trigger companies_changed after update on companies
  for each row execute function notify_company_change('id');
create trigger lead_management_settings_changed after insert or update or delete on lead_management_settings
  for each row execute function notify_company_change('company_id');
