import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, isProblem, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'
import { createLead, seller, timelineTypes } from '../../../test/helpers/leads.ts'
import { createPartner } from '../../../test/helpers/partners.ts'

let t: TestApp
let admin: Session
let manager: Session
let rep: Session
let other: Session
let source: { id: string }
let otherSource: { id: string }
beforeAll(async () => {
  t = await startTestApp()
  admin = await signup(t.app)
  manager = await userWithRole(t.app, admin, 'Manager')
  rep = await userWithRole(t.app, admin, 'Lead rep')
  other = await signup(t.app)
  source = await createPartner(t.app, admin, seller('Bulk Seller'))
  otherSource = await createPartner(t.app, other, seller('Elsewhere'))
})
afterAll(() => t.close())

const bulk = (body: unknown, session: Session = manager) =>
  call(t.app, 'POST', '/api/v1/leads/bulk', { token: session.token, body })
const get = (id: string) => call(t.app, 'GET', `/api/v1/leads/${id}`, { token: admin.token })

describe('POST /api/v1/leads/bulk', () => {
  it('moves the good leads and says why each bad one did not move, with a timeline entry for each moved', async () => {
    const good = [await createLead(t.app, admin, source.id), await createLead(t.app, admin, source.id)]
    const invalid = await createLead(t.app, admin, source.id)
    expect(
      (
        await call(t.app, 'POST', `/api/v1/leads/${invalid.id}/invalidate`, {
          token: manager.token,
          body: { reason: 'Wrong number' },
        })
      ).status,
    ).toBe(200)
    const foreign = await createLead(t.app, other, otherSource.id)
    const missing = randomUUID()

    const res = await bulk({
      action: 'move',
      location: 'pending',
      leadIds: [good[0]?.id, invalid.id, foreign.id, good[1]?.id, missing],
    })
    expect(res.status).toBe(200)
    expect(res.body.done).toEqual([good[0]?.id, good[1]?.id])
    expect(res.body.failed).toEqual([
      { id: invalid.id, detail: 'A lead in invalid cannot be moved to pending' },
      { id: foreign.id, detail: expect.stringMatching(/not found/i) },
      { id: missing, detail: expect.stringMatching(/not found/i) },
    ])
    for (const lead of good) {
      expect((await get(lead.id)).body.location).toBe('pending')
      expect(await timelineTypes(t.app, admin, 'leads', lead.id)).toContain('moved')
    }
    // The bad ones are as they were: the other company's lead is still in its queue.
    expect((await get(invalid.id)).body.location).toBe('invalid')
    const theirs = await call(t.app, 'GET', `/api/v1/leads/${foreign.id}`, { token: other.token })
    expect(theirs.body.location).toBe('queue')
  })

  it('assigns, invalidates and requeues through the single actions', async () => {
    const [a, b] = [await createLead(t.app, admin, source.id), await createLead(t.app, admin, source.id)]
    const assigned = await bulk({ action: 'assign', userId: rep.userId, leadIds: [a.id, b.id] })
    expect(assigned.body).toEqual({ done: [a.id, b.id], failed: [] })
    expect((await get(a.id)).body.assignedUserId).toBe(rep.userId)
    expect(await timelineTypes(t.app, admin, 'leads', a.id)).toContain('assigned')

    const callbackAt = new Date(Date.now() + 86_400_000).toISOString()
    const requeued = await bulk({ action: 'requeue', callbackAt, leadIds: [a.id] }, rep)
    expect(requeued.body).toEqual({ done: [a.id], failed: [] })
    expect(Date.parse((await get(a.id)).body.contactAfter)).toBe(Date.parse(callbackAt))
    expect(await timelineTypes(t.app, admin, 'leads', a.id)).toContain('requeued')

    // A rep may invalidate only the leads assigned to them: b is; a went back to the queue, which
    // a rep reaches only through Request lead, so to them it is not there at all.
    const invalidated = await bulk(
      { action: 'invalidate', reason: 'Not interested', leadIds: [a.id, b.id] },
      rep,
    )
    expect(invalidated.body.done).toEqual([b.id])
    expect(invalidated.body.failed).toEqual([{ id: a.id, detail: 'Lead not found' }])
    expect((await get(b.id)).body).toMatchObject({ location: 'invalid', invalidReason: 'Not interested' })
    expect(await timelineTypes(t.app, admin, 'leads', b.id)).toContain('invalidated')
  })

  it('needs the permission of the single action: a rep cannot move or assign', async () => {
    const lead = await createLead(t.app, admin, source.id)
    const res = await bulk({ action: 'move', location: 'pending', leadIds: [lead.id] }, rep)
    expect(res.status).toBe(403)
    expect((await get(lead.id)).body.location).toBe('queue')
  })

  it('acts on every lead a filter matches', async () => {
    const filtered = await createPartner(t.app, admin, seller('Filtered Seller'))
    const leads = [await createLead(t.app, admin, filtered.id), await createLead(t.app, admin, filtered.id)]
    const res = await bulk({ action: 'move', location: 'pending', filter: { partnerCompanyId: filtered.id } })
    expect(res.status).toBe(200)
    expect([...res.body.done].sort()).toEqual(leads.map((l) => l.id).sort())
    const listed = await call(
      t.app,
      'GET',
      `/api/v1/leads?partnerCompanyId=${filtered.id}&location=pending`,
      {
        token: admin.token,
      },
    )
    expect(listed.body.total).toBe(2)
  })

  it('refuses more than 1,000 ids, a missing field of the action, and ids and filter together, changing nothing', async () => {
    const lead = await createLead(t.app, admin, source.id)
    const tooMany = await bulk({
      action: 'move',
      location: 'pending',
      leadIds: [lead.id, ...Array.from({ length: 1000 }, () => randomUUID())],
    })
    expect(tooMany.status).toBe(400)
    expect(isProblem(tooMany)).toBe(true)
    expect(tooMany.body.errors).toEqual([{ path: 'leadIds', message: 'Choose at most 1,000 leads at once' }])
    expect((await get(lead.id)).body.location).toBe('queue')

    const noLocation = await bulk({ action: 'move', leadIds: [lead.id] })
    expect(noLocation.status).toBe(400)
    expect(noLocation.body.errors).toEqual([{ path: 'location', message: 'Choose Pending or Queue' }])

    const both = await bulk({ action: 'invalidate', reason: 'x', leadIds: [lead.id], filter: {} })
    expect(both.status).toBe(400)
    expect(both.body.errors[0].path).toBe('leadIds')
  })
})
