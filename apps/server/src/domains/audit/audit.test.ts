import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, isProblem, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

type Entry = {
  id: string
  at: string
  actor: { userId: string | null; label: string }
  action: string
  entityType: string
  entityId: string | null
  changes: Record<string, unknown>
}

const audit = async (session: Session, query = ''): Promise<Entry[]> => {
  const res = await call(t.app, 'GET', `/api/v1/audit${query}`, { token: session.token })
  expect(res.status).toBe(200)
  return res.body.items
}

let counter = 0
const createUser = (admin: Session, password = 'first password 1') =>
  call(t.app, 'POST', '/api/v1/users', {
    token: admin.token,
    body: { name: 'Audited', email: `audited${++counter}@example.test`, password },
  })

describe('the audit log', () => {
  it('records creating, changing and deleting a user, newest first', async () => {
    const admin = await signup(t.app)
    const user = (await createUser(admin)).body
    await call(t.app, 'PATCH', `/api/v1/users/${user.id}`, { token: admin.token, body: { name: 'Renamed' } })
    await call(t.app, 'DELETE', `/api/v1/users/${user.id}`, { token: admin.token })
    const entries = (await audit(admin)).slice(0, 3)
    expect(entries.map((e) => [e.action, e.entityType, e.entityId])).toEqual([
      ['delete', 'user', user.id],
      ['update', 'user', user.id],
      ['create', 'user', user.id],
    ])
    for (const entry of entries) expect(entry.actor).toEqual({ userId: admin.userId, label: 'Admin' })
    expect(entries[1]?.changes).toMatchObject({ name: 'Renamed' })
    const times = entries.map((e) => Date.parse(e.at))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
  })

  it('records creating, changing and deleting a role, newest first', async () => {
    const admin = await signup(t.app)
    const role = (
      await call(t.app, 'POST', '/api/v1/roles', {
        token: admin.token,
        body: { name: 'Audited role', permissions: ['view_leads'] },
      })
    ).body
    await call(t.app, 'PATCH', `/api/v1/roles/${role.id}`, {
      token: admin.token,
      body: { permissions: ['view_mail'] },
    })
    await call(t.app, 'DELETE', `/api/v1/roles/${role.id}`, { token: admin.token })
    const entries = (await audit(admin)).slice(0, 3)
    expect(entries.map((e) => [e.action, e.entityType, e.entityId])).toEqual([
      ['delete', 'role', role.id],
      ['update', 'role', role.id],
      ['create', 'role', role.id],
    ])
    expect(entries[2]?.changes).toMatchObject({ name: 'Audited role', permissions: ['view_leads'] })
    expect(entries[1]?.changes).toMatchObject({ permissions: ['view_mail'] })
  })

  it('shows a password change as "[changed]" and never the password itself', async () => {
    const admin = await signup(t.app)
    const first = 'first password 1'
    const second = 'second password 2'
    const user = (await createUser(admin, first)).body
    await call(t.app, 'PATCH', `/api/v1/users/${user.id}`, { token: admin.token, body: { password: second } })
    const res = await call(t.app, 'GET', '/api/v1/audit', { token: admin.token })
    const [update, create] = res.body.items as Entry[]
    expect(update?.changes.password).toBe('[changed]')
    expect(create?.changes.password).toBe('[changed]')
    expect(JSON.stringify(res.body)).not.toContain(first)
    expect(JSON.stringify(res.body)).not.toContain(second)
    const rows = await t.ctx.db.selectFrom('audit_log').select('changes').execute()
    expect(JSON.stringify(rows)).not.toContain(first)
    expect(JSON.stringify(rows)).not.toContain(second)
  })

  it('records the creation of an API key without the key', async () => {
    const admin = await signup(t.app)
    const created = await call(t.app, 'POST', '/api/v1/api-keys', {
      token: admin.token,
      body: { name: 'Audited key' },
    })
    const res = await call(t.app, 'GET', '/api/v1/audit', { token: admin.token })
    expect(res.body.items[0]).toMatchObject({
      action: 'create',
      entityType: 'api_key',
      entityId: created.body.id,
    })
    expect(JSON.stringify(res.body)).not.toContain(created.body.key)
  })

  it('pages newest first by keyset', async () => {
    const admin = await signup(t.app)
    for (let i = 0; i < 5; i++) await createUser(admin)
    const all = await audit(admin)
    const seen: Entry[] = []
    let cursor: string | null = null
    do {
      const res: { body: { items: Entry[]; nextCursor: string | null } } = await call(
        t.app,
        'GET',
        `/api/v1/audit?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { token: admin.token },
      )
      seen.push(...res.body.items)
      cursor = res.body.nextCursor
    } while (cursor)
    expect(seen).toEqual(all)
    expect(seen.length).toBeGreaterThanOrEqual(5)
  })

  it('narrows to the changes one person made', async () => {
    const admin = await signup(t.app)
    const manager = await userWithRole(t.app, admin, 'Admin')
    await call(t.app, 'POST', '/api/v1/tags', { token: manager.token, body: { name: 'By the manager' } })
    await call(t.app, 'POST', '/api/v1/tags', { token: admin.token, body: { name: 'By the admin' } })
    const mine = await audit(manager, `?userId=${manager.userId}`)
    expect(mine.map((e) => [e.entityType, e.changes.name])).toEqual([['tag', 'By the manager']])
    expect(
      (await audit(admin, `?userId=${admin.userId}`)).every((e) => e.actor.userId === admin.userId),
    ).toBe(true)
  })

  it('narrows to one kind of change', async () => {
    const admin = await signup(t.app)
    await createUser(admin)
    await call(t.app, 'POST', '/api/v1/tags', { token: admin.token, body: { name: 'Kind' } })
    const tags = await audit(admin, '?entityType=tag')
    expect(tags.map((e) => e.entityType)).toEqual(['tag'])
    expect((await audit(admin, '?entityType=user')).map((e) => e.entityType)).toEqual(['user'])
  })

  it('narrows to a time range, from included and until excluded', async () => {
    const admin = await signup(t.app)
    await call(t.app, 'POST', '/api/v1/tags', { token: admin.token, body: { name: 'Earlier' } })
    const [earlier] = await audit(admin, '?entityType=tag')
    await new Promise((resolve) => setTimeout(resolve, 20))
    await call(t.app, 'POST', '/api/v1/tags', { token: admin.token, body: { name: 'Later' } })
    const [later] = await audit(admin, '?entityType=tag')
    if (!earlier || !later) throw new Error('both tags are in the audit log')
    const from = encodeURIComponent(later.at)
    expect((await audit(admin, `?entityType=tag&from=${from}`)).map((e) => e.changes.name)).toEqual(['Later'])
    expect((await audit(admin, `?entityType=tag&until=${from}`)).map((e) => e.changes.name)).toEqual([
      'Earlier',
    ])
    const future = encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())
    expect(await audit(admin, `?from=${future}`)).toEqual([])
  })

  it('refuses a filter that is not a person, a kind or a time, naming it', async () => {
    const admin = await signup(t.app)
    const res = await call(t.app, 'GET', '/api/v1/audit?userId=someone&from=yesterday', {
      token: admin.token,
    })
    expect(res.status).toBe(400)
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['from', 'userId'])
  })

  it("shows only the caller's company", async () => {
    const a = await signup(t.app)
    const b = await signup(t.app)
    const user = (await createUser(a)).body
    const seenByB = JSON.stringify(await audit(b))
    expect(seenByB).not.toContain(user.id)
    expect(seenByB).not.toContain(a.userId)
  })

  it('is closed to a Lead rep (403)', async () => {
    const admin = await signup(t.app)
    const rep = await userWithRole(t.app, admin, 'Lead rep')
    const res = await call(t.app, 'GET', '/api/v1/audit', { token: rep.token })
    expect(res.status).toBe(403)
    expect(isProblem(res)).toBe(true)
  })
})
