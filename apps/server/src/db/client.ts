import { mkdirSync } from 'node:fs'
import { PGlite, types } from '@electric-sql/pglite'
import { Kysely, PostgresDialect, type Transaction } from 'kysely'
import pg from 'pg'
import { PGliteDialect } from './pglite-dialect.ts'
import type { DB } from './schema.ts'

export type Db = Kysely<DB>
export type Tx = Transaction<DB>
/** Either the root handle or an open transaction: repos accept both. */
export type Conn = Db | Tx

export type Database =
  | { engine: 'postgres'; db: Db; connectionString: string; close(): Promise<void> }
  | { engine: 'pglite'; db: Db; pglite: PGlite; close(): Promise<void> }

// Counts fit in a JS number; both engines then hand the same types to the code.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))

export type DatabaseOptions = {
  /** postgres://… or undefined for the embedded engine. */
  databaseUrl: string | undefined
  /** PGlite folder, or 'memory://' for a throwaway database. */
  dataDir: string
  poolSize?: number
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 20 })
    // An idle connection dropped by the server (restart, failover) is replaced on next use;
    // without a listener the pool's 'error' event would end the process.
    pool.on('error', () => {})
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
    return { engine: 'postgres', db, connectionString: options.databaseUrl, close: () => db.destroy() }
  }
  if (!options.dataDir.startsWith('memory://')) mkdirSync(options.dataDir, { recursive: true })
  const pglite = await PGlite.create(options.dataDir, { parsers: { [types.INT8]: (v: string) => Number(v) } })
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) })
  return {
    engine: 'pglite',
    db,
    pglite,
    close: async () => {
      await db.destroy()
      await pglite.close()
    },
  }
}
