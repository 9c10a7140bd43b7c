import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, isProblem, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

let counter = 0
const newEmail = () => `user${++counter}@example.test`

function createUser(admin: Session, body: Record<string, unknown>) {
  return call(t.app, 'POST', '/api/v1/users', {
    token: admin.token,
    body: { name: 'Pat Doe', email: newEmail(), password: 'a fine password', ...body },
  })
}

const login = (admin: Session, email: string, password: string) =>
  call(t.app, 'POST', '/api/v1/auth/login', { body: { company: admin.slug, login: email, password } })

const paths = (res: { body: { errors?: { path: string }[] } }) => res.body.errors?.map((e) => e.path)

describe('creating a user', () => {
  it('answers 201 with the user and never its password', async () => {
    const admin = await signup(t.app)
    const email = newEmail()
    const res = await createUser(admin, { name: 'Robin Roe', email, password: 'a fine password' })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ name: 'Robin Roe', email, disabled: false, roleIds: [] })
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(JSON.stringify(res.body)).not.toContain('a fine password')
    expect(Object.keys(res.body)).not.toContain('passwordHash')
  })

  it('needs a password of at least 8 characters', async () => {
    const admin = await signup(t.app)
    const short = await createUser(admin, { password: 'seven77' })
    expect(short.status).toBe(400)
    expect(isProblem(short)).toBe(true)
    expect(paths(short)).toEqual(['password'])
    expect((await createUser(admin, { password: 'eight888' })).status).toBe(201)
  })

  it('accepts passwords of 64 characters and more, and logs in with them', async () => {
    const admin = await signup(t.app)
    const email = newEmail()
    const password = 'long passphrase '.repeat(6)
    expect(password.length).toBeGreaterThanOrEqual(64)
    expect((await createUser(admin, { email, password })).status).toBe(201)
    expect((await login(admin, email, password)).status).toBe(200)
  })

  it('has no composition rules: "aaaaaaaa" is a valid password', async () => {
    const admin = await signup(t.app)
    expect((await createUser(admin, { password: 'aaaaaaaa' })).status).toBe(201)
  })

  it('refuses an email already used in the company, whatever its case, with 409 on email', async () => {
    const admin = await signup(t.app)
    const email = newEmail()
    expect((await createUser(admin, { email })).status).toBe(201)
    const again = await createUser(admin, { email: email.toUpperCase() })
    expect(again.status).toBe(409)
    expect(isProblem(again)).toBe(true)
    expect(paths(again)).toEqual(['email'])
  })

  it('allows the same email in another company', async () => {
    const a = await signup(t.app)
    const b = await signup(t.app)
    const email = newEmail()
    expect((await createUser(a, { email })).status).toBe(201)
    expect((await createUser(b, { email })).status).toBe(201)
  })

  it('answers concurrent creates of one email with one 201 and 409s, never a 5xx', async () => {
    const admin = await signup(t.app)
    const email = newEmail()
    const answers = await Promise.all(Array.from({ length: 6 }, () => createUser(admin, { email })))
    const statuses = answers.map((r) => r.status).sort()
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409])
  })

  it('refuses unknown roleIds with 422 naming the entry', async () => {
    const admin = await signup(t.app)
    const res = await createUser(admin, { roleIds: [randomUUID()] })
    expect(res.status).toBe(422)
    expect(isProblem(res)).toBe(true)
    expect(paths(res)).toEqual(['roleIds.0'])
  })

  it("treats another company's role as unknown", async () => {
    const a = await signup(t.app)
    const b = await signup(t.app)
    const roles = await call(t.app, 'GET', '/api/v1/roles', { token: b.token })
    const res = await createUser(a, { roleIds: [roles.body.items[0].id] })
    expect(res.status).toBe(422)
    expect(paths(res)).toEqual(['roleIds.0'])
  })

  it('refuses companyId or id in the body: bodies are strict', async () => {
    const a = await signup(t.app)
    const b = await signup(t.app)
    const withCompany = await createUser(a, { companyId: b.companyId })
    expect(withCompany.status).toBe(400)
    expect(isProblem(withCompany)).toBe(true)
    const withId = await createUser(a, { id: randomUUID() })
    expect(withId.status).toBe(400)
    const list = await call(t.app, 'GET', '/api/v1/users', { token: b.token })
    expect(list.body.items).toHaveLength(1)
  })
})

describe('listing users', () => {
  it('pages by keyset: following nextCursor yields every user exactly once', async () => {
    const admin = await signup(t.app)
    const created = [admin.userId]
    for (let i = 0; i < 6; i++) created.push((await createUser(admin, {})).body.id)
    const seen: string[] = []
    let url: string | null = '/api/v1/users?limit=2'
    let pages = 0
    while (url) {
      const res = await call(t.app, 'GET', url, { token: admin.token })
      expect(res.status).toBe(200)
      expect(res.body.items.length).toBeLessThanOrEqual(2)
      seen.push(...res.body.items.map((u: { id: string }) => u.id))
      url = res.body.nextCursor
        ? `/api/v1/users?limit=2&cursor=${encodeURIComponent(res.body.nextCursor)}`
        : null
      expect(++pages).toBeLessThan(10)
    }
    expect(pages).toBe(4)
    expect(seen).toHaveLength(created.length)
    expect(new Set(seen)).toEqual(new Set(created))
  })

  it('caps the page size at 200', async () => {
    const admin = await signup(t.app)
    expect((await call(t.app, 'GET', '/api/v1/users?limit=200', { token: admin.token })).status).toBe(200)
    const tooMany = await call(t.app, 'GET', '/api/v1/users?limit=201', { token: admin.token })
    expect(tooMany.status).toBe(400)
    expect(isProblem(tooMany)).toBe(true)
  })
})

describe('one user', () => {
  it('is read by id; an unknown id is 404', async () => {
    const admin = await signup(t.app)
    const user = (await createUser(admin, { name: 'Read Me' })).body
    const res = await call(t.app, 'GET', `/api/v1/users/${user.id}`, { token: admin.token })
    expect(res.status).toBe(200)
    expect(res.body).toEqual(user)
    const unknown = await call(t.app, 'GET', `/api/v1/users/${randomUUID()}`, { token: admin.token })
    expect(unknown.status).toBe(404)
    expect(isProblem(unknown)).toBe(true)
  })

  it('is changed by PATCH, field by field', async () => {
    const admin = await signup(t.app)
    const roles = await call(t.app, 'GET', '/api/v1/roles', { token: admin.token })
    const manager = roles.body.items.find((r: { name: string }) => r.name === 'Manager')
    const user = (await createUser(admin, { name: 'Before' })).body
    const email = newEmail()
    const res = await call(t.app, 'PATCH', `/api/v1/users/${user.id}`, {
      token: admin.token,
      body: { name: 'After', email, roleIds: [manager.id] },
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id: user.id, name: 'After', email, roleIds: [manager.id] })
    const read = await call(t.app, 'GET', `/api/v1/users/${user.id}`, { token: admin.token })
    expect(read.body).toEqual(res.body)
  })

  it('refuses an email change to another user’s email with 409', async () => {
    const admin = await signup(t.app)
    const user = (await createUser(admin, {})).body
    const res = await call(t.app, 'PATCH', `/api/v1/users/${user.id}`, {
      token: admin.token,
      body: { email: admin.email.toUpperCase() },
    })
    expect(res.status).toBe(409)
    expect(paths(res)).toEqual(['email'])
  })

  it('refuses companyId or id in a PATCH body', async () => {
    const a = await signup(t.app)
    const b = await signup(t.app)
    const user = (await createUser(a, {})).body
    for (const body of [{ companyId: b.companyId }, { id: randomUUID() }]) {
      const res = await call(t.app, 'PATCH', `/api/v1/users/${user.id}`, { token: a.token, body })
      expect(res.status).toBe(400)
      expect(isProblem(res)).toBe(true)
    }
    expect((await call(t.app, 'GET', `/api/v1/users/${user.id}`, { token: a.token })).body).toEqual(user)
  })

  it('is gone after DELETE: 204, then 404, out of the list, and unable to log in', async () => {
    const admin = await signup(t.app)
    const email = newEmail()
    const user = (await createUser(admin, { email, password: 'a fine password' })).body
    const del = await call(t.app, 'DELETE', `/api/v1/users/${user.id}`, { token: admin.token })
    expect(del.status).toBe(204)
    expect((await call(t.app, 'GET', `/api/v1/users/${user.id}`, { token: admin.token })).status).toBe(404)
    const list = await call(t.app, 'GET', '/api/v1/users', { token: admin.token })
    expect(list.body.items.map((u: { id: string }) => u.id)).not.toContain(user.id)
    expect((await login(admin, email, 'a fine password')).status).toBe(401)
    const again = await call(t.app, 'DELETE', `/api/v1/users/${user.id}`, { token: admin.token })
    expect(again.status).toBe(404)
  })

  it('frees its email when deleted', async () => {
    const admin = await signup(t.app)
    const email = newEmail()
    const user = (await createUser(admin, { email })).body
    await call(t.app, 'DELETE', `/api/v1/users/${user.id}`, { token: admin.token })
    expect((await createUser(admin, { email })).status).toBe(201)
  })
})

describe('sessions of a user', () => {
  it('end when the user is deleted', async () => {
    const admin = await signup(t.app)
    const rep = await userWithRole(t.app, admin, 'Lead rep')
    expect((await call(t.app, 'GET', '/api/v1/me', { token: rep.token })).status).toBe(200)
    await call(t.app, 'DELETE', `/api/v1/users/${rep.userId}`, { token: admin.token })
    expect((await call(t.app, 'GET', '/api/v1/me', { token: rep.token })).status).toBe(401)
  })

  it('end when the user is disabled, and do not come back when re-enabled', async () => {
    const admin = await signup(t.app)
    const rep = await userWithRole(t.app, admin, 'Lead rep')
    const patch = (disabled: boolean) =>
      call(t.app, 'PATCH', `/api/v1/users/${rep.userId}`, { token: admin.token, body: { disabled } })
    expect((await patch(true)).body.disabled).toBe(true)
    expect((await call(t.app, 'GET', '/api/v1/me', { token: rep.token })).status).toBe(401)
    expect((await patch(false)).body.disabled).toBe(false)
    expect((await call(t.app, 'GET', '/api/v1/me', { token: rep.token })).status).toBe(401)
    expect((await login(admin, rep.email, rep.password)).status).toBe(200)
  })

  it('end when an admin sets a new password', async () => {
    const admin = await signup(t.app)
    const rep = await userWithRole(t.app, admin, 'Lead rep')
    await call(t.app, 'PATCH', `/api/v1/users/${rep.userId}`, {
      token: admin.token,
      body: { password: 'a brand new password' },
    })
    expect((await call(t.app, 'GET', '/api/v1/me', { token: rep.token })).status).toBe(401)
    expect((await login(admin, rep.email, rep.password)).status).toBe(401)
    expect((await login(admin, rep.email, 'a brand new password')).status).toBe(200)
  })
})

describe('yourself', () => {
  it('cannot be disabled', async () => {
    const admin = await signup(t.app)
    const res = await call(t.app, 'PATCH', `/api/v1/users/${admin.userId}`, {
      token: admin.token,
      body: { disabled: true },
    })
    expect(res.status).toBe(422)
    expect(isProblem(res)).toBe(true)
    expect(paths(res)).toEqual(['disabled'])
    expect((await call(t.app, 'GET', '/api/v1/me', { token: admin.token })).status).toBe(200)
  })

  it('cannot be deleted', async () => {
    const admin = await signup(t.app)
    const res = await call(t.app, 'DELETE', `/api/v1/users/${admin.userId}`, { token: admin.token })
    expect(res.status).toBe(422)
    expect(isProblem(res)).toBe(true)
    expect((await call(t.app, 'GET', '/api/v1/me', { token: admin.token })).status).toBe(200)
  })
})

describe('permissions', () => {
  it('a Lead rep may not create, change or delete users', async () => {
    const admin = await signup(t.app)
    const rep = await userWithRole(t.app, admin, 'Lead rep')
    const other = (await createUser(admin, { name: 'Untouched' })).body
    const answers = [
      await createUser(rep, {}),
      await call(t.app, 'PATCH', `/api/v1/users/${other.id}`, { token: rep.token, body: { name: 'X' } }),
      await call(t.app, 'DELETE', `/api/v1/users/${other.id}`, { token: rep.token }),
    ]
    for (const res of answers) {
      expect(res.status).toBe(403)
      expect(isProblem(res)).toBe(true)
    }
    expect((await call(t.app, 'GET', `/api/v1/users/${other.id}`, { token: admin.token })).body).toEqual(
      other,
    )
  })
})

describe('lead notification recipients (PRODUCT.md §5)', () => {
  it('the first user of a company is a recipient automatically', async () => {
    const admin = await signup(t.app)
    const me = await call(t.app, 'GET', '/api/v1/me', { token: admin.token })
    expect(me.body.user.leadNotifications).toBe(true)
  })

  it('while someone is a recipient, a new user is not', async () => {
    const admin = await signup(t.app)
    expect((await createUser(admin, {})).body.leadNotifications).toBe(false)
  })

  it('once nobody is a recipient, the next new user becomes one, and only that one', async () => {
    const admin = await signup(t.app)
    await call(t.app, 'PATCH', `/api/v1/users/${admin.userId}`, {
      token: admin.token,
      body: { leadNotifications: false },
    })
    expect((await createUser(admin, {})).body.leadNotifications).toBe(true)
    expect((await createUser(admin, {})).body.leadNotifications).toBe(false)
  })

  it('an explicit leadNotifications value wins over the default', async () => {
    const admin = await signup(t.app)
    expect((await createUser(admin, { leadNotifications: true })).body.leadNotifications).toBe(true)
    const list = await call(t.app, 'GET', '/api/v1/users', { token: admin.token })
    for (const user of list.body.items) {
      await call(t.app, 'PATCH', `/api/v1/users/${user.id}`, {
        token: admin.token,
        body: { leadNotifications: false },
      })
    }
    expect((await createUser(admin, { leadNotifications: false })).body.leadNotifications).toBe(false)
  })
})
