import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Database } from '../src/db/client.ts'
import { loadMigrations, migrate } from '../src/db/migrate.ts'
import { freshDatabase } from './helpers/database.ts'

// 0045 keeps the comments written before the history existed: each becomes its first entry.
let database: Database
let drop: () => Promise<void>
beforeAll(async () => {
  ;({ database, drop } = await freshDatabase())
})
afterAll(() => drop())

it('turns each stored comment into an entry of its history, with its timeline event', async () => {
  const db = database.db
  const before = (await loadMigrations()).filter((m) => m.id < 45)
  await db.transaction().execute(async (tx) => {
    await sql`create table schema_migrations (id integer primary key, name text not null,
      applied_at timestamptz not null default now())`.execute(tx)
    for (const m of before) {
      await sql.raw(m.sql).execute(tx)
      await sql`insert into schema_migrations (id, name) values (${m.id}, ${m.name})`.execute(tx)
    }
  })
  const company = '01900000-0000-7000-8000-000000000001'
  const source = '01900000-0000-7000-8000-000000000002'
  const office = '01900000-0000-7000-8000-000000000003'
  const [withComment, without, customer] = [4, 5, 6].map((n) => `01900000-0000-7000-8000-00000000000${n}`)
  await sql`insert into companies (id, slug, name) values (${company}, 'old', 'Old Co')`.execute(db)
  await sql`insert into roles (company_id, id, name, permissions, builtin) values
    (${company}, gen_random_uuid(), 'Manager', '{view_leads}', 'manager'),
    (${company}, gen_random_uuid(), 'Lead rep', '{view_leads}', 'lead_rep')`.execute(db)
  await sql`insert into partner_companies (company_id, id, name, kind) values (${company}, ${source}, 'Src', 'outside')`.execute(
    db,
  )
  await sql`insert into office_locations (company_id, id, name, timezone) values
    (${company}, ${office}, 'Main', 'America/Phoenix')`.execute(db)
  await sql`insert into leads (company_id, id, timezone, partner_company_id, location, priority_rank, contact_after,
      call_center_comments, updated_at) values
    (${company}, ${withComment}, 'America/Phoenix', ${source}, 'returned', 2, now(), 'Hung up twice', '2026-03-01T10:00:00Z'),
    (${company}, ${without}, 'America/Phoenix', ${source}, 'queue', 2, now(), '  ', now())`.execute(db)
  await sql`insert into customers (company_id, id, office_location_id, call_center_comments, updated_at) values
    (${company}, ${customer}, ${office}, 'Not the owner', '2026-04-01T10:00:00Z')`.execute(db)

  await migrate(db)

  const entries = await sql<{
    record_id: string
    text: string
    via: string
    author_label: string
    at: Date
    id: string
  }>`
    select record_id, text, via, author_label, at, id::text from record_activities order by record_id`.execute(
    db,
  )
  expect(entries.rows.map((r) => [r.record_id, r.text, r.via, r.author_label, r.at.toISOString()])).toEqual([
    [withComment, 'Hung up twice', 'earlier', 'Earlier comments', '2026-03-01T10:00:00.000Z'],
    [customer, 'Not the owner', 'earlier', 'Earlier comments', '2026-04-01T10:00:00.000Z'],
  ])
  // Time-ordered ids (UUIDv7 of the entry's time), so they sort among the entries added later.
  const ms = Date.parse('2026-03-01T10:00:00Z').toString(16).padStart(12, '0')
  expect(entries.rows[0]?.id.replace(/-/g, '').slice(0, 13)).toBe(`${ms}7`)
  const events = await sql<{ record_id: string; type: string; detail: unknown }>`
    select record_id, type, detail from timeline_events order by record_id`.execute(db)
  expect(events.rows).toEqual([
    { record_id: withComment, type: 'commented', detail: { text: 'Hung up twice', via: 'earlier' } },
    { record_id: customer, type: 'commented', detail: { text: 'Not the owner', via: 'earlier' } },
  ])
  const roles = await sql<{ builtin: string; permissions: string[] }>`
    select builtin, permissions from roles order by builtin`.execute(db)
  // Later migrations add other permissions to the built-in roles; view_queue goes to managers only.
  const permissionsOf = (builtin: string) => roles.rows.find((r) => r.builtin === builtin)?.permissions
  expect(permissionsOf('manager')).toEqual(expect.arrayContaining(['view_leads', 'view_queue']))
  expect(permissionsOf('lead_rep')).toEqual(['view_leads'])
})
