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

// A rep without view_queue sees the Queue as counts by priority and reaches a queue lead only
// through Request lead; a manager (view_queue) reads it as a list.
let t: TestApp
let admin: Session
let manager: Session
let rep: Session
const sources: Record<string, { id: string }> = {}
beforeAll(async () => {
  t = await startTestApp()
  admin = await signup(t.app)
  manager = await userWithRole(t.app, admin, 'Manager')
  rep = await userWithRole(t.app, admin, 'Lead rep')
  await setQueueSettings(t.app, admin, { ...hoursAround('America/Phoenix'), requestableAfterMinutes: 0 })
  for (const priority of ['high', 'medium', 'normal'])
    sources[priority] = await createPartner(
      t.app,
      admin,
      seller(`${priority} source`, { leadQueuePriority: priority }),
    )
})
afterAll(() => t.close())

const get = (session: Session, url: string) => call(t.app, 'GET', url, { token: session.token })

describe('the queue for a rep without view_queue', () => {
  it('is counts by priority; its leads open only once requested', async () => {
    const high = await createLead(t.app, admin, sources.high?.id as string, { address: { region: 'AZ' } })
    await createLead(t.app, admin, sources.normal?.id as string, { address: { region: 'AZ' } })
    await createLead(t.app, admin, sources.normal?.id as string, { address: { region: 'AZ' } })
    const pending = await createLead(t.app, admin, sources.normal?.id as string, { location: 'pending' })

    expect((await get(rep, '/api/v1/queue/counts')).body).toEqual({ high: 1, medium: 0, normal: 2, total: 3 })

    // Not by id, not in a list: 404 and 403, never a hint of who waits.
    const byId = await get(rep, `/api/v1/leads/${high.id}`)
    expect(byId.status).toBe(404)
    expect((await get(rep, `/api/v1/leads/${high.id}/timeline`)).status).toBe(404)
    expect((await get(rep, '/api/v1/leads?location=queue')).status).toBe(403)
    const all = await get(rep, '/api/v1/leads?limit=200')
    expect(all.status).toBe(200)
    expect(all.body.items).toEqual([])

    // A user with view_queue opens and lists it.
    expect((await get(manager, `/api/v1/leads/${high.id}`)).status).toBe(200)
    const queue = await get(manager, '/api/v1/leads?location=queue&limit=200')
    expect(queue.body.items.map((l: { id: string }) => l.id)).toContain(high.id)
    expect((await get(manager, `/api/v1/leads/${pending.id}`)).status).toBe(200)

    // Request lead hands the best one over; then it is the rep's to open.
    const requested = await requestLead(t.app, rep)
    expect(requested.body.lead.id).toBe(high.id)
    expect((await get(rep, `/api/v1/leads/${high.id}`)).status).toBe(200)
    expect((await get(rep, '/api/v1/queue/counts')).body).toEqual({ high: 0, medium: 0, normal: 2, total: 2 })
  })

  it('is a permission of the built-in Admin and Manager roles, not of the Lead rep', async () => {
    const roles = (await get(admin, '/api/v1/roles')).body.items as { name: string; permissions: string[] }[]
    const holders = roles.filter((r) => r.permissions.includes('view_queue')).map((r) => r.name)
    expect(holders.sort()).toEqual(['Admin', 'Manager'])
  })

  it('gives counts only to those who see leads', async () => {
    const other = await signup(t.app)
    const mine = await get(other, '/api/v1/queue/counts')
    expect(mine.body).toEqual({ high: 0, medium: 0, normal: 0, total: 0 })
    const noLeads = await call(t.app, 'POST', '/api/v1/roles', {
      token: admin.token,
      body: { name: 'Mail reader', permissions: ['view_mail'] },
    })
    expect(noLeads.status).toBe(201)
    const reader = await userWithRole(t.app, admin, 'Mail reader')
    expect((await get(reader, '/api/v1/queue/counts')).status).toBe(403)
  })
})
