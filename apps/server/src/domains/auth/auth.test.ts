import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, isProblem, signup, userWithRole } from '../../../test/helpers/client.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('login', () => {
  it('gives a token that answers /me with the user, company and permissions', async () => {
    const admin = await signup(t.app)
    const login = await call(t.app, 'POST', '/api/v1/auth/login', {
      body: { company: admin.slug, login: admin.email.toUpperCase(), password: admin.password },
    })
    expect(login.status).toBe(200)
    const me = await call(t.app, 'GET', '/api/v1/me', { token: login.body.token })
    expect(me.status).toBe(200)
    expect(me.body.user.email).toBe(admin.email)
    expect(me.body.company.slug).toBe(admin.slug)
    expect(me.body.permissions).toContain('manage_users')
  })

  it('answers an unknown user and a wrong password alike', async () => {
    const admin = await signup(t.app)
    const wrong = await call(t.app, 'POST', '/api/v1/auth/login', {
      body: { company: admin.slug, login: admin.email, password: 'not the password' },
    })
    const unknown = await call(t.app, 'POST', '/api/v1/auth/login', {
      body: { company: admin.slug, login: 'nobody@example.test', password: 'not the password' },
    })
    const noCompany = await call(t.app, 'POST', '/api/v1/auth/login', {
      body: { company: 'no-such-company', login: admin.email, password: admin.password },
    })
    for (const res of [wrong, unknown, noCompany]) {
      expect(res.status).toBe(401)
      expect(isProblem(res)).toBe(true)
    }
    expect(unknown.body).toEqual(wrong.body)
    expect(noCompany.body).toEqual(wrong.body)
  })

  it('throttles repeated failures with 429 and Retry-After, even for the right password', async () => {
    const admin = await signup(t.app)
    const attempt = (password: string) =>
      call(t.app, 'POST', '/api/v1/auth/login', {
        body: { company: admin.slug, login: admin.email, password },
      })
    for (let i = 0; i < 5; i++) expect((await attempt('wrong password')).status).toBe(401)
    const throttled = await attempt(admin.password)
    expect(throttled.status).toBe(429)
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0)
    expect(isProblem(throttled)).toBe(true)
  })

  it('throttles a client address after 50 failures, whichever accounts they tried', async () => {
    const admin = await signup(t.app)
    const from = (remoteAddress: string, login: string, password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress,
        payload: { company: admin.slug, login, password },
      })
    for (let i = 0; i < 50; i++) {
      expect((await from('198.51.100.7', `nobody${i}@example.test`, 'wrong password')).statusCode).toBe(401)
    }
    const throttled = await from('198.51.100.7', admin.email, admin.password)
    expect(throttled.statusCode).toBe(429)
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0)
    // The account itself is not locked: from another address the right password still works.
    expect((await from('198.51.100.8', admin.email, admin.password)).statusCode).toBe(200)
  })

  it('refuses a disabled user', async () => {
    const admin = await signup(t.app)
    const rep = await userWithRole(t.app, admin, 'Lead rep')
    await call(t.app, 'PATCH', `/api/v1/users/${rep.userId}`, {
      token: admin.token,
      body: { disabled: true },
    })
    const login = await call(t.app, 'POST', '/api/v1/auth/login', {
      body: { company: admin.slug, login: rep.email, password: rep.password },
    })
    expect(login.status).toBe(401)
  })
})

describe('sessions', () => {
  it('are 256-bit random tokens stored only as hashes', async () => {
    const admin = await signup(t.app)
    const raw = admin.token.slice('trs_'.length)
    expect(Buffer.from(raw, 'base64url').length - 16).toBeGreaterThanOrEqual(16)
    const rows = await t.ctx.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('company_id', '=', admin.companyId)
      .execute()
    for (const row of rows) expect(row.token_hash.toString()).not.toContain(raw)
    expect(rows.some((r) => r.token_hash.length === 32)).toBe(true)
  })

  it('end on logout', async () => {
    const admin = await signup(t.app)
    expect((await call(t.app, 'POST', '/api/v1/auth/logout', { token: admin.token })).status).toBe(204)
    expect((await call(t.app, 'GET', '/api/v1/me', { token: admin.token })).status).toBe(401)
  })

  it('end when the user is disabled', async () => {
    const admin = await signup(t.app)
    const rep = await userWithRole(t.app, admin, 'Lead rep')
    expect((await call(t.app, 'GET', '/api/v1/me', { token: rep.token })).status).toBe(200)
    await call(t.app, 'PATCH', `/api/v1/users/${rep.userId}`, {
      token: admin.token,
      body: { disabled: true },
    })
    expect((await call(t.app, 'GET', '/api/v1/me', { token: rep.token })).status).toBe(401)
  })

  it('need a login for every private route', async () => {
    const res = await call(t.app, 'GET', '/api/v1/users')
    expect(res.status).toBe(401)
    expect(isProblem(res)).toBe(true)
    const garbage = await call(t.app, 'GET', '/api/v1/users', { token: 'trs_garbage' })
    expect(garbage.status).toBe(401)
  })
})

describe('browser cookie', () => {
  async function cookieLogin() {
    const admin = await signup(t.app)
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { company: admin.slug, login: admin.email, password: admin.password },
    })
    const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c]))
    return { admin, cookies, csrf: res.json().csrfToken as string }
  }

  it('is httpOnly and SameSite; the CSRF cookie is readable by the page', async () => {
    const { cookies } = await cookieLogin()
    expect(cookies.tributary_session?.httpOnly).toBe(true)
    expect(cookies.tributary_session?.sameSite).toBe('Lax')
    expect(cookies.tributary_csrf?.httpOnly).toBeFalsy()
  })

  it('authenticates reads, and writes only with the matching x-csrf-token', async () => {
    const { cookies, csrf } = await cookieLogin()
    const cookie = { tributary_session: cookies.tributary_session?.value as string }
    const read = await t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: cookie })
    expect(read.statusCode).toBe(200)
    const body = { name: 'Custom', permissions: ['view_leads'] }
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/roles',
      cookies: cookie,
      payload: body,
    })
    expect(noToken.statusCode).toBe(403)
    const wrongToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/roles',
      cookies: cookie,
      headers: { 'x-csrf-token': 'forged' },
      payload: body,
    })
    expect(wrongToken.statusCode).toBe(403)
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/roles',
      cookies: cookie,
      headers: { 'x-csrf-token': csrf },
      payload: body,
    })
    expect(ok.statusCode).toBe(201)
  })
})

describe('behind TLS', () => {
  it('marks the session cookies Secure when PUBLIC_URL is https', async () => {
    const tls = await startTestApp({ PUBLIC_URL: 'https://tributary.example' })
    try {
      const admin = await signup(tls.app)
      const res = await tls.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { company: admin.slug, login: admin.email, password: admin.password },
      })
      const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c]))
      expect(cookies.tributary_session?.secure).toBe(true)
      expect(cookies.tributary_csrf?.secure).toBe(true)
    } finally {
      await tls.close()
    }
  })

  it('does not mark them Secure on plain http, where the browser would drop them', async () => {
    const admin = await signup(t.app)
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { company: admin.slug, login: admin.email, password: admin.password },
    })
    expect(res.cookies.find((c) => c.name === 'tributary_session')?.secure).toBeFalsy()
  })
})
