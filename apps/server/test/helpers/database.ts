import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { type Database, openDatabase } from '../../src/db/client.ts'

/**
 * A database nobody else uses: in-memory PGlite by default, or a new database on the
 * PostgreSQL server that DATABASE_URL points to (dropped again by `drop`).
 */
export async function freshDatabase(): Promise<{
  database: Database
  url: string | undefined
  drop(): Promise<void>
}> {
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    const database = await openDatabase({ databaseUrl: undefined, dataDir: 'memory://' })
    return { database, url: undefined, drop: () => database.close().catch(() => {}) }
  }
  const url = await createEmptyDatabase(serverUrl)
  const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 10 })
  return {
    database,
    url,
    drop: async () => {
      // A test may have closed it already (to play a lost database).
      await database.close().catch(() => {})
      await dropDatabase(serverUrl, url)
    },
  }
}

/** One statement on a fresh connection to `url` (the server's admin database, or a test's own). */
export async function serverSql(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(text, values)).rows
  } finally {
    await client.end()
  }
}

export async function createEmptyDatabase(serverUrl: string): Promise<string> {
  const name = `tributary_test_${randomBytes(6).toString('hex')}`
  await serverSql(serverUrl, `create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

export async function dropDatabase(serverUrl: string, url: string) {
  await serverSql(serverUrl, `drop database if exists ${new URL(url).pathname.slice(1)} with (force)`)
}
