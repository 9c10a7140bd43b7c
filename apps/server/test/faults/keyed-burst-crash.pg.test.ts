import { afterAll, beforeAll, expect, it } from 'vitest'
import { uniquePhone } from '../helpers/leads.ts'
import { startTenantServer, type TenantServer } from '../helpers/tenant-server.ts'

// A partner posts leads with Idempotency-Keys and the server is SIGKILLed mid-burst; the partner
// retries every key after the restart: each key is exactly one lead, and no acknowledged one is lost
// or changed.
const KEYS = 400
let t: TenantServer

beforeAll(async () => {
  t = await startTenantServer('Keyed Co')
}, 120_000)
afterAll(() => t?.close())

it(`keeps ${KEYS} keyed posts exactly once across a SIGKILL and the retries`, async () => {
  const posts = Array.from({ length: KEYS }, (_, i) => ({ key: `burst-${i}`, phone: uniquePhone() }))
  const acknowledged = new Map<string, string>()
  let next = 0
  const burst = Array.from({ length: 16 }, async () => {
    while (next < posts.length) {
      const post = posts[next++] as (typeof posts)[number]
      const answer = await t.postLead(post)
      if (answer.status === 0) return
      if (answer.id) acknowledged.set(post.key, answer.id)
    }
  })
  // Killed once a quarter of the burst is acknowledged: mid-burst on a slow machine or a fast one.
  while (acknowledged.size < KEYS / 4) await new Promise((r) => setTimeout(r, 5))
  t.server.process.kill('SIGKILL')
  await Promise.all(burst)
  expect(acknowledged.size, 'the kill came after the burst').toBeLessThan(KEYS)
  expect(acknowledged.size, 'the kill came before the burst').toBeGreaterThan(0)

  await t.restart()
  let retry = 0
  const retries = Array.from({ length: 8 }, async () => {
    while (retry < posts.length) {
      const post = posts[retry++] as (typeof posts)[number]
      const answer = await t.postLead(post)
      expect(answer.status, `${post.key}: ${answer.status}`).toBe(201)
      const before = acknowledged.get(post.key)
      if (before) expect(answer.id, `${post.key} answered with another lead`).toBe(before)
    }
  })
  await Promise.all(retries)
  expect(await t.leadCounts()).toEqual({ n: KEYS, phones: KEYS })
  console.info(
    `keyed burst: ${acknowledged.size} of ${KEYS} acknowledged before the SIGKILL, ${KEYS} leads after the retries`,
  )
}, 180_000)
