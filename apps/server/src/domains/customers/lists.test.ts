import { randomUUID } from 'node:crypto'
import { parse } from 'csv-parse/sync'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, type Session, signup } from '../../../test/helpers/client.ts'
import { timelineTypes } from '../../../test/helpers/leads.ts'

let t: TestApp
let admin: Session
let offices: string[]

const office = async (session: Session, name: string) => {
  const res = await call(t.app, 'POST', '/api/v1/office-locations', {
    token: session.token,
    body: { name, timezone: 'America/New_York' },
  })
  if (res.status !== 201) throw new Error(`office: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.id as string
}

beforeAll(async () => {
  t = await startTestApp()
  admin = await signup(t.app)
  offices = [await office(admin, 'west Office'), await office(admin, 'East Office')]
  await sql`insert into customers (company_id, id, first_name, last_name, office_location_id, created_at)
    select ${admin.companyId}, gen_random_uuid(), 'Sorted',
      case when g % 5 = 0 then null else (array['Brown', 'adams', 'Clark', '=cmd'])[g % 4 + 1] end,
      (${offices}::uuid[])[g % 2 + 1], timestamptz '2026-01-01' + (g % 3) * interval '1 microsecond'
    from generate_series(1, 23) g`.execute(t.ctx.db)
})
afterAll(() => t.close())

const orders: Record<string, string[]> = {
  number: ['c.number', 'c.id'],
  createdAt: ['c.created_at', 'c.id'],
  lastName: ["lower(coalesce(c.last_name, ''))", 'c.id'],
  location: ['lower(o.name)', 'o.id', 'c.id'],
}

describe('GET /api/v1/customers?sort=', () => {
  const sorts = Object.keys(orders).flatMap((s) => [s, `-${s}`])
  it.each(sorts)('%s pages to the end in the order SQL gives, with the total', async (sort) => {
    const ids: string[] = []
    let cursor: string | null = null
    do {
      const res = await call(
        t.app,
        'GET',
        `/api/v1/customers?sort=${sort}&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { token: admin.token },
      )
      expect(res.status).toBe(200)
      expect(res.body.total).toBe(23)
      ids.push(...res.body.items.map((c: { id: string }) => c.id))
      cursor = res.body.nextCursor
    } while (cursor)
    const parts = orders[sort.replace(/^-/, '')] ?? []
    const order = (sort.startsWith('-') ? parts.map((p) => `${p} desc`) : parts).join(', ')
    const { rows } = await sql<{ id: string }>`select c.id from customers c
      join office_locations o on o.company_id = c.company_id and o.id = c.office_location_id
      where c.company_id = ${admin.companyId} order by ${sql.raw(order)}`.execute(t.ctx.db)
    expect(ids).toEqual(rows.map((r) => r.id))
  })

  it('has no priority order: customers have no priority', async () => {
    const res = await call(t.app, 'GET', '/api/v1/customers?sort=priority', { token: admin.token })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].path).toBe('sort')
  })
})

describe('POST /api/v1/customers/bulk', () => {
  it('moves the good customers to an office, reports the others, and writes each one’s timeline', async () => {
    const target = await office(admin, 'Bulk Office')
    const west = await call(t.app, 'GET', `/api/v1/customers?officeLocationId=${offices[0]}&limit=2`, {
      token: admin.token,
    })
    const good = west.body.items.map((c: { id: string }) => c.id) as string[]
    const other = await signup(t.app)
    const theirs = await call(t.app, 'POST', '/api/v1/customers', {
      token: other.token,
      body: { lastName: 'Theirs' },
    })
    const missing = randomUUID()
    const res = await call(t.app, 'POST', '/api/v1/customers/bulk', {
      token: admin.token,
      body: { action: 'move', officeLocationId: target, customerIds: [...good, theirs.body.id, missing] },
    })
    expect(res.status).toBe(200)
    expect(res.body.done).toEqual(good)
    expect(res.body.failed).toEqual([
      { id: theirs.body.id, detail: expect.stringMatching(/not found/i) },
      { id: missing, detail: expect.stringMatching(/not found/i) },
    ])
    for (const id of good) {
      const customer = await call(t.app, 'GET', `/api/v1/customers/${id}`, { token: admin.token })
      expect(customer.body.officeLocationId).toBe(target)
      expect(await timelineTypes(t.app, admin, 'customers', id)).toContain('updated')
    }
    // Another company's office is refused for each customer, as the single update refuses it.
    const foreignOffice = await office(other, 'Their Office')
    const refused = await call(t.app, 'POST', '/api/v1/customers/bulk', {
      token: admin.token,
      body: { action: 'move', officeLocationId: foreignOffice, customerIds: good },
    })
    expect(refused.body.done).toEqual([])
    expect(refused.body.failed.map((f: { detail: string }) => f.detail)).toEqual(
      good.map(() => 'No such office location'),
    )
  })

  it('refuses more than 1,000 ids', async () => {
    const res = await call(t.app, 'POST', '/api/v1/customers/bulk', {
      token: admin.token,
      body: {
        action: 'move',
        officeLocationId: offices[0],
        customerIds: Array.from({ length: 1001 }, () => randomUUID()),
      },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([
      { path: 'customerIds', message: 'Choose at most 1,000 customers at once' },
    ])
  })
})

describe('GET /api/v1/customers/export.csv', () => {
  it('exports the filtered list with escaped formula cells', async () => {
    const res = await call(
      t.app,
      'GET',
      `/api/v1/customers/export.csv?officeLocationId=${offices[1]}&sort=number`,
      {
        token: admin.token,
      },
    )
    expect(res.status).toBe(200)
    const [header, ...rows] = parse(res.body as string) as string[][]
    expect(header?.slice(-4)).toEqual(['Campaign', 'Office location', 'Status', 'Added'])
    const listed = await call(
      t.app,
      'GET',
      `/api/v1/customers?officeLocationId=${offices[1]}&sort=number&limit=200`,
      {
        token: admin.token,
      },
    )
    expect(rows.map((r) => r[0])).toEqual(listed.body.items.map((c: { number: number }) => String(c.number)))
    expect(new Set(rows.map((r) => r[13]))).toEqual(new Set(['East Office']))
    expect(rows.some((r) => r[2] === "'=cmd")).toBe(true)
    expect(rows.some((r) => r[2] === '=cmd')).toBe(false)
  })
})
