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

export async function createEmptyDatabase(serverUrl: string): Promise<string> {
  const name = `tributary_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await admin.query(`create database ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

export async function dropDatabase(serverUrl: string, url: string) {
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await admin.query(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`)
  } finally {
    await admin.end()
  }
}
