import { readdir, readFile } from 'node:fs/promises'
import { sql } from 'kysely'
import type { Db } from './client.ts'

const migrationsDir = new URL('./migrations/', import.meta.url)
// Any fixed number: every process that migrates takes the same advisory lock.
const MIGRATION_LOCK = 7_302_114_001

export type Migration = { id: number; name: string; sql: string }

let loaded: Promise<Migration[]> | undefined
export function loadMigrations(): Promise<Migration[]> {
  loaded ??= readMigrations()
  return loaded
}

async function readMigrations(): Promise<Migration[]> {
  const files = (await readdir(migrationsDir)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort()
  return Promise.all(
    files.map(async (name) => ({
      id: Number(name.slice(0, 4)),
      name,
      sql: await readFile(new URL(name, migrationsDir), 'utf8'),
    })),
  )
}

/**
 * Forward-only: applies the migrations not yet recorded, in order, in one transaction
 * under an advisory lock, so processes starting together apply each migration once.
 */
export async function migrate(db: Db): Promise<string[]> {
  const migrations = await loadMigrations()
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(tx)
    await sql`create table if not exists schema_migrations (
      id integer primary key, name text not null, applied_at timestamptz not null default now())`.execute(tx)
    const applied = await sql<{ id: number }>`select id from schema_migrations`.execute(tx)
    const done = new Set(applied.rows.map((r) => r.id))
    const pending = migrations.filter((m) => !done.has(m.id))
    for (const m of pending) {
      await sql.raw(m.sql).execute(tx)
      await sql`insert into schema_migrations (id, name) values (${m.id}, ${m.name})`.execute(tx)
    }
    return pending.map((m) => m.name)
  })
}

/** True when every migration shipped with this build has been applied (for /readyz). */
export async function migrationsCurrent(db: Db): Promise<boolean> {
  const migrations = await loadMigrations()
  const applied = await sql<{ n: number }>`select count(*)::int as n from schema_migrations`.execute(db)
  return (applied.rows[0]?.n ?? 0) >= migrations.length
}
