import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, isProblem, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const createKey = (session: { token: string }, name = 'CRM sync') =>
  call(t.app, 'POST', '/api/v1/api-keys', { token: session.token, body: { name } })

/** A logged-in user whose only role is a custom one with exactly `permissions`. */
async function userWithPermissions(admin: Session, permissions: string[]) {
  const role = await call(t.app, 'POST', '/api/v1/roles', {
    token: admin.token,
    body: { name: `Custom ${randomUUID()}`, permissions },
  })
  const email = `keymaker-${randomUUID()}@example.test`
  const password = 'a fine password'
  const user = await call(t.app, 'POST', '/api/v1/users', {
    token: admin.token,
    body: { name: 'Key maker', email, password, roleIds: [role.body.id] },
  })
  const login = await call(t.app, 'POST', '/api/v1/auth/login', {
    body: { company: admin.slug, login: email, password },
  })
  return { userId: user.body.id as string, token: login.body.token as string }
}

describe('creating a key', () => {
  it('answers 201 with the key, shown this once', async () => {
    const admin = await signup(t.app)
    const res = await createKey(admin)
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ name: 'CRM sync', userId: admin.userId, lastUsedAt: null })
    expect(res.body.key).toMatch(/^trk_/)
    const list = await call(t.app, 'GET', '/api/v1/api-keys', { token: admin.token })
    expect(list.body.items.map((k: { id: string }) => k.id)).toEqual([res.body.id])
    expect(JSON.stringify(list.body)).not.toContain(res.body.key)
    expect(list.body.items[0]).not.toHaveProperty('key')
  })

  it('stores only a hash of the key', async () => {
    const admin = await signup(t.app)
    const { key, id } = (await createKey(admin)).body
    const rows = await t.ctx.db.selectFrom('api_keys').selectAll().where('id', '=', id).execute()
    expect(rows).toHaveLength(1)
    const row = rows[0] as (typeof rows)[number]
    expect(row.key_hash.length).toBe(32)
    const secretPart = key.slice('trk_'.length)
    expect(row.key_hash.toString('latin1')).not.toContain(secretPart)
    expect(row.key_hash.toString('base64url')).not.toContain(secretPart)
    for (const value of Object.values(row)) {
      const text = Buffer.isBuffer(value) ? value.toString('hex') : String(value)
      expect(text).not.toContain(key)
      expect(text).not.toContain(secretPart)
    }
  })

  it('needs a name', async () => {
    const admin = await signup(t.app)
    const res = await createKey(admin, '   ')
    expect(res.status).toBe(400)
    expect(isProblem(res)).toBe(true)
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['name'])
  })
})

describe('using a key', () => {
  it('authenticates as a Bearer token, as the user who made it', async () => {
    const admin = await signup(t.app)
    const { key } = (await createKey(admin)).body
    const me = await call(t.app, 'GET', '/api/v1/me', { token: key })
    expect(me.status).toBe(200)
    expect(me.body.user.id).toBe(admin.userId)
    expect(me.body.company.id).toBe(admin.companyId)
  })

  it("acts with exactly its creator's permissions", async () => {
    const admin = await signup(t.app)
    const maker = await userWithPermissions(admin, ['manage_users', 'view_leads'])
    const { key } = (await createKey(maker)).body
    const me = await call(t.app, 'GET', '/api/v1/me', { token: key })
    expect([...me.body.permissions].sort()).toEqual(['manage_users', 'view_leads'])
    expect((await call(t.app, 'GET', '/api/v1/audit', { token: key })).status).toBe(403)
    const write = await call(t.app, 'POST', '/api/v1/roles', {
      token: key,
      body: { name: 'Made by a key', permissions: [] },
    })
    expect(write.status).toBe(201)
  })

  it("follows its creator's permissions when they change", async () => {
    const admin = await signup(t.app)
    const maker = await userWithPermissions(admin, ['manage_users'])
    const { key } = (await createKey(maker)).body
    await call(t.app, 'PATCH', `/api/v1/users/${maker.userId}`, { token: admin.token, body: { roleIds: [] } })
    const res = await call(t.app, 'GET', '/api/v1/api-keys', { token: key })
    expect(res.status).toBe(403)
  })

  it('stops working once deleted (401)', async () => {
    const admin = await signup(t.app)
    const { key, id } = (await createKey(admin)).body
    expect((await call(t.app, 'GET', '/api/v1/me', { token: key })).status).toBe(200)
    const del = await call(t.app, 'DELETE', `/api/v1/api-keys/${id}`, { token: admin.token })
    expect(del.status).toBe(204)
    const after = await call(t.app, 'GET', '/api/v1/me', { token: key })
    expect(after.status).toBe(401)
    expect(isProblem(after)).toBe(true)
    const list = await call(t.app, 'GET', '/api/v1/api-keys', { token: admin.token })
    expect(list.body.items).toEqual([])
  })

  it('stops working while its creator is disabled', async () => {
    const admin = await signup(t.app)
    const maker = await userWithPermissions(admin, ['manage_users'])
    const { key } = (await createKey(maker)).body
    await call(t.app, 'PATCH', `/api/v1/users/${maker.userId}`, {
      token: admin.token,
      body: { disabled: true },
    })
    expect((await call(t.app, 'GET', '/api/v1/me', { token: key })).status).toBe(401)
  })

  it('stops working once its creator is deleted', async () => {
    const admin = await signup(t.app)
    const maker = await userWithPermissions(admin, ['manage_users'])
    const { key } = (await createKey(maker)).body
    await call(t.app, 'DELETE', `/api/v1/users/${maker.userId}`, { token: admin.token })
    expect((await call(t.app, 'GET', '/api/v1/me', { token: key })).status).toBe(401)
  })

  it('records when it was last used', async () => {
    const admin = await signup(t.app)
    const { key, id } = (await createKey(admin)).body
    await call(t.app, 'GET', '/api/v1/me', { token: key })
    const list = await call(t.app, 'GET', '/api/v1/api-keys', { token: admin.token })
    const listed = list.body.items.find((k: { id: string }) => k.id === id)
    expect(Date.parse(listed.lastUsedAt)).not.toBeNaN()
  })
})

describe('who may manage keys', () => {
  it('a Lead rep may not list, create or delete keys', async () => {
    const admin = await signup(t.app)
    const rep = await userWithRole(t.app, admin, 'Lead rep')
    const { id, key } = (await createKey(admin)).body
    const answers = [
      await call(t.app, 'GET', '/api/v1/api-keys', { token: rep.token }),
      await createKey(rep),
      await call(t.app, 'DELETE', `/api/v1/api-keys/${id}`, { token: rep.token }),
    ]
    for (const res of answers) {
      expect(res.status).toBe(403)
      expect(isProblem(res)).toBe(true)
    }
    expect((await call(t.app, 'GET', '/api/v1/me', { token: key })).status).toBe(200)
  })

  it('an unknown key id is 404', async () => {
    const admin = await signup(t.app)
    const res = await call(t.app, 'DELETE', `/api/v1/api-keys/${randomUUID()}`, { token: admin.token })
    expect(res.status).toBe(404)
    expect(isProblem(res)).toBe(true)
  })
})
