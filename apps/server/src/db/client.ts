import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { PGlite, types } from '@electric-sql/pglite'
import { Kysely, PostgresDialect, type PostgresPool, type Transaction } from 'kysely'
import pg from 'pg'
import { type CompanyCache, pgliteCache, postgresCache } from './company-cache.ts'
import { PGliteDialect } from './pglite-dialect.ts'
import type { DB } from './schema.ts'

export type Db = Kysely<DB>
export type Tx = Transaction<DB>
/** Either the root handle or an open transaction: repos accept both. */
export type Conn = Db | Tx

export type Database =
  | { engine: 'postgres'; db: Db; connectionString: string; cache: CompanyCache; close(): Promise<void> }
  | { engine: 'pglite'; db: Db; pglite: PGlite; cache: CompanyCache; close(): Promise<void> }

// Counts fit in a JS number; both engines then hand the same types to the code.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))

export type DatabaseOptions = {
  /** postgres://… or undefined for the embedded engine. */
  databaseUrl: string | undefined
  /** PGlite folder, or 'memory://' for a throwaway database. */
  dataDir: string
  poolSize?: number
}

const statementNames = new Map<string, string>()
function statementName(text: string): string {
  let name = statementNames.get(text)
  if (!name) {
    name = `k${createHash('sha1').update(text).digest('base64url').slice(0, 22)}`
    statementNames.set(text, name)
  }
  return name
}

/**
 * Sends parameterised queries as named (prepared) statements, so PostgreSQL parses each distinct
 * query once per connection and, after a few calls, reuses its plan: planning took more database
 * time than running most of the intake's queries (bench/intake). A query whose plan must follow
 * the data runs inside a function that plans it to suit (see `lead_duplicates`).
 */
function preparing(pool: pg.Pool): PostgresPool {
  const wrapped = {
    async connect() {
      const client = await pool.connect()
      return {
        processID: (client as unknown as { processID?: number }).processID,
        query: (text: string, values?: unknown[]) =>
          values && values.length > 0
            ? client.query({ name: statementName(text), text, values })
            : client.query(text),
        release: (error?: Error | boolean) => client.release(error),
      }
    },
    end: () => pool.end(),
    options: pool.options,
    Client: (pool as unknown as { Client: typeof pg.Client }).Client,
  }
  return wrapped as unknown as PostgresPool
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 20,
    })
    // A connection the server drops (terminated backend, restart, failover) emits 'error' on its
    // client, and pg-pool listens only while the client is idle: unheard, a checked-out client's
    // error ends the process. The query in flight fails by itself (→ 503) and the pool discards
    // the dead client, so the listeners only have to keep the process alive.
    pool.on('error', () => {})
    pool.on('connect', (client) => client.on('error', () => {}))
    const cache = postgresCache(options.databaseUrl)
    const db = new Kysely<DB>({
      dialect: new PostgresDialect({ pool: preparing(pool) }),
      plugins: [cache.plugin],
    })
    return {
      engine: 'postgres',
      db,
      connectionString: options.databaseUrl,
      cache,
      close: async () => {
        await cache.close()
        await db.destroy()
      },
    }
  }
  if (!options.dataDir.startsWith('memory://')) mkdirSync(options.dataDir, { recursive: true })
  const pglite = await PGlite.create(options.dataDir, { parsers: { [types.INT8]: (v: string) => Number(v) } })
  const cache = pgliteCache(pglite)
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), plugins: [cache.plugin] })
  return {
    engine: 'pglite',
    db,
    pglite,
    cache,
    close: async () => {
      await cache.close()
      await db.destroy()
      await pglite.close()
    },
  }
}
