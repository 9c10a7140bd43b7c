import { afterAll, beforeAll, expect, it } from 'vitest'
import { serverSql } from '../helpers/database.ts'
import { startTenantServer, type TenantServer } from '../helpers/tenant-server.ts'

// PostgreSQL ends this database's connections (an admin, a failover, a restart) while
// `tributary start` takes leads: the process must live through it and recover by itself.
const serverUrl = process.env.DATABASE_URL as string
const ROUNDS = 20
let t: TenantServer

beforeAll(async () => {
  t = await startTenantServer('Faults Co')
}, 120_000)
afterAll(() => t?.close())

const terminateBackends = () =>
  serverSql(
    serverUrl,
    'select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [new URL(t.url).pathname.slice(1)],
  )

it(`survives ${ROUNDS} rounds of terminated backends under load, answering 503 at worst`, async () => {
  const statuses = new Map<number, number>()
  for (let round = 0; round < ROUNDS; round++) {
    const load = Array.from({ length: 16 }, async () => {
      const answers = []
      for (let i = 0; i < 4; i++) answers.push(await t.postLead())
      return answers
    })
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 150 + i * 400))
      await terminateBackends()
    }
    for (const answer of (await Promise.all(load)).flat()) {
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
      if (answer.status !== 201) {
        expect(answer.status, t.server.output()).toBe(503)
        expect(answer.type).toMatch(/^application\/problem\+json/)
        expect(Number(answer.retryAfter)).toBeGreaterThan(0)
      }
    }
    expect(t.server.process.exitCode, `crashed in round ${round}:\n${t.server.output()}`).toBeNull()
  }
  // And it recovers by itself: the next leads go through.
  for (let i = 0; i < 5; i++) expect((await t.postLead()).status).toBe(201)
  expect(t.server.process.exitCode).toBeNull()
  console.info('terminated-backends statuses', Object.fromEntries(statuses))
}, 300_000)
