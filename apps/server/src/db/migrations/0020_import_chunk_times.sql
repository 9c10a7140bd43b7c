-- When each chunk of an upload arrived: an upload that stops arriving (its server was killed
-- mid-file) is given up after a while instead of staying 'uploading' for ever.
alter table import_chunks add column created_at timestamptz not null default now();
