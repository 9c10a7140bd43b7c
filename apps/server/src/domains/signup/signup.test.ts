import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, isProblem } from '../../../test/helpers/client.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

let counter = 0
const signupBody = (overrides: Record<string, unknown> = {}) => ({
  companyName: 'Acme Leads',
  name: 'Ada Admin',
  email: `founder${++counter}@example.test`,
  password: 'a fine password',
  ...overrides,
})

const signup = (body: unknown) => call(t.app, 'POST', '/api/v1/signup', { body })
const errorPaths = (res: { body: { errors?: { path: string }[] } }) =>
  (res.body.errors ?? []).map((e) => e.path).sort()

describe('sign-up', () => {
  it('answers 201 with the company, its first user and a working token', async () => {
    const body = signupBody({ companyName: 'Sunrise Solar' })
    const res = await signup(body)
    expect(res.status).toBe(201)
    expect(res.body.company).toEqual({ id: expect.any(String), slug: 'sunrise-solar', name: 'Sunrise Solar' })
    expect(res.body.user).toMatchObject({ name: 'Ada Admin', email: body.email })
    expect(JSON.stringify(res.body)).not.toContain(body.password)
    const me = await call(t.app, 'GET', '/api/v1/me', { token: res.body.token })
    expect(me.status).toBe(200)
    expect(me.body.company).toEqual(res.body.company)
    expect(me.body.permissions).toContain('manage_users')
  })

  it('makes the first user an Admin who can log in with the slug', async () => {
    const body = signupBody({ companyName: 'Login Check' })
    const res = await signup(body)
    const roles = await call(t.app, 'GET', '/api/v1/roles', { token: res.body.token })
    const admin = roles.body.items.find((r: { name: string }) => r.name === 'Admin')
    expect(res.body.user.roleIds).toEqual([admin.id])
    const login = await call(t.app, 'POST', '/api/v1/auth/login', {
      body: { company: res.body.company.slug, login: body.email, password: body.password },
    })
    expect(login.status).toBe(200)
  })

  it('gives two companies with the same name different slugs', async () => {
    const first = await signup(signupBody({ companyName: 'Twin Leads' }))
    const second = await signup(signupBody({ companyName: 'Twin Leads' }))
    expect(second.status).toBe(201)
    expect(second.body.company.name).toBe('Twin Leads')
    expect(second.body.company.slug).not.toBe(first.body.company.slug)
    expect(second.body.company.slug).toMatch(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/)
  })

  it('makes a valid slug from any name', async () => {
    for (const companyName of ['Ünïcødé Çorp', '株式会社', '  --  ', 'A'.repeat(200)]) {
      const res = await signup(signupBody({ companyName }))
      expect(res.status, companyName).toBe(201)
      expect(res.body.company.slug).toMatch(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/)
      expect(res.body.company.slug.length).toBeLessThanOrEqual(63)
    }
  })

  it('refuses an invalid email with 400 naming email', async () => {
    const res = await signup(signupBody({ email: 'not-an-email' }))
    expect(res.status).toBe(400)
    expect(isProblem(res)).toBe(true)
    expect(errorPaths(res)).toEqual(['email'])
  })

  it('refuses a password under 8 characters with 400 naming password', async () => {
    const res = await signup(signupBody({ password: 'short' }))
    expect(res.status).toBe(400)
    expect(isProblem(res)).toBe(true)
    expect(errorPaths(res)).toEqual(['password'])
  })

  it('names every missing field', async () => {
    const res = await signup({})
    expect(res.status).toBe(400)
    expect(errorPaths(res)).toEqual(['companyName', 'email', 'name', 'password'])
  })
})

describe('sign-up switched off', () => {
  it('answers 403 when SIGNUP_ENABLED=false', async () => {
    const closed = await startTestApp({ SIGNUP_ENABLED: 'false' })
    try {
      const res = await call(closed.app, 'POST', '/api/v1/signup', { body: signupBody() })
      expect(res.status).toBe(403)
      expect(isProblem(res)).toBe(true)
    } finally {
      await closed.close()
    }
  })
})
