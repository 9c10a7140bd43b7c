import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'
import {
  createLead,
  hoursAround,
  requestLead,
  seller,
  setQueueSettings,
  timelineTypes,
} from '../../../test/helpers/leads.ts'
import { createPartner } from '../../../test/helpers/partners.ts'

let t: TestApp
let admin: Session
let manager: Session
let rep: Session
let otherRep: Session
let toPending: { id: string }
let toQueue: { id: string }
beforeAll(async () => {
  t = await startTestApp()
  admin = await signup(t.app)
  manager = await userWithRole(t.app, admin, 'Manager')
  rep = await userWithRole(t.app, admin, 'Lead rep')
  otherRep = await userWithRole(t.app, admin, 'Lead rep')
  toPending = await createPartner(t.app, admin, seller('Pending Seller', { defaultLeadLocation: 'pending' }))
  toQueue = await createPartner(t.app, admin, seller('Queue Seller'))
  // Leads without a region follow the company's zone: keep it inside the hours, whatever the clock says.
  await setQueueSettings(t.app, admin, hoursAround('America/New_York'))
})
afterAll(() => t.close())

const get = (id: string, session: Session = admin) =>
  call(t.app, 'GET', `/api/v1/leads/${id}`, { token: session.token })
const patch = (id: string, body: unknown, session: Session = manager) =>
  call(t.app, 'PATCH', `/api/v1/leads/${id}`, { token: session.token, body })
const action = (id: string, name: string, body: unknown, session: Session = rep) =>
  call(t.app, 'POST', `/api/v1/leads/${id}/${name}`, { token: session.token, body })
const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((l) => l.id)

/** A queued lead, assigned by the manager to `to`. */
async function assignedLead(to: Session = rep) {
  const lead = await createLead(t.app, admin, toQueue.id)
  const res = await patch(lead.id, { assignedUserId: to.userId })
  expect(res.status).toBe(200)
  return res.body as { id: string; updatedAt: string }
}

describe('Pending', () => {
  it('is listed only with view_pending_leads: a lead rep gets 403 for location=pending', async () => {
    const lead = await createLead(t.app, admin, toPending.id)
    expect((await call(t.app, 'GET', '/api/v1/leads?location=pending', { token: rep.token })).status).toBe(
      403,
    )
    const managers = await call(t.app, 'GET', '/api/v1/leads?location=pending', { token: manager.token })
    expect(managers.status).toBe(200)
    expect(ids(managers)).toContain(lead.id)
  })

  it('is left out of unfiltered lists without view_pending_leads', async () => {
    const pending = await createLead(t.app, admin, toPending.id)
    const own = await assignedLead(rep)
    const list = await call(t.app, 'GET', '/api/v1/leads?limit=200', { token: rep.token })
    expect(ids(list)).toContain(own.id)
    expect(ids(list)).not.toContain(pending.id)
  })

  it('answers 404 to a lead rep reading a pending lead or its timeline', async () => {
    const lead = await createLead(t.app, admin, toPending.id)
    expect((await get(lead.id, rep)).status).toBe(404)
    const timeline = await call(t.app, 'GET', `/api/v1/leads/${lead.id}/timeline`, { token: rep.token })
    expect(timeline.status).toBe(404)
    expect((await get(lead.id, manager)).status).toBe(200)
  })
})

describe('managers move and assign', () => {
  it('moves a lead from Pending to the Queue and back', async () => {
    const lead = await createLead(t.app, admin, toPending.id)
    const queued = await patch(lead.id, { location: 'queue' })
    expect(queued.status).toBe(200)
    expect(queued.body).toMatchObject({ location: 'queue', assignedUserId: null })
    const back = await patch(lead.id, { location: 'pending' })
    expect(back.body.location).toBe('pending')
    expect(await timelineTypes(t.app, admin, 'leads', lead.id)).toEqual(['created', 'moved', 'moved'])
  })

  it('assigns a lead to a user directly', async () => {
    const lead = await createLead(t.app, admin, toPending.id)
    const res = await patch(lead.id, { assignedUserId: rep.userId })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ location: 'assigned', assignedUserId: rep.userId })
    const mine = await call(t.app, 'GET', '/api/v1/leads?assignedUserId=me', { token: rep.token })
    expect(ids(mine)).toContain(lead.id)
  })

  it('assigns only to an active user of the company', async () => {
    const lead = await createLead(t.app, admin, toQueue.id)
    const outsider = await signup(t.app)
    for (const assignedUserId of [randomUUID(), outsider.userId]) {
      const res = await patch(lead.id, { assignedUserId })
      expect(res.status).toBe(422)
      expect(res.body.errors[0].path).toBe('assignedUserId')
    }
    expect((await get(lead.id)).body).toMatchObject({ location: 'queue', assignedUserId: null })
  })

  it('a lead rep cannot move or assign a lead (403)', async () => {
    const lead = await createLead(t.app, admin, toQueue.id)
    expect((await patch(lead.id, { location: 'pending' }, rep)).status).toBe(403)
    expect((await patch(lead.id, { assignedUserId: rep.userId }, rep)).status).toBe(403)
    expect((await get(lead.id)).body).toMatchObject({ location: 'queue', assignedUserId: null })
  })
})

describe('a rep works a lead', () => {
  it('puts it back in the queue with a callback time and a comment; not requestable before then', async () => {
    const lead = await assignedLead()
    const callback = new Date(Date.now() + 2 * 3_600_000).toISOString()
    const res = await action(lead.id, 'requeue', { contactAfter: callback, comment: 'Not home, call at 4' })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ location: 'queue', assignedUserId: null, contactAfter: callback })
    // Back in the queue, the lead is out of the rep's sight (no view_queue); a manager reads on.
    const events = await call(t.app, 'GET', `/api/v1/leads/${lead.id}/timeline`, { token: manager.token })
    expect(events.body.items.at(-1)).toMatchObject({
      type: 'requeued',
      detail: { contactAfter: callback, comment: 'Not home, call at 4' },
    })
    // Nothing else is requestable in this company, least of all this lead before its callback.
    await drainQueue()
    expect((await requestLead(t.app, otherRep)).body.lead).toBeNull()
  })

  it('puts back only an assigned lead (409 otherwise)', async () => {
    const lead = await createLead(t.app, admin, toQueue.id)
    const res = await action(lead.id, 'requeue', {}, manager)
    expect(res.status).toBe(409)
    expect(res.body.detail).toMatch(/queue/)
  })

  it('marks it invalid with a reason', async () => {
    const lead = await assignedLead()
    const missing = await action(lead.id, 'invalidate', {})
    expect(missing.status).toBe(400)
    expect(missing.body.errors[0].path).toBe('reason')
    const res = await action(lead.id, 'invalidate', { reason: 'Wrong number' })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      location: 'invalid',
      invalidReason: 'Wrong number',
      assignedUserId: null,
    })
  })

  it('converts it to a customer in the office location it chooses; both point at each other', async () => {
    const office = await call(t.app, 'POST', '/api/v1/office-locations', {
      token: admin.token,
      body: { name: 'Tucson Branch', timezone: 'America/Phoenix' },
    })
    const lead = await assignedLead()
    const res = await action(lead.id, 'convert', { officeLocationId: office.body.id })
    expect(res.status).toBe(201)
    const customer = res.body.customer
    expect(customer).toMatchObject({ leadId: lead.id, officeLocationId: office.body.id, status: 'active' })
    expect((await get(lead.id)).body).toMatchObject({ location: 'converted', customerId: customer.id })
    const read = await call(t.app, 'GET', `/api/v1/customers/${customer.id}`, { token: rep.token })
    expect(read.body.leadId).toBe(lead.id)
    const again = await action(lead.id, 'convert', {})
    expect(again.status).toBe(409)
  })

  it("converts only into the company's own office location", async () => {
    const other = await signup(t.app)
    const foreign = await call(t.app, 'GET', '/api/v1/office-locations', { token: other.token })
    const lead = await assignedLead()
    const res = await action(lead.id, 'convert', { officeLocationId: foreign.body.items[0].id })
    expect(res.status).toBe(422)
    expect(res.body.errors[0].path).toBe('officeLocationId')
    expect((await get(lead.id)).body.location).toBe('assigned')
  })

  it('only the assigned rep or a manager may work a lead (403 for another rep)', async () => {
    const lead = await assignedLead(rep)
    expect((await action(lead.id, 'requeue', {}, otherRep)).status).toBe(403)
    expect((await action(lead.id, 'invalidate', { reason: 'Mine now' }, otherRep)).status).toBe(403)
    expect((await action(lead.id, 'convert', {}, otherRep)).status).toBe(403)
    expect((await get(lead.id)).body).toMatchObject({ location: 'assigned', assignedUserId: rep.userId })
    const byManager = await action(lead.id, 'invalidate', { reason: 'Duplicate of a walk-in' }, manager)
    expect(byManager.status).toBe(200)
  })

  it('a rep changes the contact fields of their own leads only (403 otherwise)', async () => {
    const lead = await assignedLead(rep)
    expect((await patch(lead.id, { notes: 'Call after 5' }, otherRep)).status).toBe(403)
    const own = await patch(lead.id, { notes: 'Call after 5' }, rep)
    expect(own.status).toBe(200)
    expect(own.body.notes).toBe('Call after 5')
    const queued = await createLead(t.app, admin, toQueue.id)
    // A queue lead is not even in sight of a rep without view_queue.
    expect((await patch(queued.id, { firstName: 'Changed' }, rep)).status).toBe(404)
    expect((await patch(queued.id, { firstName: 'Changed' }, manager)).status).toBe(200)
  })

  it('a Read-only user cannot work a lead (403)', async () => {
    const readOnly = await userWithRole(t.app, admin, 'Read-only')
    const lead = await assignedLead(rep)
    expect((await action(lead.id, 'invalidate', { reason: 'No' }, readOnly)).status).toBe(403)
    expect((await action(lead.id, 'convert', {}, readOnly)).status).toBe(403)
    expect((await patch(lead.id, { notes: 'Mine' }, readOnly)).status).toBe(403)
  })
})

describe('moves are checked against where the lead is', () => {
  it('an illegal move is 409 and changes nothing', async () => {
    const lead = await assignedLead()
    await action(lead.id, 'invalidate', { reason: 'Fake name' })
    const before = (await get(lead.id)).body
    const eventsBefore = await timelineTypes(t.app, admin, 'leads', lead.id)
    const attempts = [
      await patch(lead.id, { location: 'queue' }),
      await patch(lead.id, { assignedUserId: rep.userId }),
      await action(lead.id, 'requeue', {}, manager),
      await action(lead.id, 'invalidate', { reason: 'Again' }, manager),
      await action(lead.id, 'convert', {}, manager),
    ]
    for (const res of attempts) {
      expect(res.status).toBe(409)
      expect(res.body.detail).toMatch(/invalid/)
    }
    expect((await get(lead.id)).body).toEqual(before)
    expect(await timelineTypes(t.app, admin, 'leads', lead.id)).toEqual(eventsBefore)
  })

  it('every move writes a timeline event naming who and when', async () => {
    const start = Date.now()
    const lead = await createLead(t.app, admin, toPending.id)
    await patch(lead.id, { location: 'queue' })
    await patch(lead.id, { assignedUserId: rep.userId })
    await action(lead.id, 'requeue', { comment: 'Busy' })
    await patch(lead.id, { assignedUserId: rep.userId })
    await action(lead.id, 'invalidate', { reason: 'Moved away' })
    const res = await call(t.app, 'GET', `/api/v1/leads/${lead.id}/timeline`, { token: admin.token })
    const events = res.body.items as { type: string; at: string; actor: { userId: string; label: string } }[]
    expect(events.map((e) => [e.type, e.actor.userId])).toEqual([
      ['created', admin.userId],
      ['moved', manager.userId],
      ['assigned', manager.userId],
      ['requeued', rep.userId],
      ['assigned', manager.userId],
      ['invalidated', rep.userId],
    ])
    expect(events.map((e) => e.actor.label)).toEqual([
      'Admin',
      'Manager',
      'Manager',
      'Lead rep',
      'Manager',
      'Lead rep',
    ])
    for (const e of events) {
      expect(Date.parse(e.at)).toBeGreaterThanOrEqual(start - 1000)
      expect(Date.parse(e.at)).toBeLessThanOrEqual(Date.now() + 1000)
    }
  })
})

/** Hands out whatever is requestable now, so a later request sees only what was held back. */
async function drainQueue() {
  for (;;) {
    const res = await requestLead(t.app, manager)
    expect(res.status).toBe(200)
    if (!res.body.lead) return
  }
}
