import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, type Session, signup } from '../../../test/helpers/client.ts'
import { createPartner, leadSeller, partnerLogin } from '../../../test/helpers/partners.ts'

let t: TestApp
let admin: Session
beforeAll(async () => {
  t = await startTestApp()
  admin = await signup(t.app)
})
afterAll(() => t.close())

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
type Operation = { security?: unknown[] }
/** Every route that needs a login (public ones, like sign-up, act on nobody's behalf). */
async function apiRoutes(): Promise<{ method: Method; path: string }[]> {
  const doc = (await call(t.app, 'GET', '/api/v1/openapi.json')).body as {
    paths: Record<string, Record<string, Operation>>
  }
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op.security?.length !== 0)
        .map(([m]) => ({ method: m.toUpperCase() as Method, path: path.replace(/\{\w+\}/g, randomUUID()) })),
    )
}

/** What a partner may read: itself, and the leads and customers it sourced. */
const partnerReadable = /^\/api\/v1\/(me|leads|customers|reports\/partner)(\/|$)/

describe('partner login (Access section)', () => {
  it('logs in with its username and is shown as the partner in /me', async () => {
    const partner = await partnerLogin(t.app, admin, 'abc-leads')
    const me = await call(t.app, 'GET', '/api/v1/me', { token: partner.token })
    expect(me.status).toBe(200)
    expect(me.body).toMatchObject({
      user: null,
      partner: { partnerCompanyId: partner.partnerId, name: 'Partner abc-leads' },
      permissions: [],
    })
  })

  it('needs a username and password to allow login', async () => {
    const res = await call(t.app, 'POST', '/api/v1/partner-companies', {
      token: admin.token,
      body: { name: 'No Creds', access: { allowLogin: true } },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'access.password',
      'access.username',
    ])
  })

  it('refuses a username with @, which is reserved for users', async () => {
    const res = await call(t.app, 'POST', '/api/v1/partner-companies', {
      token: admin.token,
      body: {
        name: 'At Sign',
        access: { allowLogin: true, username: 'a@b.test', password: 'long enough pw' },
      },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].path).toBe('access.username')
  })

  it('usernames are unique within a company, not across companies', async () => {
    const body = (name: string) => ({
      name,
      access: { allowLogin: true, username: 'shared-name', password: 'long enough pw' },
    })
    expect(
      (await call(t.app, 'POST', '/api/v1/partner-companies', { token: admin.token, body: body('One') }))
        .status,
    ).toBe(201)
    const dup = await call(t.app, 'POST', '/api/v1/partner-companies', {
      token: admin.token,
      body: body('Two'),
    })
    expect(dup.status).toBe(409)
    expect(dup.body.errors[0].path).toBe('access.username')
    const other = await signup(t.app)
    expect(
      (await call(t.app, 'POST', '/api/v1/partner-companies', { token: other.token, body: body('Three') }))
        .status,
    ).toBe(201)
  })

  it('never returns the password', async () => {
    const password = 'never returned password'
    const res = await call(t.app, 'POST', '/api/v1/partner-companies', {
      token: admin.token,
      body: { ...leadSeller('Pw Partner'), access: { allowLogin: true, username: 'pw-partner', password } },
    })
    expect(res.body.access).toMatchObject({ allowLogin: true, username: 'pw-partner', passwordSet: true })
    expect(JSON.stringify(res.body)).not.toContain(password)
  })

  it('is refused on every write route, walked from the route table', async () => {
    const partner = await partnerLogin(t.app, admin, 'writer')
    const writes = (await apiRoutes()).filter((r) => r.method !== 'GET' && !r.path.endsWith('/auth/logout'))
    expect(writes.length).toBeGreaterThan(10)
    for (const route of writes) {
      const res = await call(t.app, route.method, route.path, { token: partner.token, body: {} })
      expect(res.status, `${route.method} ${route.path}`).toBe(403)
    }
  })

  it("is refused on every read that is not its own records' (users, roles, partner companies, ...)", async () => {
    const partner = await partnerLogin(t.app, admin, 'reader')
    const reads = (await apiRoutes()).filter((r) => r.method === 'GET' && !partnerReadable.test(r.path))
    expect(reads.length).toBeGreaterThan(10)
    for (const route of reads) {
      const res = await call(t.app, 'GET', route.path, { token: partner.token })
      expect(res.status, route.path).toBe(403)
    }
  })

  it('ends its sessions when Allow Login is turned off', async () => {
    const partner = await partnerLogin(t.app, admin, 'revoked')
    await call(t.app, 'PATCH', `/api/v1/partner-companies/${partner.partnerId}`, {
      token: admin.token,
      body: { access: { allowLogin: false } },
    })
    expect((await call(t.app, 'GET', '/api/v1/me', { token: partner.token })).status).toBe(401)
    const again = await call(t.app, 'POST', '/api/v1/auth/login', {
      body: { company: admin.slug, login: partner.username, password: partner.password },
    })
    expect(again.status).toBe(401)
  })

  it('ends its sessions when the partner company is deactivated or its password changes', async () => {
    const deactivated = await partnerLogin(t.app, admin, 'deactivated')
    await call(t.app, 'PATCH', `/api/v1/partner-companies/${deactivated.partnerId}`, {
      token: admin.token,
      body: { active: false },
    })
    expect((await call(t.app, 'GET', '/api/v1/me', { token: deactivated.token })).status).toBe(401)
    const rekeyed = await partnerLogin(t.app, admin, 'rekeyed')
    await call(t.app, 'PATCH', `/api/v1/partner-companies/${rekeyed.partnerId}`, {
      token: admin.token,
      body: { access: { password: 'a brand new password' } },
    })
    expect((await call(t.app, 'GET', '/api/v1/me', { token: rekeyed.token })).status).toBe(401)
  })

  it('can log out', async () => {
    const partner = await partnerLogin(t.app, admin, 'leaver')
    expect((await call(t.app, 'POST', '/api/v1/auth/logout', { token: partner.token })).status).toBe(204)
    expect((await call(t.app, 'GET', '/api/v1/me', { token: partner.token })).status).toBe(401)
  })

  it('a partner of another company cannot log in here', async () => {
    const other = await signup(t.app)
    await createPartner(t.app, other, {
      name: 'Elsewhere',
      access: { allowLogin: true, username: 'elsewhere', password: 'long enough pw' },
    })
    const res = await call(t.app, 'POST', '/api/v1/auth/login', {
      body: { company: admin.slug, login: 'elsewhere', password: 'long enough pw' },
    })
    expect(res.status).toBe(401)
  })
})
