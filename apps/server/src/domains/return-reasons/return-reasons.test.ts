import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'

let t: TestApp
let admin: Session
beforeAll(async () => {
  t = await startTestApp()
  admin = await signup(t.app)
})
afterAll(() => t.close())

const list = async (session: Session = admin) =>
  (await call(t.app, 'GET', '/api/v1/return-reasons', { token: session.token })).body.items.map(
    (r: { name: string }) => r.name,
  )

describe('return reasons', () => {
  it('every company starts with the common ones, in order', async () => {
    expect(await list()).toEqual([
      'Wrong or disconnected number',
      'Not interested',
      'Did not request contact',
      'Duplicate',
      'Outside service area',
    ])
  })

  it('an admin adds, renames and removes reasons; names stay unique', async () => {
    const own = await signup(t.app)
    const added = await call(t.app, 'POST', '/api/v1/return-reasons', {
      token: own.token,
      body: { name: 'Already a customer', position: 0 },
    })
    expect(added.status).toBe(201)
    expect((await list(own))[0]).toBe('Already a customer')
    const dup = await call(t.app, 'POST', '/api/v1/return-reasons', {
      token: own.token,
      body: { name: 'duplicate' },
    })
    expect(dup.status).toBe(409)
    expect(dup.body.errors[0].path).toBe('name')
    const renamed = await call(t.app, 'PATCH', `/api/v1/return-reasons/${added.body.id}`, {
      token: own.token,
      body: { name: 'Existing customer' },
    })
    expect(renamed.body.name).toBe('Existing customer')
    expect(
      (await call(t.app, 'DELETE', `/api/v1/return-reasons/${added.body.id}`, { token: own.token })).status,
    ).toBe(204)
    expect(await list(own)).not.toContain('Existing customer')
  })

  it('keeps at least one reason', async () => {
    const own = await signup(t.app)
    const reasons = (await call(t.app, 'GET', '/api/v1/return-reasons', { token: own.token })).body.items
    for (const r of reasons.slice(1))
      await call(t.app, 'DELETE', `/api/v1/return-reasons/${r.id}`, { token: own.token })
    const last = await call(t.app, 'DELETE', `/api/v1/return-reasons/${reasons[0].id}`, { token: own.token })
    expect(last.status).toBe(409)
  })

  it('a lead rep reads them but cannot change them', async () => {
    const rep = await userWithRole(t.app, admin, 'Lead rep')
    expect((await list(rep)).length).toBeGreaterThan(0)
    const res = await call(t.app, 'POST', '/api/v1/return-reasons', {
      token: rep.token,
      body: { name: 'Mine' },
    })
    expect(res.status).toBe(403)
  })
})
