import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'
import {
  createLead,
  hoursAround,
  requestLead,
  seller,
  setQueueSettings,
} from '../../../test/helpers/leads.ts'
import { createPartner } from '../../../test/helpers/partners.ts'

type Event = {
  id: string
  at: string
  type: string
  actor: { userId: string | null; label: string }
  detail: Record<string, unknown>
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
  source = await createPartner(t.app, admin, seller('Story Source', { defaultLeadLocation: 'pending' }))
  await setQueueSettings(t.app, admin, hoursAround('America/New_York'))
})
afterAll(() => t.close())

const send = (session: Session, method: 'POST' | 'PATCH', url: string, body: unknown) =>
  call(t.app, method, url, { token: session.token, body }).then((res) => {
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body
  })
const timeline = async (id: string, session: Session = admin): Promise<Event[]> =>
  (await call(t.app, 'GET', `/api/v1/leads/${id}/timeline?limit=200`, { token: session.token })).body.items

describe('lead timeline', () => {
  it('tells every step in order: who, what and when', async () => {
    const start = Date.now()
    const lead = await createLead(t.app, admin, source.id)
    await send(manager, 'PATCH', `/api/v1/leads/${lead.id}`, { location: 'queue' })
    const requested = await requestLead(t.app, rep)
    expect(requested.body.lead.id).toBe(lead.id)
    const callback = new Date(Date.now() + 3_600_000).toISOString()
    await send(rep, 'POST', `/api/v1/leads/${lead.id}/requeue`, {
      contactAfter: callback,
      comment: 'Voicemail',
    })
    await send(manager, 'PATCH', `/api/v1/leads/${lead.id}`, { assignedUserId: rep.userId })
    await send(rep, 'PATCH', `/api/v1/leads/${lead.id}`, { phone: '(602) 555-0188' })
    const { customer } = await send(rep, 'POST', `/api/v1/leads/${lead.id}/convert`, {})

    const events = await timeline(lead.id)
    expect(events.map((e) => [e.type, e.actor.label])).toEqual([
      ['created', 'Admin'],
      ['moved', 'Manager'],
      ['requested', 'Lead rep'],
      ['requeued', 'Lead rep'],
      ['assigned', 'Manager'],
      ['updated', 'Lead rep'],
      ['converted', 'Lead rep'],
    ])
    expect(events.map((e) => e.detail)).toEqual([
      { via: 'ui', location: 'pending', partnerCompanyId: source.id, campaignId: null },
      { from: 'pending', to: 'queue' },
      { location: 'assigned' },
      { contactAfter: callback, comment: 'Voicemail' },
      { userId: rep.userId, userName: 'Lead rep' },
      { fields: ['phone'] },
      { customerId: customer.id },
    ])
    const users = [admin, manager, rep, rep, manager, rep, rep].map((s) => s.userId)
    expect(events.map((e) => e.actor.userId)).toEqual(users)
    const times = events.map((e) => Date.parse(e.at))
    expect(times).toEqual([...times].sort((x, y) => x - y))
    expect(times[0]).toBeGreaterThanOrEqual(start - 1000)
    expect(times.at(-1)).toBeLessThanOrEqual(Date.now() + 1000)
  })

  it('records an invalidation with its reason', async () => {
    const lead = await createLead(t.app, admin, source.id)
    await send(manager, 'PATCH', `/api/v1/leads/${lead.id}`, { assignedUserId: rep.userId })
    await send(rep, 'POST', `/api/v1/leads/${lead.id}/invalidate`, { reason: 'Not interested' })
    const events = await timeline(lead.id)
    expect(events.map((e) => e.type)).toEqual(['created', 'assigned', 'invalidated'])
    expect(events.at(-1)).toMatchObject({
      actor: { userId: rep.userId },
      detail: { reason: 'Not interested' },
    })
  })

  it('names the user behind an API key, marked as such', async () => {
    const key = await send(admin, 'POST', '/api/v1/api-keys', { name: 'Web form' })
    const res = await call(t.app, 'POST', '/api/v1/leads', {
      token: key.key,
      body: { partnerCompanyId: source.id, email: 'form@example.test' },
    })
    expect(res.status).toBe(201)
    const [created] = await timeline(res.body.id)
    expect(created?.actor.userId).toBe(admin.userId)
    expect(created?.actor.label).toMatch(/\(API key\)$/)
  })

  it('pages oldest first without losing or repeating an event', async () => {
    const lead = await createLead(t.app, admin, source.id)
    for (const location of ['queue', 'pending', 'queue', 'pending']) {
      await send(manager, 'PATCH', `/api/v1/leads/${lead.id}`, { location })
    }
    const all = await timeline(lead.id)
    const paged: Event[] = []
    let cursor: string | null = null
    do {
      const url: string = `/api/v1/leads/${lead.id}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`
      const res = await call(t.app, 'GET', url, { token: admin.token })
      paged.push(...res.body.items)
      cursor = res.body.nextCursor
    } while (cursor)
    expect(paged).toEqual(all)
    expect(paged.map((e) => e.detail.to ?? e.type)).toEqual([
      'created',
      'queue',
      'pending',
      'queue',
      'pending',
    ])
  })

  it("answers 404 for another company's lead timeline", async () => {
    const other = await signup(t.app)
    const theirSource = await createPartner(t.app, other, seller('Their Source'))
    const theirs = await createLead(t.app, other, theirSource.id)
    const res = await call(t.app, 'GET', `/api/v1/leads/${theirs.id}/timeline`, { token: admin.token })
    expect(res.status).toBe(404)
  })
})
