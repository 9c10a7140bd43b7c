import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, type Session, signup } from '../../../test/helpers/client.ts'
import { seller } from '../../../test/helpers/leads.ts'
import { createPartner } from '../../../test/helpers/partners.ts'

let t: TestApp
let admin: Session
beforeAll(async () => {
  t = await startTestApp()
  admin = await signup(t.app)
  for (const name of ['delta', 'Alpha', 'charlie', 'Bravo', 'echo'])
    await createPartner(t.app, admin, seller(name))
})
afterAll(() => t.close())

const orders: Record<string, string> = {
  name: 'lower(name), id',
  '-name': 'lower(name) desc, id desc',
  createdAt: 'created_at, id',
  '-createdAt': 'created_at desc, id desc',
}

describe('GET /api/v1/partner-companies?sort=', () => {
  it.each(Object.keys(orders))('%s pages one by one in the order SQL gives, with the total', async (sort) => {
    const ids: string[] = []
    let cursor: string | null = null
    do {
      const res = await call(
        t.app,
        'GET',
        `/api/v1/partner-companies?sort=${sort}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { token: admin.token },
      )
      expect(res.status).toBe(200)
      ids.push(...res.body.items.map((p: { id: string }) => p.id))
      cursor = res.body.nextCursor
    } while (cursor)
    const { rows } = await sql<{
      id: string
    }>`select id from partner_companies where company_id = ${admin.companyId}
      order by ${sql.raw(orders[sort] as string)}`.execute(t.ctx.db)
    expect(ids).toEqual(rows.map((r) => r.id))
    const first = await call(t.app, 'GET', `/api/v1/partner-companies?sort=${sort}&limit=2`, {
      token: admin.token,
    })
    expect(first.body.total).toBe(rows.length)
  })
})
