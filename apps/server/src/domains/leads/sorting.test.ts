import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, type Session, signup } from '../../../test/helpers/client.ts'
import { seller } from '../../../test/helpers/leads.ts'
import { createPartner } from '../../../test/helpers/partners.ts'

let t: TestApp
let admin: Session
let sources: { id: string }[]

/**
 * `count` leads of a company straight in SQL, with ties on purpose: three creation times, last
 * names repeating (and missing), every priority and four locations, spread over the sources.
 */
async function fillLeads(companyId: string, partnerIds: string[], count: number) {
  await sql`insert into leads (company_id, id, first_name, last_name, phone, country, timezone,
      partner_company_id, location, priority_rank, contact_after, created_at, updated_at)
    select ${companyId}, gen_random_uuid(), 'Sorted',
      case when g % 5 = 0 then null else (array['Brown', 'adams', 'Clark', 'brown'])[g % 4 + 1] end,
      '+1602555' || lpad(g::text, 4, '0'), 'US', 'America/New_York',
      (${partnerIds}::uuid[])[g % ${partnerIds.length} + 1],
      (array['queue', 'pending', 'assigned', 'invalid'])[g % 4 + 1], g % 3, now(),
      timestamptz '2026-01-01' + (g % 3) * interval '1 microsecond', now()
    from generate_series(1, ${count}) g`.execute(t.ctx.db)
}

beforeAll(async () => {
  t = await startTestApp()
  admin = await signup(t.app)
  // Names whose order differs from their ids' and from their creation.
  sources = [
    await createPartner(t.app, admin, seller('zeta Leads')),
    await createPartner(t.app, admin, seller('Alpha Leads')),
    await createPartner(t.app, admin, seller('mid Leads')),
  ]
  await fillLeads(
    admin.companyId,
    sources.map((s) => s.id),
    37,
  )
})
afterAll(() => t.close())

/** Every page of a list, `limit` at a time, following nextCursor to the end. */
async function readAll(path: string, limit: number) {
  const ids: string[] = []
  let cursor: string | null = null
  let totals: number[] = []
  do {
    const sep = path.includes('?') ? '&' : '?'
    const url = `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
    const res = await call(t.app, 'GET', url, { token: admin.token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    ids.push(...res.body.items.map((r: { id: string }) => r.id))
    totals = [...totals, res.body.total]
    cursor = res.body.nextCursor
  } while (cursor)
  return { ids, totals }
}

/** The documented order of each sort, written out in SQL apart from the server's code. */
const orders: Record<string, string[]> = {
  number: ['l.number', 'l.id'],
  createdAt: ['l.created_at', 'l.id'],
  lastName: ["lower(coalesce(l.last_name, ''))", 'l.id'],
  priority: ['l.priority_rank', 'l.created_at', 'l.id'],
  location: ['l.location', 'l.id'],
  source: ['lower(p.name)', 'p.id', 'l.id'],
}

async function expected(sort: string, where: string) {
  const name = sort.replace(/^-/, '')
  const parts = orders[name] ?? []
  const order = (sort.startsWith('-') ? parts.map((part) => `${part} desc`) : parts).join(', ')
  const { rows } = await sql<{ id: string }>`select l.id from leads l
    join partner_companies p on p.company_id = l.company_id and p.id = l.partner_company_id
    where l.company_id = ${admin.companyId} ${sql.raw(where)} order by ${sql.raw(order)}`.execute(t.ctx.db)
  return rows.map((r) => r.id)
}

describe('GET /api/v1/leads?sort=', () => {
  const sorts = Object.keys(orders).flatMap((s) => [s, `-${s}`])

  it.each(sorts)('%s pages to the end in the order SQL gives, every row once', async (sort) => {
    const all = await readAll(`/api/v1/leads?sort=${sort}`, 4)
    expect(all.ids).toEqual(await expected(sort, ''))
    expect(new Set(all.totals)).toEqual(new Set([37]))
  })

  it.each(sorts)('%s with a filter (location=queue) stays exact', async (sort) => {
    const all = await readAll(`/api/v1/leads?sort=${sort}&location=queue`, 3)
    expect(all.ids).toEqual(await expected(sort, "and l.location = 'queue'"))
  })

  it('refuses a cursor of another sort, and an unknown sort, in words', async () => {
    const first = await call(t.app, 'GET', '/api/v1/leads?sort=lastName&limit=2', { token: admin.token })
    const res = await call(
      t.app,
      'GET',
      `/api/v1/leads?sort=-number&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      { token: admin.token },
    )
    expect(res.status).toBe(400)
    expect(res.body.errors[0].path).toBe('cursor')
    const unknown = await call(t.app, 'GET', '/api/v1/leads?sort=phone', { token: admin.token })
    expect(unknown.status).toBe(400)
    expect(unknown.body.errors[0].path).toBe('sort')
  })
})

describe('list totals', () => {
  it('are exact up to 10,000, then 10,000 as a lower bound', async () => {
    const big = await signup(t.app)
    const source = await createPartner(t.app, big, seller('Big Seller'))
    await fillLeads(big.companyId, [source.id], 10_001)
    const get = (query: string) => call(t.app, 'GET', `/api/v1/leads?${query}`, { token: big.token })
    const all = await get('limit=1')
    expect(all.body).toMatchObject({ total: 10_000, totalIsLowerBound: true })
    const queue = await get('location=queue&limit=1')
    expect(queue.body.total).toBe(2500)
    expect(queue.body.totalIsLowerBound).toBeUndefined()
    const none = await get('q=nobody-at-all')
    expect(none.body).toMatchObject({ items: [], total: 0 })
  })
})
