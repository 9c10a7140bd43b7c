import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, isProblem, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

type Role = { id: string; name: string; permissions: string[]; builtin: boolean }

const roles = async (admin: Session): Promise<Role[]> =>
  (await call(t.app, 'GET', '/api/v1/roles', { token: admin.token })).body.items

const createRole = (admin: Session, body: Record<string, unknown>) =>
  call(t.app, 'POST', '/api/v1/roles', { token: admin.token, body })

const builtin = async (admin: Session, name: string) =>
  (await roles(admin)).find((r) => r.name === name) as Role

/** A user holding only `roleIds`, logged in. */
async function userWithRoles(admin: Session, roleIds: string[]) {
  const email = `holder-${randomUUID()}@example.test`
  const password = 'a fine password'
  const user = await call(t.app, 'POST', '/api/v1/users', {
    token: admin.token,
    body: { name: 'Holder', email, password, roleIds },
  })
  const login = await call(t.app, 'POST', '/api/v1/auth/login', {
    body: { company: admin.slug, login: email, password },
  })
  return { id: user.body.id as string, token: login.body.token as string }
}

const permissionsOf = async (token: string): Promise<string[]> =>
  (await call(t.app, 'GET', '/api/v1/me', { token })).body.permissions

describe('built-in roles', () => {
  it('every company starts with Admin, Manager, Lead rep and Read-only and their permissions', async () => {
    const admin = await signup(t.app)
    const all = (await call(t.app, 'GET', '/api/v1/permissions', { token: admin.token })).body.items.map(
      (p: { name: string }) => p.name,
    )
    const byName = Object.fromEntries((await roles(admin)).map((r) => [r.name, r]))
    expect(Object.keys(byName).sort()).toEqual(['Admin', 'Lead rep', 'Manager', 'Read-only'])
    for (const role of Object.values(byName)) expect(role.builtin).toBe(true)
    expect(byName.Admin?.permissions.sort()).toEqual([...all].sort())
    expect(byName.Manager?.permissions.sort()).toEqual(
      [
        'manage_partner_companies',
        'view_leads',
        'view_pending_leads',
        'create_leads',
        'request_leads',
        'view_queue',
        'assign_leads',
        'return_leads',
        'sell_leads',
        'view_customers',
        'manage_customers',
        'view_audit',
        'view_reports',
      ].sort(),
    )
    expect(byName['Lead rep']?.permissions.sort()).toEqual(
      ['view_leads', 'create_leads', 'request_leads', 'view_customers', 'manage_customers'].sort(),
    )
    expect(byName['Read-only']?.permissions.sort()).toEqual(['view_customers', 'view_leads'])
  })

  it('cannot be changed (409)', async () => {
    const admin = await signup(t.app)
    const manager = await builtin(admin, 'Manager')
    for (const body of [{ name: 'Boss' }, { permissions: ['manage_users'] }]) {
      const res = await call(t.app, 'PATCH', `/api/v1/roles/${manager.id}`, { token: admin.token, body })
      expect(res.status).toBe(409)
      expect(isProblem(res)).toBe(true)
    }
    expect(await builtin(admin, 'Manager')).toEqual(manager)
  })

  it('cannot be deleted (409)', async () => {
    const admin = await signup(t.app)
    const readOnly = await builtin(admin, 'Read-only')
    const res = await call(t.app, 'DELETE', `/api/v1/roles/${readOnly.id}`, { token: admin.token })
    expect(res.status).toBe(409)
    expect(isProblem(res)).toBe(true)
    expect(await builtin(admin, 'Read-only')).toEqual(readOnly)
  })
})

describe('custom roles', () => {
  it('are created with 201 and read back by id', async () => {
    const admin = await signup(t.app)
    const res = await createRole(admin, { name: 'Closer', permissions: ['view_leads', 'sell_leads'] })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ name: 'Closer', builtin: false })
    expect([...res.body.permissions].sort()).toEqual(['sell_leads', 'view_leads'])
    const read = await call(t.app, 'GET', `/api/v1/roles/${res.body.id}`, { token: admin.token })
    expect(read.body).toEqual(res.body)
  })

  it('are renamed and given other permissions by PATCH', async () => {
    const admin = await signup(t.app)
    const role = (await createRole(admin, { name: 'Closer', permissions: ['view_leads'] })).body
    const res = await call(t.app, 'PATCH', `/api/v1/roles/${role.id}`, {
      token: admin.token,
      body: { name: 'Senior closer', permissions: ['view_customers'] },
    })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ ...role, name: 'Senior closer', permissions: ['view_customers'] })
  })

  it('are deleted with 204, then 404', async () => {
    const admin = await signup(t.app)
    const role = (await createRole(admin, { name: 'Temp', permissions: [] })).body
    expect((await call(t.app, 'DELETE', `/api/v1/roles/${role.id}`, { token: admin.token })).status).toBe(204)
    const read = await call(t.app, 'GET', `/api/v1/roles/${role.id}`, { token: admin.token })
    expect(read.status).toBe(404)
    expect(isProblem(read)).toBe(true)
    expect((await roles(admin)).map((r) => r.id)).not.toContain(role.id)
  })

  it('refuse an unknown permission with 400 naming the entry', async () => {
    const admin = await signup(t.app)
    const res = await createRole(admin, { name: 'Bad', permissions: ['launch_rockets'] })
    expect(res.status).toBe(400)
    expect(isProblem(res)).toBe(true)
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['permissions.0'])
  })

  it('refuse a name already taken, whatever its case, built-in names included (409)', async () => {
    const admin = await signup(t.app)
    expect((await createRole(admin, { name: 'Closer', permissions: [] })).status).toBe(201)
    for (const name of ['closer', 'ADMIN']) {
      const res = await createRole(admin, { name, permissions: [] })
      expect(res.status).toBe(409)
      expect(isProblem(res)).toBe(true)
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['name'])
    }
  })

  it('refuse a rename to a taken name (409)', async () => {
    const admin = await signup(t.app)
    await createRole(admin, { name: 'First', permissions: [] })
    const second = (await createRole(admin, { name: 'Second', permissions: [] })).body
    const res = await call(t.app, 'PATCH', `/api/v1/roles/${second.id}`, {
      token: admin.token,
      body: { name: 'FIRST' },
    })
    expect(res.status).toBe(409)
  })

  it('refuse companyId or id in the body: bodies are strict', async () => {
    const admin = await signup(t.app)
    for (const extra of [{ companyId: randomUUID() }, { id: randomUUID() }, { builtin: true }]) {
      const res = await createRole(admin, { name: 'Sneaky', permissions: [], ...extra })
      expect(res.status).toBe(400)
      expect(isProblem(res)).toBe(true)
    }
  })
})

describe('permissions of a user', () => {
  it('are exactly those of the custom role it holds', async () => {
    const admin = await signup(t.app)
    const role = (await createRole(admin, { name: 'Viewer', permissions: ['view_leads', 'view_mail'] })).body
    const user = await userWithRoles(admin, [role.id])
    expect((await permissionsOf(user.token)).sort()).toEqual(['view_leads', 'view_mail'])
  })

  it('are the union of every role it holds', async () => {
    const admin = await signup(t.app)
    const a = (await createRole(admin, { name: 'A', permissions: ['view_leads', 'view_mail'] })).body
    const b = (await createRole(admin, { name: 'B', permissions: ['view_leads', 'view_audit'] })).body
    const user = await userWithRoles(admin, [a.id, b.id])
    expect((await permissionsOf(user.token)).sort()).toEqual(['view_audit', 'view_leads', 'view_mail'])
  })

  it('are lost on the next request when the role is taken away', async () => {
    const admin = await signup(t.app)
    const role = (await createRole(admin, { name: 'Auditor', permissions: ['view_audit'] })).body
    const user = await userWithRoles(admin, [role.id])
    expect((await call(t.app, 'GET', '/api/v1/audit', { token: user.token })).status).toBe(200)
    await call(t.app, 'PATCH', `/api/v1/users/${user.id}`, { token: admin.token, body: { roleIds: [] } })
    expect(await permissionsOf(user.token)).toEqual([])
    expect((await call(t.app, 'GET', '/api/v1/audit', { token: user.token })).status).toBe(403)
  })

  it("follow a change of the role's permissions on the next request", async () => {
    const admin = await signup(t.app)
    const role = (await createRole(admin, { name: 'Shifting', permissions: ['view_leads'] })).body
    const user = await userWithRoles(admin, [role.id])
    await call(t.app, 'PATCH', `/api/v1/roles/${role.id}`, {
      token: admin.token,
      body: { permissions: ['view_customers'] },
    })
    expect(await permissionsOf(user.token)).toEqual(['view_customers'])
  })

  it('are lost when the role is deleted', async () => {
    const admin = await signup(t.app)
    const role = (await createRole(admin, { name: 'Doomed', permissions: ['view_mail'] })).body
    const user = await userWithRoles(admin, [role.id])
    await call(t.app, 'DELETE', `/api/v1/roles/${role.id}`, { token: admin.token })
    expect(await permissionsOf(user.token)).toEqual([])
    const read = await call(t.app, 'GET', `/api/v1/users/${user.id}`, { token: admin.token })
    expect(read.body.roleIds).toEqual([])
  })
})

describe('the permission list', () => {
  it('names every permission of the OpenAPI document, each with a description', async () => {
    const admin = await signup(t.app)
    const res = await call(t.app, 'GET', '/api/v1/permissions', { token: admin.token })
    expect(res.status).toBe(200)
    const doc = (await call(t.app, 'GET', '/api/v1/openapi.json')).body
    const documented: string[] =
      doc.paths['/api/v1/roles'].post.requestBody.content['application/json'].schema.properties.permissions
        .items.enum
    expect(res.body.items.map((p: { name: string }) => p.name).sort()).toEqual([...documented].sort())
    for (const p of res.body.items) expect(p.description.length).toBeGreaterThan(0)
  })
})

describe('who may manage roles', () => {
  it('a Lead rep may not create, change or delete roles', async () => {
    const admin = await signup(t.app)
    const rep = await userWithRole(t.app, admin, 'Lead rep')
    const role = (await createRole(admin, { name: 'Kept', permissions: [] })).body
    const answers = [
      await createRole(rep, { name: 'Mine', permissions: ['manage_users'] }),
      await call(t.app, 'PATCH', `/api/v1/roles/${role.id}`, {
        token: rep.token,
        body: { permissions: ['manage_users'] },
      }),
      await call(t.app, 'DELETE', `/api/v1/roles/${role.id}`, { token: rep.token }),
    ]
    for (const res of answers) {
      expect(res.status).toBe(403)
      expect(isProblem(res)).toBe(true)
    }
    expect((await call(t.app, 'GET', `/api/v1/roles/${role.id}`, { token: admin.token })).body).toEqual(role)
  })
})
