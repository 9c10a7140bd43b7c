-- The transaction that last requested a lead from the queue. When a claim's first choice was
-- requested by a transaction that committed after the claim's snapshot, PostgreSQL re-checks the
-- claim's conditions on the new row; without this, a lead sent back to the queue with no
-- blacklist still passes them and goes to a second rep at the same moment.
alter table leads add column requested_xid xid8;
