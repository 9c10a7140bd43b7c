import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'
import { createLead, seller } from '../../../test/helpers/leads.ts'
import { createPartner } from '../../../test/helpers/partners.ts'

type Entry = {
  id: string
  at: string
  author: { userId: string | null; label: string }
  text: string
  via: string
}

let t: TestApp
let admin: Session
let manager: Session
let rep: Session
let source: { id: string }
beforeAll(async () => {
  t = await startTestApp()
  admin = await signup(t.app)
  manager = await userWithRole(t.app, admin, 'Manager')
  rep = await userWithRole(t.app, admin, 'Lead rep')
  source = await createPartner(
    t.app,
    admin,
    seller('Comment Source', { defaultLeadLocation: 'pending', includeCallCenterCommentsWithReturn: true }),
  )
})
afterAll(() => t.close())

const ok = async (session: Session, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => {
  const res = await call(t.app, method, url, { token: session.token, body })
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}
const comments = async (kind: 'leads' | 'customers', id: string): Promise<Entry[]> =>
  (await ok(admin, 'GET', `/api/v1/${kind}/${id}/comments?limit=200`)).items
const summary = (entries: Entry[]) => entries.map((e) => [e.text, e.author.label, e.author.userId, e.via])

describe("a lead's call-center comments", () => {
  it('keep every entry, in order with its author, through edits and a return', async () => {
    const lead = await createLead(t.app, admin, source.id, { callCenterComments: 'Asked for a quote' })
    await ok(manager, 'PATCH', `/api/v1/leads/${lead.id}`, { assignedUserId: rep.userId })
    const added = await ok(rep, 'POST', `/api/v1/leads/${lead.id}/comments`, { text: 'Busy, call after 5' })
    expect(added).toMatchObject({
      text: 'Busy, call after 5',
      author: { userId: rep.userId },
      via: 'comment',
    })
    // The old way of writing a comment (PATCH) adds an entry too, and an unchanged text adds none.
    await ok(manager, 'PATCH', `/api/v1/leads/${lead.id}`, { callCenterComments: 'Spoke to the wife' })
    await ok(manager, 'PATCH', `/api/v1/leads/${lead.id}`, { callCenterComments: 'Spoke to the wife' })
    await ok(manager, 'PATCH', `/api/v1/leads/${lead.id}`, { callCenterComments: null })
    const returned = await ok(admin, 'POST', '/api/v1/leads/return', {
      leadIds: [lead.id],
      reason: 'Duplicate',
      callCenterComments: 'Number belongs to a pizzeria',
    })
    expect(returned.returned).toEqual([lead.id])

    const entries = await comments('leads', lead.id)
    expect(summary(entries)).toEqual([
      ['Asked for a quote', 'Admin', admin.userId, 'comment'],
      ['Busy, call after 5', 'Lead rep', rep.userId, 'comment'],
      ['Spoke to the wife', 'Manager', manager.userId, 'comment'],
      ['Number belongs to a pizzeria', 'Admin', admin.userId, 'return'],
    ])
    const times = entries.map((e) => Date.parse(e.at))
    expect(times).toEqual([...times].sort((a, b) => a - b))
    // The lead shows the newest entry.
    expect((await ok(admin, 'GET', `/api/v1/leads/${lead.id}`)).callCenterComments).toBe(
      'Number belongs to a pizzeria',
    )
    const timeline = (await ok(admin, 'GET', `/api/v1/leads/${lead.id}/timeline?limit=200`)).items as {
      type: string
      detail: Record<string, unknown>
    }[]
    expect(timeline.filter((e) => e.type === 'commented').map((e) => e.detail.text)).toEqual([
      'Asked for a quote',
      'Busy, call after 5',
      'Spoke to the wife',
    ])
    expect(timeline.find((e) => e.type === 'returned')?.detail).toEqual({
      reason: 'Duplicate',
      comments: 'Number belongs to a pizzeria',
    })
  })

  it('are not wiped by a return without comments', async () => {
    const lead = await createLead(t.app, admin, source.id, { callCenterComments: 'Wants a callback' })
    await ok(admin, 'POST', '/api/v1/leads/return', { leadIds: [lead.id], reason: 'Duplicate' })
    expect(summary(await comments('leads', lead.id))).toEqual([
      ['Wants a callback', 'Admin', admin.userId, 'comment'],
    ])
    expect((await ok(admin, 'GET', `/api/v1/leads/${lead.id}`)).callCenterComments).toBe('Wants a callback')
  })

  it('are written only by the rep the lead is assigned to or a manager, and read by who sees the lead', async () => {
    const lead = await createLead(t.app, admin, source.id)
    await ok(manager, 'PATCH', `/api/v1/leads/${lead.id}`, { assignedUserId: manager.userId })
    const refused = await call(t.app, 'POST', `/api/v1/leads/${lead.id}/comments`, {
      token: rep.token,
      body: { text: 'Not mine' },
    })
    expect(refused.status).toBe(403)
    const empty = await call(t.app, 'POST', `/api/v1/leads/${lead.id}/comments`, {
      token: manager.token,
      body: { text: '   ' },
    })
    expect(empty.status).toBe(400)
    expect(empty.body.errors).toEqual([{ path: 'text', message: 'Write a comment' }])
    expect(await comments('leads', lead.id)).toEqual([])
    const other = await signup(t.app)
    const foreign = await call(t.app, 'GET', `/api/v1/leads/${lead.id}/comments`, { token: other.token })
    expect(foreign.status).toBe(404)
  })
})

describe("a customer's call-center comments", () => {
  it('keep every entry, in order with its author, through a return', async () => {
    const office = (await ok(admin, 'GET', '/api/v1/office-locations')).items[0].id
    const customerSource = await createPartner(t.app, admin, {
      name: 'Customer Source',
      sellsCustomers: { enabled: true, defaultOfficeLocationId: office },
    })
    const customer = await ok(admin, 'POST', '/api/v1/customers', {
      firstName: 'Cy',
      phone: '+1 602 555 0142',
      partnerCompanyId: customerSource.id,
    })
    await ok(rep, 'POST', `/api/v1/customers/${customer.id}/comments`, { text: 'Paid late twice' })
    await ok(manager, 'POST', `/api/v1/customers/${customer.id}/comments`, { text: 'Moved out of state' })
    const returned = await ok(manager, 'POST', '/api/v1/customers/return', {
      customerIds: [customer.id],
      reason: 'Duplicate',
      callCenterComments: 'Not the account holder',
    })
    expect(returned.returned).toEqual([customer.id])
    expect(summary(await comments('customers', customer.id))).toEqual([
      ['Paid late twice', 'Lead rep', rep.userId, 'comment'],
      ['Moved out of state', 'Manager', manager.userId, 'comment'],
      ['Not the account holder', 'Manager', manager.userId, 'return'],
    ])
    const types = (await ok(admin, 'GET', `/api/v1/customers/${customer.id}/timeline`)).items.map(
      (e: { type: string }) => e.type,
    )
    expect(types).toEqual(['created', 'commented', 'commented', 'returned'])
  })
})
