import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineJob } from '../src/lib/jobs.ts'
import { startTestApp, type TestApp } from './helpers/app.ts'

let t: TestApp
const received: number[] = []
const probe = defineJob({ name: 'test.probe', schema: z.object({ n: z.number() }), handle: async () => {} })

beforeAll(async () => {
  t = await startTestApp()
  const { boss } = t.ctx.jobs
  await boss.createQueue(probe.name)
  await boss.work<{ n: number }>(probe.name, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
    if (job) received.push(job.data.n)
  })
})
afterAll(() => t.close())

async function eventually(check: () => boolean, ms = 10_000) {
  const until = Date.now() + ms
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 100))
  return check()
}

const jobsWith = async (n: number) => {
  const rows = await sql<{ c: number }>`select count(*)::int as c from pgboss.job
    where name = ${probe.name} and (data->>'n')::int = ${n}`.execute(t.ctx.db)
  return rows.rows[0]?.c
}

describe('transactional enqueue', () => {
  it('runs a job enqueued in a committed transaction exactly once', async () => {
    await t.ctx.db.transaction().execute(async (tx) => {
      await t.ctx.jobs.send(tx, probe, { n: 1 })
    })
    expect(await eventually(() => received.includes(1))).toBe(true)
    await new Promise((r) => setTimeout(r, 1500))
    expect(received.filter((n) => n === 1)).toHaveLength(1)
    expect(await jobsWith(1)).toBe(1)
  })

  it('never runs a job enqueued in a transaction that rolled back', async () => {
    await expect(
      t.ctx.db.transaction().execute(async (tx) => {
        await t.ctx.jobs.send(tx, probe, { n: 2 })
        throw new Error('the change failed')
      }),
    ).rejects.toThrow('the change failed')
    // A later committed job proves the worker polled past the rolled-back one.
    await t.ctx.db.transaction().execute((tx) => t.ctx.jobs.send(tx, probe, { n: 3 }))
    expect(await eventually(() => received.includes(3))).toBe(true)
    expect(received).not.toContain(2)
    expect(await jobsWith(2)).toBe(0)
  })
})

describe('overlapping transactions', () => {
  it('keep their own rows: one rolls back, the other commits, while the worker polls', async () => {
    const insert = (
      tx: Parameters<Parameters<ReturnType<typeof t.ctx.db.transaction>['execute']>[0]>[0],
      slug: string,
    ) => tx.insertInto('companies').values({ id: crypto.randomUUID(), slug, name: slug }).execute()
    const pause = () => new Promise((r) => setTimeout(r, 50))
    const failing = t.ctx.db.transaction().execute(async (tx) => {
      await insert(tx, 'rolled-back-1')
      await pause()
      await insert(tx, 'rolled-back-2')
      throw new Error('abort')
    })
    const committing = t.ctx.db.transaction().execute(async (tx) => {
      await pause()
      await insert(tx, 'committed-1')
      await pause()
      await insert(tx, 'committed-2')
    })
    const outside = t.ctx.db
      .insertInto('companies')
      .values({ id: crypto.randomUUID(), slug: 'outside', name: 'o' })
      .execute()
    const results = await Promise.allSettled([failing, committing, outside])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled'])
    const slugs = (await t.ctx.db.selectFrom('companies').select('slug').execute()).map((r) => r.slug)
    expect(slugs).toEqual(expect.arrayContaining(['committed-1', 'committed-2', 'outside']))
    expect(slugs).not.toContain('rolled-back-1')
    expect(slugs).not.toContain('rolled-back-2')
  })
})
