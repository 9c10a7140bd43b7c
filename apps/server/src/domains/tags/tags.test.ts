import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, isProblem, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'
import { listTagsOf, tagExists } from './tags.service.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const url = '/api/v1/tags'
const createTag = (admin: Session, name: string) =>
  call(t.app, 'POST', url, { token: admin.token, body: { name } })

async function created(admin: Session, name: string): Promise<{ id: string; name: string }> {
  const res = await createTag(admin, name)
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

const paths = (res: { body: { errors?: { path: string }[] } }) => res.body.errors?.map((e) => e.path)

/** A partner company carrying the tags, written directly: that domain's routes are tested there. */
async function taggedPartner(admin: Session, tagIds: string[], name = 'Tagged Partner') {
  const id = randomUUID()
  await t.ctx.db
    .insertInto('partner_companies')
    .values({ company_id: admin.companyId, id, name, kind: 'outside' })
    .execute()
  if (tagIds.length) {
    await t.ctx.db
      .insertInto('partner_company_tags')
      .values(tagIds.map((tagId) => ({ company_id: admin.companyId, partner_company_id: id, tag_id: tagId })))
      .execute()
  }
  return id
}

describe('creating a tag', () => {
  it('needs a login', async () => {
    expect((await call(t.app, 'GET', url)).status).toBe(401)
    expect((await call(t.app, 'POST', url, { body: { name: 'VIP' } })).status).toBe(401)
  })

  it('answers 201 with the trimmed name, and records it in the audit log', async () => {
    const admin = await signup(t.app)
    const res = await createTag(admin, '  VIP  ')
    expect(res.status).toBe(201)
    expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'VIP' })
    expect((await call(t.app, 'GET', `${url}/${res.body.id}`, { token: admin.token })).body).toEqual(res.body)
    const entry = await t.ctx.db
      .selectFrom('audit_log')
      .where('company_id', '=', admin.companyId)
      .where('entity_id', '=', res.body.id)
      .select(['action', 'entity_type', 'changes'])
      .executeTakeFirst()
    expect(entry).toEqual({ action: 'create', entity_type: 'tag', changes: { name: 'VIP' } })
  })

  it('needs a name of 1 to 60 characters', async () => {
    const admin = await signup(t.app)
    for (const name of ['', '   ', 'x'.repeat(61)]) {
      const res = await createTag(admin, name)
      expect(res.status, JSON.stringify(name)).toBe(400)
      expect(isProblem(res)).toBe(true)
      expect(paths(res)).toEqual(['name'])
    }
    expect((await createTag(admin, 'x'.repeat(60))).status).toBe(201)
  })

  it('refuses a name already used in the company, whatever its case, with 409 on name', async () => {
    const admin = await signup(t.app)
    await created(admin, 'Hot')
    const again = await createTag(admin, 'HOT')
    expect(again.status).toBe(409)
    expect(isProblem(again)).toBe(true)
    expect(paths(again)).toEqual(['name'])
    const other = await signup(t.app)
    expect((await createTag(other, 'Hot')).status).toBe(201)
  })
})

describe('tag routes', () => {
  it('are in the OpenAPI document', async () => {
    const doc = (await call(t.app, 'GET', '/api/v1/openapi.json')).body
    expect(Object.keys(doc.paths[url])).toEqual(['get', 'post'])
    expect(Object.keys(doc.paths[`${url}/{id}`])).toEqual(['get', 'patch', 'delete'])
    expect(doc.paths[url].post.tags).toEqual(['Tags'])
  })

  it('answer concurrent creates of one name with one 201 and 409s, never a 5xx', async () => {
    const admin = await signup(t.app)
    const answers = await Promise.all(
      Array.from({ length: 4 }, (_, i) => createTag(admin, i ? 'same' : 'SAME')),
    )
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409])
  })
})

describe('listing tags', () => {
  it("gives all of the company's tags by name, and no cursor", async () => {
    const admin = await signup(t.app)
    for (const name of ['solar', 'Alarm', 'HVAC', 'doors']) await created(admin, name)
    const other = await signup(t.app)
    await created(other, 'Not ours')
    const res = await call(t.app, 'GET', url, { token: admin.token })
    expect(res.status).toBe(200)
    expect(res.body.items.map((tag: { name: string }) => tag.name)).toEqual([
      'Alarm',
      'doors',
      'HVAC',
      'solar',
    ])
    expect(res.body.nextCursor).toBeNull()
  })
})

describe('renaming a tag', () => {
  it('answers 200 with the new name', async () => {
    const admin = await signup(t.app)
    const tag = await created(admin, 'Warm')
    const res = await call(t.app, 'PATCH', `${url}/${tag.id}`, { token: admin.token, body: { name: 'Hot' } })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ id: tag.id, name: 'Hot' })
    expect((await call(t.app, 'GET', `${url}/${tag.id}`, { token: admin.token })).body.name).toBe('Hot')
  })

  it("refuses another tag's name with 409 on name, but allows a new case of its own", async () => {
    const admin = await signup(t.app)
    await created(admin, 'Cold')
    const warm = await created(admin, 'Warm')
    const taken = await call(t.app, 'PATCH', `${url}/${warm.id}`, {
      token: admin.token,
      body: { name: 'cold' },
    })
    expect(taken.status).toBe(409)
    expect(paths(taken)).toEqual(['name'])
    const recased = await call(t.app, 'PATCH', `${url}/${warm.id}`, {
      token: admin.token,
      body: { name: 'WARM' },
    })
    expect(recased.status).toBe(200)
  })

  it('needs a name', async () => {
    const admin = await signup(t.app)
    const tag = await created(admin, 'Named')
    const res = await call(t.app, 'PATCH', `${url}/${tag.id}`, { token: admin.token, body: { name: ' ' } })
    expect(res.status).toBe(400)
    expect(paths(res)).toEqual(['name'])
  })
})

describe('deleting a tag', () => {
  it('answers 204 and takes the tag off every partner company', async () => {
    const admin = await signup(t.app)
    const tag = await created(admin, 'Gone')
    const kept = await created(admin, 'Kept')
    const partnerId = await taggedPartner(admin, [tag.id, kept.id])
    expect((await call(t.app, 'DELETE', `${url}/${tag.id}`, { token: admin.token })).status).toBe(204)
    expect((await call(t.app, 'GET', `${url}/${tag.id}`, { token: admin.token })).status).toBe(404)
    const tags = await listTagsOf(t.ctx.db, admin.companyId, [partnerId])
    expect(tags.get(partnerId)).toEqual([kept])
  })
})

describe('who may see and change tags', () => {
  it('lets a Lead rep read, and answers 403 to its writes', async () => {
    const admin = await signup(t.app)
    const tag = await created(admin, 'Readable')
    const rep = await userWithRole(t.app, admin, 'Lead rep')
    expect((await call(t.app, 'GET', url, { token: rep.token })).body.items).toEqual([tag])
    expect((await call(t.app, 'GET', `${url}/${tag.id}`, { token: rep.token })).status).toBe(200)
    const writes = [
      await call(t.app, 'POST', url, { token: rep.token, body: { name: 'Mine' } }),
      await call(t.app, 'PATCH', `${url}/${tag.id}`, { token: rep.token, body: { name: 'Mine' } }),
      await call(t.app, 'DELETE', `${url}/${tag.id}`, { token: rep.token }),
    ]
    for (const res of writes) {
      expect(res.status).toBe(403)
      expect(isProblem(res)).toBe(true)
    }
  })

  it('lets a Manager (manage_partner_companies) write', async () => {
    const admin = await signup(t.app)
    const manager = await userWithRole(t.app, admin, 'Manager')
    const res = await createTag(manager, 'From manager')
    expect(res.status).toBe(201)
  })

  it("answers 404 for another company's tag on every route", async () => {
    const admin = await signup(t.app)
    const other = await signup(t.app)
    const theirs = await created(other, 'Theirs')
    const answers = [
      await call(t.app, 'GET', `${url}/${theirs.id}`, { token: admin.token }),
      await call(t.app, 'PATCH', `${url}/${theirs.id}`, { token: admin.token, body: { name: 'Ours' } }),
      await call(t.app, 'DELETE', `${url}/${theirs.id}`, { token: admin.token }),
      await call(t.app, 'GET', `${url}/${randomUUID()}`, { token: admin.token }),
    ]
    for (const res of answers) {
      expect(res.status).toBe(404)
      expect(isProblem(res)).toBe(true)
    }
    expect((await call(t.app, 'GET', `${url}/${theirs.id}`, { token: other.token })).body).toEqual(theirs)
  })
})

describe('for other domains', () => {
  it('listTagsOf gives each partner company its tags by name, an empty list when it has none', async () => {
    const admin = await signup(t.app)
    const b = await created(admin, 'beta')
    const a = await created(admin, 'Alpha')
    const both = await taggedPartner(admin, [b.id, a.id], 'Both')
    const none = await taggedPartner(admin, [], 'None')
    const tags = await listTagsOf(t.ctx.db, admin.companyId, [both, none])
    expect(tags.get(both)).toEqual([a, b])
    expect(tags.get(none)).toEqual([])
    expect((await listTagsOf(t.ctx.db, admin.companyId, [])).size).toBe(0)
    const other = await signup(t.app)
    expect((await listTagsOf(t.ctx.db, other.companyId, [both])).get(both)).toEqual([])
  })

  it("tagExists sees only the company's own tags", async () => {
    const admin = await signup(t.app)
    const other = await signup(t.app)
    const tag = await created(admin, 'Exists')
    expect(await tagExists(t.ctx.db, admin.companyId, tag.id)).toBe(true)
    expect(await tagExists(t.ctx.db, other.companyId, tag.id)).toBe(false)
  })
})
