-- Call-center comments become an append-only history, beside the notes and calls people log on a
-- lead or customer. Nothing here is ever updated or deleted with its record still there.
create table record_activities (
  company_id uuid not null references companies (id) on delete cascade,
  id uuid not null,
  record_kind text not null check (record_kind in ('lead', 'customer')),
  record_id uuid not null,
  kind text not null check (kind in ('comment', 'note', 'call')),
  -- Comments only: how the entry came (written, with a return, the buyer's return, or kept from before).
  via text check (via in ('comment', 'return', 'returned_by_buyer', 'earlier')),
  text text not null,
  outcome text check (outcome in ('reached', 'no_answer', 'voicemail', 'busy', 'wrong_number')),
  duration_seconds integer check (duration_seconds between 0 and 86400),
  follow_up_at timestamptz,
  author_user_id uuid,
  author_label text not null,
  at timestamptz not null default now(),
  primary key (company_id, id),
  check ((kind = 'comment') = (via is not null)),
  check (kind = 'call' or (outcome is null and duration_seconds is null))
);
create index record_activities_record on record_activities (company_id, record_kind, record_id, kind, at, id);
create index record_activities_follow_ups on record_activities (company_id, author_user_id, follow_up_at)
  where follow_up_at is not null;

-- The comments written before: one entry each, dated by the record's last change, author unknown,
-- with its timeline event. Ids are UUIDv7 made from that time, so they sort with the new ones.
with earlier as (
  select company_id, 'lead' as record_kind, id as record_id, call_center_comments as text, updated_at as at
  from leads where coalesce(btrim(call_center_comments), '') <> ''
  union all
  select company_id, 'customer', id, call_center_comments, updated_at
  from customers where coalesce(btrim(call_center_comments), '') <> ''
),
keyed as (
  select e.*, lpad(to_hex(floor(extract(epoch from e.at) * 1000)::bigint), 12, '0') as ms,
    md5(random()::text || e.record_id::text) as r
  from earlier e
),
entries as (
  select k.*, (substr(ms, 1, 8) || '-' || substr(ms, 9, 4) || '-7' || substr(r, 1, 3) || '-8'
    || substr(r, 4, 3) || '-' || substr(r, 7, 12))::uuid as id
  from keyed k
),
comments as (
  insert into record_activities (company_id, id, record_kind, record_id, kind, via, text, author_label, at)
  select company_id, id, record_kind, record_id, 'comment', 'earlier', text, 'Earlier comments', at from entries
)
insert into timeline_events (company_id, id, record_kind, record_id, at, actor_label, type, detail)
select company_id, id, record_kind, record_id, at, 'Earlier comments', 'commented',
  jsonb_build_object('text', text, 'via', 'earlier')
from entries;

-- Seeing the Queue as a list of people is a permission of its own; reps see counts by priority.
update roles set permissions = array_append(permissions, 'view_queue')
where builtin in ('admin', 'manager') and not ('view_queue' = any (permissions));
