import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, type Session, signup } from '../../../test/helpers/client.ts'
import { createLead, leadBody } from '../../../test/helpers/leads.ts'
import { partnerLogin } from '../../../test/helpers/partners.ts'

type Portal = Awaited<ReturnType<typeof partnerLogin>> & {
  leads: string[]
  customers: string[]
}

let t: TestApp
let admin: Session
let a: Portal
let b: Portal
beforeAll(async () => {
  t = await startTestApp()
  admin = await signup(t.app)
  const office = (await call(t.app, 'GET', '/api/v1/office-locations', { token: admin.token })).body.items[0]
    .id
  const portal = async (username: string): Promise<Portal> => {
    const login = await partnerLogin(t.app, admin, username)
    await call(t.app, 'PATCH', `/api/v1/partner-companies/${login.partnerId}`, {
      token: admin.token,
      body: { sellsCustomers: { enabled: true, defaultOfficeLocationId: office } },
    })
    const leads = [
      (await createLead(t.app, admin, login.partnerId)).id,
      (await createLead(t.app, admin, login.partnerId, { location: 'pending' })).id,
    ]
    const customers: string[] = []
    for (const firstName of ['One', 'Two']) {
      const res = await call(t.app, 'POST', '/api/v1/customers', {
        token: admin.token,
        body: { firstName, partnerCompanyId: login.partnerId },
      })
      customers.push(res.body.id)
    }
    return { ...login, leads, customers }
  }
  a = await portal('portal-a')
  b = await portal('portal-b')
  // Records of nobody's partner login: the company's own source, and a customer without a source.
  const self = (await call(t.app, 'GET', '/api/v1/partner-companies?q=Self', { token: admin.token })).body
  await createLead(t.app, admin, self.items[0].id)
  await call(t.app, 'POST', '/api/v1/customers', { token: admin.token, body: { firstName: 'Walk-in' } })
})
afterAll(() => t.close())

const as = (p: Portal, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
  call(t.app, method, url, { token: p.token, ...(body !== undefined && { body }) })
const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((r) => r.id).sort()

describe('partner portal', () => {
  it('lists exactly the leads whose source is the partner, pending ones included', async () => {
    const res = await as(a, 'GET', '/api/v1/leads?limit=200')
    expect(res.status).toBe(200)
    expect(ids(res)).toEqual([...a.leads].sort())
    expect(ids(await as(b, 'GET', '/api/v1/leads?limit=200'))).toEqual([...b.leads].sort())
  })

  it("cannot widen the list to another partner's leads by filter", async () => {
    const res = await as(a, 'GET', `/api/v1/leads?partnerCompanyId=${b.partnerId}`)
    expect(res.status).toBe(200)
    expect(res.body.items).toEqual([])
  })

  it('lists exactly the customers whose source is the partner', async () => {
    const res = await as(a, 'GET', '/api/v1/customers?limit=200')
    expect(res.status).toBe(200)
    expect(ids(res)).toEqual([...a.customers].sort())
    const filtered = await as(a, 'GET', `/api/v1/customers?partnerCompanyId=${b.partnerId}`)
    expect(filtered.body.items).toEqual([])
  })

  it('reads its own leads and customers and their timelines', async () => {
    for (const id of a.leads) {
      expect((await as(a, 'GET', `/api/v1/leads/${id}`)).body.partnerCompanyId).toBe(a.partnerId)
      const timeline = await as(a, 'GET', `/api/v1/leads/${id}/timeline`)
      expect(timeline.status).toBe(200)
      expect(timeline.body.items[0].type).toBe('created')
    }
    for (const id of a.customers) {
      expect((await as(a, 'GET', `/api/v1/customers/${id}`)).status).toBe(200)
      expect((await as(a, 'GET', `/api/v1/customers/${id}/timeline`)).status).toBe(200)
    }
  })

  it("sees how its lead fared, not the company's internal work on it", async () => {
    const lead = await createLead(t.app, admin, a.partnerId)
    await call(t.app, 'PATCH', `/api/v1/leads/${lead.id}`, {
      token: admin.token,
      body: { assignedUserId: admin.userId },
    })
    await call(t.app, 'POST', `/api/v1/leads/${lead.id}/requeue`, {
      token: admin.token,
      body: { comment: 'Internal: rude on the phone' },
    })
    await call(t.app, 'POST', '/api/v1/leads/return', {
      token: admin.token,
      body: { leadIds: [lead.id], reason: 'Not interested', callCenterComments: 'Internal comment' },
    })
    const own = await call(t.app, 'GET', `/api/v1/leads/${lead.id}/timeline`, { token: admin.token })
    expect(own.body.items.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'assigned',
      'requeued',
      'returned',
    ])
    const seen = await as(a, 'GET', `/api/v1/leads/${lead.id}/timeline`)
    expect(seen.body.items.map((e: { type: string }) => e.type)).toEqual(['created', 'returned'])
    expect(seen.body.items[1].detail).toEqual({ reason: 'Not interested' })
    expect(JSON.stringify(seen.body)).not.toMatch(/Internal|Admin/)
  })

  it("gets 404 for another partner's lead or customer, and their timelines", async () => {
    for (const id of b.leads) {
      expect((await as(a, 'GET', `/api/v1/leads/${id}`)).status).toBe(404)
      expect((await as(a, 'GET', `/api/v1/leads/${id}/timeline`)).status).toBe(404)
    }
    for (const id of b.customers) {
      expect((await as(a, 'GET', `/api/v1/customers/${id}`)).status).toBe(404)
      expect((await as(a, 'GET', `/api/v1/customers/${id}/timeline`)).status).toBe(404)
    }
  })

  it('gets 403 on every write, even to its own records, and nothing changes', async () => {
    const [lead] = a.leads as [string]
    const [customer] = a.customers as [string]
    const before = (await call(t.app, 'GET', `/api/v1/leads/${lead}`, { token: admin.token })).body
    const writes: [method: 'POST' | 'PUT' | 'PATCH', url: string, body: unknown][] = [
      ['POST', '/api/v1/leads', leadBody(a.partnerId)],
      ['PATCH', `/api/v1/leads/${lead}`, { notes: 'From the partner' }],
      ['PATCH', `/api/v1/leads/${lead}`, { location: 'pending' }],
      ['POST', `/api/v1/leads/${lead}/requeue`, {}],
      ['POST', `/api/v1/leads/${lead}/invalidate`, { reason: 'Partner says so' }],
      ['POST', `/api/v1/leads/${lead}/convert`, {}],
      ['POST', '/api/v1/queue/request', undefined],
      ['POST', '/api/v1/customers', { firstName: 'Partner made' }],
      ['PATCH', `/api/v1/customers/${customer}`, { notes: 'From the partner' }],
      ['PUT', '/api/v1/settings/queue', {}],
    ]
    for (const [method, url, body] of writes) {
      expect((await as(a, method, url, body)).status, `${method} ${url}`).toBe(403)
    }
    expect((await call(t.app, 'GET', `/api/v1/leads/${lead}`, { token: admin.token })).body).toEqual(before)
    expect((await as(a, 'GET', '/api/v1/settings/queue')).status).toBe(403)
  })

  it('gets 404 for an id that exists nowhere', async () => {
    expect((await as(a, 'GET', `/api/v1/leads/${randomUUID()}`)).status).toBe(404)
    expect((await as(a, 'GET', `/api/v1/customers/${randomUUID()}`)).status).toBe(404)
  })
})
