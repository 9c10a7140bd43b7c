import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { loadMigrations } from '../src/db/migrate.ts'
import { createEmptyDatabase, dropDatabase } from './helpers/database.ts'

const run = promisify(execFile)
const main = fileURLToPath(new URL('../src/main.ts', import.meta.url))
const serverUrl = process.env.DATABASE_URL as string
let url: string

beforeAll(async () => {
  url = await createEmptyDatabase(serverUrl)
})
afterAll(() => dropDatabase(serverUrl, url))

it('two processes migrating the same empty database at once apply each migration once', async () => {
  const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' }
  const [a, b] = await Promise.all([
    run(process.execPath, [main, 'migrate'], { env }),
    run(process.execPath, [main, 'migrate'], { env }),
  ])
  expect(`${a.stderr}${b.stderr}`).not.toMatch(/error/i)
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const applied = await client.query('select id from schema_migrations order by id')
    expect(applied.rows.map((r) => r.id)).toEqual((await loadMigrations()).map((m) => m.id))
    const tables = await client.query(
      `select count(*)::int as n from information_schema.tables where table_name = 'users'`,
    )
    expect(tables.rows[0].n).toBe(1)
  } finally {
    await client.end()
  }
})
