import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** The PostgreSQL server the benchmarks create their databases on. */
export const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

export type BenchDatabase = { name: string; url: string; drop(): Promise<void> }

/** A new, empty database (or a copy of `template`), dropped again by `drop`. */
export async function createDatabase(template?: string): Promise<BenchDatabase> {
  const name = `tributary_bench_${randomBytes(5).toString('hex')}`
  await onServer((c) => c.query(`create database ${name}${template ? ` template ${template}` : ''}`))
  return {
    name,
    url: databaseUrl(name),
    drop: () =>
      onServer((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  }
}

/** A short-lived connection to one database. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/**
 * A time-ordered UUID (version 7 layout) computed in SQL from a timestamp expression, like the
 * server's `newId()`: bulk rows then land in the primary-key index in order, as real intake does.
 */
export const uuid7Sql = (ts: string, salt: string) =>
  `(lpad(to_hex((extract(epoch from ${ts}) * 1000)::bigint), 12, '0') || '7' || ` +
  `substr(md5(${salt}::text), 1, 3) || '8' || substr(md5(${salt}::text), 4, 15))::uuid`

/** Dead and live tuples, vacuum counts of a table (pg_stat_user_tables). */
export async function tableStats(client: pg.Client, table: string) {
  const { rows } = await client.query(
    `select n_live_tup::int as live, n_dead_tup::int as dead, vacuum_count::int as vacuums,
            autovacuum_count::int as autovacuums, n_tup_hot_upd::int as hot_updates, n_tup_upd::int as updates
       from pg_stat_user_tables where relname = $1`,
    [table],
  )
  return rows[0] as {
    live: number
    dead: number
    vacuums: number
    autovacuums: number
    hot_updates: number
    updates: number
  }
}
