import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, type Session, signup } from '../../../test/helpers/client.ts'
import { createLead } from '../../../test/helpers/leads.ts'
import { createPartner } from '../../../test/helpers/partners.ts'

let t: TestApp
let admin: Session
beforeAll(async () => {
  t = await startTestApp()
  admin = await signup(t.app)
})
afterAll(() => t.close())

let n = 0
const addUser = async (session: Session) => {
  const roles = await call(t.app, 'GET', '/api/v1/roles', { token: session.token })
  const res = await call(t.app, 'POST', '/api/v1/users', {
    token: session.token,
    body: {
      name: `User ${++n}`,
      email: `user${n}@recipients.test`,
      password: 'a good password',
      roleIds: [roles.body.items[0].id],
    },
  })
  expect(res.status).toBe(201)
  return res.body as { id: string; leadNotifications: boolean }
}
const unflag = (session: Session, id: string) =>
  call(t.app, 'PATCH', `/api/v1/users/${id}`, { token: session.token, body: { leadNotifications: false } })

describe('default lead notification recipients', () => {
  it('follow the first-user rule of seed 004', async () => {
    const company = await signup(t.app)
    const flagged = async (id: string) =>
      (await call(t.app, 'GET', `/api/v1/users/${id}`, { token: company.token })).body.leadNotifications
    // step, then who is flagged
    expect(await flagged(company.userId)).toBe(true) // the first user is a recipient
    const second = await addUser(company)
    expect(second.leadNotifications).toBe(false) // someone is flagged: new users are not
    await unflag(company, company.userId)
    const third = await addUser(company)
    expect(third.leadNotifications).toBe(true) // nobody flagged: the next user added is
    const fourth = await addUser(company)
    expect(fourth.leadNotifications).toBe(false)
    await unflag(company, third.id)
    const fifth = await addUser(company)
    expect(fifth.leadNotifications).toBe(true)
    const recipients = await call(t.app, 'GET', '/api/v1/lead-management/notification-recipients', {
      token: company.token,
    })
    expect(recipients.body).toEqual({ userIds: [fifth.id], salesRepIds: [], assignedBySupplier: null })
  })

  it('are one list with the users’ flag, plus sales reps; unknown ids are refused by path', async () => {
    const user = await addUser(admin)
    const rep = await call(t.app, 'POST', '/api/v1/sales-reps', {
      token: admin.token,
      body: { name: 'Sam Rep', email: 'sam@reps.test' },
    })
    expect(rep.status).toBe(201)
    const put = await call(t.app, 'PUT', '/api/v1/lead-management/notification-recipients', {
      token: admin.token,
      body: { userIds: [user.id], salesRepIds: [rep.body.id] },
    })
    expect(put.status).toBe(200)
    expect(put.body.userIds).toEqual([user.id])
    expect(put.body.salesRepIds).toEqual([rep.body.id])
    const adminUser = await call(t.app, 'GET', `/api/v1/users/${admin.userId}`, { token: admin.token })
    expect(adminUser.body.leadNotifications).toBe(false)
    const bad = await call(t.app, 'PUT', '/api/v1/lead-management/notification-recipients', {
      token: admin.token,
      body: { userIds: [user.id, '0190f000-0000-7000-8000-000000000001'], salesRepIds: [] },
    })
    expect(bad.status).toBe(422)
    expect(bad.body.errors[0].path).toBe('userIds.1')
    const after = await call(t.app, 'GET', '/api/v1/lead-management/notification-recipients', {
      token: admin.token,
    })
    expect(after.body.salesRepIds).toEqual([rep.body.id])
  })
})

describe('sales reps', () => {
  it('are listed, refuse a second rep with the same email, and are deleted by their own company only', async () => {
    const rep = await call(t.app, 'POST', '/api/v1/sales-reps', {
      token: admin.token,
      body: { name: 'Rita Rep', email: 'Rita@reps.test' },
    })
    const twin = await call(t.app, 'POST', '/api/v1/sales-reps', {
      token: admin.token,
      body: { name: 'Rita 2', email: 'rita@REPS.test' },
    })
    expect(twin.status).toBe(409)
    expect(twin.body.errors[0].path).toBe('email')
    const list = await call(t.app, 'GET', '/api/v1/sales-reps', { token: admin.token })
    expect(list.body.items.map((r: { email: string }) => r.email)).toContain('Rita@reps.test')
    const other = await signup(t.app)
    expect(
      (await call(t.app, 'DELETE', `/api/v1/sales-reps/${rep.body.id}`, { token: other.token })).status,
    ).toBe(404)
    expect(
      (await call(t.app, 'DELETE', `/api/v1/sales-reps/${rep.body.id}`, { token: admin.token })).status,
    ).toBe(204)
  })
})

describe('editing sales reps and ignored companies', () => {
  it('a sales rep takes a new name and email, never another rep’s email, in its own company only', async () => {
    const post = (name: string, email: string) =>
      call(t.app, 'POST', '/api/v1/sales-reps', { token: admin.token, body: { name, email } })
    const sid = await post('Sid Rep', 'sid@reps.test')
    await post('Tia Rep', 'tia@reps.test')
    const patch = (id: string, body: unknown, token = admin.token) =>
      call(t.app, 'PATCH', `/api/v1/sales-reps/${id}`, { token, body })
    const renamed = await patch(sid.body.id, { name: 'Sidney Rep', email: 'sidney@reps.test' })
    expect(renamed.status).toBe(200)
    expect(renamed.body).toMatchObject({ id: sid.body.id, name: 'Sidney Rep', email: 'sidney@reps.test' })
    const taken = await patch(sid.body.id, { name: 'Sidney Rep', email: 'TIA@reps.test' })
    expect(taken.status).toBe(409)
    expect(taken.body.errors[0].path).toBe('email')
    const bad = await patch(sid.body.id, { name: '', email: 'nope' })
    expect(bad.status).toBe(400)
    const other = await signup(t.app)
    expect((await patch(sid.body.id, { name: 'X', email: 'x@reps.test' }, other.token)).status).toBe(404)
  })

  it('an ignored company is renamed, never onto another ignored one', async () => {
    const post = (name: string) =>
      call(t.app, 'POST', '/api/v1/ignored-companies', { token: admin.token, body: { name } })
    const initech = await post('Initech')
    await post('Hooli LLC')
    const patch = (name: string) =>
      call(t.app, 'PATCH', `/api/v1/ignored-companies/${initech.body.id}`, {
        token: admin.token,
        body: { name },
      })
    expect((await patch('Initech, Inc.')).body).toEqual({ id: initech.body.id, name: 'Initech, Inc.' })
    expect((await patch('hooli llc')).status).toBe(409)
    expect((await patch('...')).status).toBe(400)
    const list = await call(t.app, 'GET', '/api/v1/ignored-companies', { token: admin.token })
    expect(list.body.items.map((c: { name: string }) => c.name)).toEqual(['Hooli LLC', 'Initech, Inc.'])
    for (const c of list.body.items)
      await call(t.app, 'DELETE', `/api/v1/ignored-companies/${c.id}`, { token: admin.token })
  })
})

describe('ignored companies', () => {
  it('match without regard to case, spaces and punctuation, and keep their leads out of registration', async () => {
    const acme = await call(t.app, 'POST', '/api/v1/ignored-companies', {
      token: admin.token,
      body: { name: 'ACME, Inc.' },
    })
    expect(acme.status).toBe(201)
    const again = await call(t.app, 'POST', '/api/v1/ignored-companies', {
      token: admin.token,
      body: { name: ' acme  inc ' },
    })
    expect(again.status).toBe(409)
    const source = await createPartner(t.app, admin)
    const lead = await createLead(t.app, admin, source.id, {
      companyName: 'Acme Inc',
      address: { region: 'AZ', country: 'US' },
    })
    const preview = await call(t.app, 'POST', '/api/v1/lead-management/auto-registration/preview', {
      token: admin.token,
      body: { groups: [{ rules: [{ field: 'region', operator: 'equals', value: 'AZ' }] }], limit: 1 },
    })
    expect(preview.body.items).toEqual([
      expect.objectContaining({ leadId: lead.id, ignored: true, matchedGroup: null }),
    ])
    expect(
      (await call(t.app, 'DELETE', `/api/v1/ignored-companies/${acme.body.id}`, { token: admin.token }))
        .status,
    ).toBe(204)
    const list = await call(t.app, 'GET', '/api/v1/ignored-companies', { token: admin.token })
    expect(list.body.items).toEqual([])
  })
})
