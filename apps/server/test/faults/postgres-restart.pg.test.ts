import { afterAll, beforeAll, expect, it } from 'vitest'
import { serverSql } from '../helpers/database.ts'
import { startPrivatePostgres } from '../helpers/private-postgres.ts'
import type { LeadAttempt } from '../helpers/tenant-server.ts'
import { startTenantServer, type TenantServer } from '../helpers/tenant-server.ts'

// PostgreSQL restarted under load (an upgrade, a failover): clients see 503 with Retry-After
// meanwhile, the process recovers by itself, and no acknowledged lead is lost.
let postgres: Awaited<ReturnType<typeof startPrivatePostgres>>
let t: TenantServer

beforeAll(async () => {
  postgres = await startPrivatePostgres()
  t = await startTenantServer('Restart Co', postgres.url)
}, 120_000)
afterAll(async () => {
  await t?.close()
  postgres?.stop()
})

it('rides out a PostgreSQL restart under load and recovers by itself', async () => {
  const answers: LeadAttempt[] = []
  let loading = true
  const load = Array.from({ length: 16 }, async () => {
    while (loading) answers.push(await t.postLead())
  })
  await new Promise((r) => setTimeout(r, 1000))
  // The load goes on while PostgreSQL is down and for a moment after it is back.
  await postgres.restart()
  await new Promise((r) => setTimeout(r, 1500))
  loading = false
  await Promise.all(load)

  expect(t.server.process.exitCode, t.server.output()).toBeNull()
  const failed = answers.filter((a) => a.status !== 201)
  expect(failed.length, 'the restart was not felt at all').toBeGreaterThan(0)
  for (const answer of failed) {
    expect(answer.status, t.server.output()).toBe(503)
    expect(answer.type).toMatch(/^application\/problem\+json/)
    expect(Number(answer.retryAfter)).toBeGreaterThan(0)
  }
  // Recovered: new leads go through again, and every acknowledged one is there.
  let next = await t.postLead()
  for (let i = 0; i < 50 && next.status !== 201; i++) {
    await new Promise((r) => setTimeout(r, 200))
    next = await t.postLead()
  }
  expect(next.status).toBe(201)
  const acknowledged = answers.flatMap((a) => (a.id ? [a.id] : []))
  const [found] = await serverSql(t.url, 'select count(*)::int as n from leads where id = any($1::uuid[])', [
    acknowledged,
  ])
  expect(found?.n).toBe(acknowledged.length)
  console.info(
    `postgres restart: ${answers.length} posts, ${acknowledged.length} × 201, ${failed.length} × 503`,
  )
}, 120_000)
