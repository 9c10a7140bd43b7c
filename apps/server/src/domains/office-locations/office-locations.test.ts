import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, isProblem, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'
import { addOfficeLocation, officeLocationExists } from './office-locations.service.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const url = '/api/v1/office-locations'
let counter = 0
const newName = () => `Branch ${++counter}`

function createLocation(admin: Session, body: Record<string, unknown> = {}) {
  return call(t.app, 'POST', url, {
    token: admin.token,
    body: { name: newName(), timezone: 'America/Chicago', ...body },
  })
}

async function created(admin: Session, body: Record<string, unknown> = {}) {
  const res = await createLocation(admin, body)
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body as { id: string; name: string }
}

const paths = (res: { body: { errors?: { path: string }[] } }) => res.body.errors?.map((e) => e.path)

async function allLocations(admin: Session): Promise<{ id: string; name: string }[]> {
  return (await call(t.app, 'GET', `${url}?limit=200`, { token: admin.token })).body.items
}

/** A partner company whose incoming customers land in the office location. */
async function partnerUsing(admin: Session, officeLocationId: string, name = 'Customer Seller Co') {
  await t.ctx.db
    .insertInto('partner_companies')
    .values({
      company_id: admin.companyId,
      id: randomUUID(),
      name,
      kind: 'outside',
      sells_customers: true,
      sc_default_office_location_id: officeLocationId,
    })
    .execute()
}

describe('creating an office location', () => {
  it('needs a login', async () => {
    expect((await call(t.app, 'GET', url)).status).toBe(401)
    const res = await call(t.app, 'POST', url, { body: { name: 'Main', timezone: 'America/Chicago' } })
    expect(res.status).toBe(401)
  })

  it('answers 201 with the location; the address defaults to empty lines in the US', async () => {
    const admin = await signup(t.app)
    const res = await createLocation(admin, { name: 'Head Office' })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      name: 'Head Office',
      timezone: 'America/Chicago',
      address: { street: null, city: null, region: null, postalCode: null, country: 'US' },
    })
    const read = await call(t.app, 'GET', `${url}/${res.body.id}`, { token: admin.token })
    expect(read.status).toBe(200)
    expect(read.body).toEqual(res.body)
  })

  it('keeps a full address', async () => {
    const admin = await signup(t.app)
    const address = {
      street: '1 Main St',
      city: 'Toronto',
      region: 'ON',
      postalCode: 'M5V 2T6',
      country: 'CA',
    }
    const res = await createLocation(admin, { address, timezone: 'America/Toronto' })
    expect(res.status).toBe(201)
    expect(res.body.address).toEqual(address)
  })

  it('needs a name', async () => {
    const admin = await signup(t.app)
    const blank = await createLocation(admin, { name: '   ' })
    expect(blank.status).toBe(400)
    expect(isProblem(blank)).toBe(true)
    expect(paths(blank)).toEqual(['name'])
    expect((await createLocation(admin, { name: 'North' })).status).toBe(201)
  })

  it('needs an IANA time zone', async () => {
    const admin = await signup(t.app)
    for (const timezone of ['Mars/Olympus', 'CST6CDT-ish', '']) {
      const res = await createLocation(admin, { timezone })
      expect(res.status, timezone).toBe(400)
      expect(new Set(paths(res))).toEqual(new Set(['timezone']))
    }
    expect((await createLocation(admin, { timezone: 'Europe/Berlin' })).status).toBe(201)
  })

  it('needs a two-letter country code', async () => {
    const admin = await signup(t.app)
    const res = await createLocation(admin, { address: { country: 'USA' } })
    expect(res.status).toBe(400)
    expect(paths(res)).toEqual(['address.country'])
    expect((await createLocation(admin, { address: { country: 'MX' } })).status).toBe(201)
  })

  it('refuses unknown fields', async () => {
    const admin = await signup(t.app)
    const res = await createLocation(admin, { manager: 'Pat' })
    expect(res.status).toBe(400)
    expect(isProblem(res)).toBe(true)
  })

  it('refuses a name already used in the company, whatever its case, with 409 on name', async () => {
    const admin = await signup(t.app)
    expect((await createLocation(admin, { name: 'Downtown' })).status).toBe(201)
    const again = await createLocation(admin, { name: 'DOWNTOWN' })
    expect(again.status).toBe(409)
    expect(isProblem(again)).toBe(true)
    expect(paths(again)).toEqual(['name'])
    const other = await signup(t.app)
    expect((await createLocation(other, { name: 'Downtown' })).status).toBe(201)
  })

  it('answers concurrent creates of one name with one 201 and 409s, never a 5xx', async () => {
    const admin = await signup(t.app)
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) => createLocation(admin, { name: i % 2 ? 'Racing' : 'RACING' })),
    )
    const statuses = answers.map((r) => r.status).sort()
    expect(statuses).toEqual([201, 409, 409, 409, 409])
  })

  it('is recorded in the audit log', async () => {
    const admin = await signup(t.app)
    const location = await created(admin)
    const entry = await t.ctx.db
      .selectFrom('audit_log')
      .where('company_id', '=', admin.companyId)
      .where('entity_id', '=', location.id)
      .select(['action', 'entity_type', 'actor_user_id'])
      .executeTakeFirst()
    expect(entry).toEqual({ action: 'create', entity_type: 'office_location', actor_user_id: admin.userId })
  })
})

describe('changing an office location', () => {
  it('changes only what is given and merges the address', async () => {
    const admin = await signup(t.app)
    const location = await created(admin, {
      address: { street: '1 Main St', city: 'Springfield', region: 'IL', postalCode: '62701' },
    })
    const renamed = await call(t.app, 'PATCH', `${url}/${location.id}`, {
      token: admin.token,
      body: { name: 'Springfield' },
    })
    expect(renamed.status).toBe(200)
    expect(renamed.body).toMatchObject({ name: 'Springfield', timezone: 'America/Chicago' })
    expect(renamed.body.address).toMatchObject({ street: '1 Main St', city: 'Springfield' })

    const moved = await call(t.app, 'PATCH', `${url}/${location.id}`, {
      token: admin.token,
      body: { address: { street: '9 Elm St', region: null }, timezone: 'America/New_York' },
    })
    expect(moved.status).toBe(200)
    expect(moved.body.address).toEqual({
      street: '9 Elm St',
      city: 'Springfield',
      region: null,
      postalCode: '62701',
      country: 'US',
    })
    expect(moved.body.timezone).toBe('America/New_York')
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .where('company_id', '=', admin.companyId)
      .where('entity_id', '=', location.id)
      .where('action', '=', 'update')
      .select('id')
      .execute()
    expect(audit).toHaveLength(2)
  })

  it('validates the time zone', async () => {
    const admin = await signup(t.app)
    const location = await created(admin)
    const bad = await call(t.app, 'PATCH', `${url}/${location.id}`, {
      token: admin.token,
      body: { timezone: 'Central Time' },
    })
    expect(bad.status).toBe(400)
    expect(paths(bad)).toEqual(['timezone'])
    const good = await call(t.app, 'PATCH', `${url}/${location.id}`, {
      token: admin.token,
      body: { timezone: 'America/Denver' },
    })
    expect(good.status).toBe(200)
  })

  it("refuses another location's name with 409, but allows a new case of its own", async () => {
    const admin = await signup(t.app)
    await created(admin, { name: 'East' })
    const west = await created(admin, { name: 'West' })
    const taken = await call(t.app, 'PATCH', `${url}/${west.id}`, {
      token: admin.token,
      body: { name: 'east' },
    })
    expect(taken.status).toBe(409)
    expect(paths(taken)).toEqual(['name'])
    const recased = await call(t.app, 'PATCH', `${url}/${west.id}`, {
      token: admin.token,
      body: { name: 'WEST' },
    })
    expect(recased.status).toBe(200)
    expect(recased.body.name).toBe('WEST')
  })
})

describe('who may see and change office locations', () => {
  it('lets every user read, and only manage_settings write (403 for a Lead rep and a Manager)', async () => {
    const admin = await signup(t.app)
    const location = await created(admin)
    for (const role of ['Lead rep', 'Manager']) {
      const user = await userWithRole(t.app, admin, role)
      expect((await call(t.app, 'GET', url, { token: user.token })).status).toBe(200)
      expect((await call(t.app, 'GET', `${url}/${location.id}`, { token: user.token })).status).toBe(200)
      const writes = [
        call(t.app, 'POST', url, { token: user.token, body: { name: 'Mine', timezone: 'America/Chicago' } }),
        call(t.app, 'PATCH', `${url}/${location.id}`, { token: user.token, body: { name: 'Mine' } }),
        call(t.app, 'DELETE', `${url}/${location.id}`, { token: user.token }),
      ]
      for (const res of await Promise.all(writes)) {
        expect(res.status, role).toBe(403)
        expect(isProblem(res)).toBe(true)
      }
    }
    expect((await call(t.app, 'GET', `${url}/${location.id}`, { token: admin.token })).body.name).toBe(
      location.name,
    )
  })

  it("answers 404 for another company's location on every route", async () => {
    const admin = await signup(t.app)
    const other = await signup(t.app)
    const theirs = await created(other)
    await created(other)
    const answers = [
      await call(t.app, 'GET', `${url}/${theirs.id}`, { token: admin.token }),
      await call(t.app, 'PATCH', `${url}/${theirs.id}`, { token: admin.token, body: { name: 'Mine now' } }),
      await call(t.app, 'DELETE', `${url}/${theirs.id}`, { token: admin.token }),
      await call(t.app, 'GET', `${url}/${randomUUID()}`, { token: admin.token }),
    ]
    for (const res of answers) {
      expect(res.status).toBe(404)
      expect(isProblem(res)).toBe(true)
    }
    expect((await call(t.app, 'GET', `${url}/${theirs.id}`, { token: other.token })).body.name).toBe(
      theirs.name,
    )
    const ours = await allLocations(admin)
    expect(ours.map((l) => l.id)).not.toContain(theirs.id)
  })

  it('answers 400 for an id that is not a UUID', async () => {
    const admin = await signup(t.app)
    const res = await call(t.app, 'GET', `${url}/not-a-uuid`, { token: admin.token })
    expect(res.status).toBe(400)
    expect(paths(res)).toEqual(['id'])
  })
})

describe('listing office locations', () => {
  it('pages by id with limit and cursor until nextCursor is null', async () => {
    const admin = await signup(t.app)
    for (let i = 0; i < 5; i++) await created(admin)
    const expected = (await allLocations(admin)).map((l) => l.id)
    expect(expected.length).toBeGreaterThanOrEqual(5)
    expect([...expected].sort()).toEqual(expected)
    const seen: string[] = []
    let next: string | null = `${url}?limit=2`
    while (next) {
      const res = await call(t.app, 'GET', next, { token: admin.token })
      expect(res.status).toBe(200)
      expect(res.body.items.length).toBeLessThanOrEqual(2)
      seen.push(...res.body.items.map((l: { id: string }) => l.id))
      next = res.body.nextCursor ? `${url}?limit=2&cursor=${encodeURIComponent(res.body.nextCursor)}` : null
    }
    expect(seen).toEqual(expected)
  })

  it('refuses a limit over 200 and a cursor it did not make', async () => {
    const admin = await signup(t.app)
    expect((await call(t.app, 'GET', `${url}?limit=201`, { token: admin.token })).status).toBe(400)
    const res = await call(t.app, 'GET', `${url}?cursor=garbage`, { token: admin.token })
    expect(res.status).toBe(400)
    expect(paths(res)).toEqual(['cursor'])
  })
})

describe('deleting an office location', () => {
  it('answers 204, and the location is gone', async () => {
    const admin = await signup(t.app)
    await created(admin)
    const location = await created(admin)
    expect((await call(t.app, 'DELETE', `${url}/${location.id}`, { token: admin.token })).status).toBe(204)
    expect((await call(t.app, 'GET', `${url}/${location.id}`, { token: admin.token })).status).toBe(404)
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .where('company_id', '=', admin.companyId)
      .where('entity_id', '=', location.id)
      .where('action', '=', 'delete')
      .select('changes')
      .executeTakeFirst()
    expect(audit?.changes).toEqual({ name: location.name })
  })

  it('is refused with 409 while a partner company sends its customers there; the message names it', async () => {
    const admin = await signup(t.app)
    await created(admin)
    const location = await created(admin)
    await partnerUsing(admin, location.id, 'Customer Seller Co')
    const res = await call(t.app, 'DELETE', `${url}/${location.id}`, { token: admin.token })
    expect(res.status).toBe(409)
    expect(isProblem(res)).toBe(true)
    expect(res.body.detail).toContain('Customer Seller Co')
    expect((await call(t.app, 'GET', `${url}/${location.id}`, { token: admin.token })).status).toBe(200)

    await t.ctx.db
      .updateTable('partner_companies')
      .set({ sc_default_office_location_id: null })
      .where('company_id', '=', admin.companyId)
      .execute()
    expect((await call(t.app, 'DELETE', `${url}/${location.id}`, { token: admin.token })).status).toBe(204)
  })

  it("refuses to delete the company's last office location with 409", async () => {
    const admin = await signup(t.app)
    await created(admin)
    await created(admin)
    const [last, ...others] = await allLocations(admin)
    for (const location of others) {
      expect((await call(t.app, 'DELETE', `${url}/${location.id}`, { token: admin.token })).status).toBe(204)
    }
    const res = await call(t.app, 'DELETE', `${url}/${last?.id}`, { token: admin.token })
    expect(res.status).toBe(409)
    expect(res.body.detail).toMatch(/last office location/)
    expect(await allLocations(admin)).toHaveLength(1)
  })

  it('never removes the last one, even when the last two are deleted at once', async () => {
    const admin = await signup(t.app)
    await created(admin)
    await created(admin)
    const [first, second, ...others] = await allLocations(admin)
    for (const location of others)
      await call(t.app, 'DELETE', `${url}/${location.id}`, { token: admin.token })
    const answers = await Promise.all(
      [first, second].map((l) => call(t.app, 'DELETE', `${url}/${l?.id}`, { token: admin.token })),
    )
    expect(answers.map((r) => r.status).sort()).toEqual([204, 409])
    expect(await allLocations(admin)).toHaveLength(1)
  })

  it('is in the OpenAPI document with every route', async () => {
    const doc = (await call(t.app, 'GET', '/api/v1/openapi.json')).body
    expect(Object.keys(doc.paths[url])).toEqual(['get', 'post'])
    expect(Object.keys(doc.paths[`${url}/{id}`])).toEqual(['get', 'patch', 'delete'])
    expect(doc.paths[url].get.tags).toEqual(['Office locations'])
  })
})

describe('for other domains', () => {
  it('addOfficeLocation adds one inside a transaction; officeLocationExists sees only the own company', async () => {
    const admin = await signup(t.app)
    const other = await signup(t.app)
    const location = await t.ctx.db.transaction().execute((tx) =>
      addOfficeLocation(tx, admin.companyId, {
        name: 'Head Office',
        address: {},
        timezone: 'America/Chicago',
      }),
    )
    expect(location).toMatchObject({ name: 'Head Office', address: { country: 'US' } })
    expect(await officeLocationExists(t.ctx.db, admin.companyId, location.id)).toBe(true)
    expect(await officeLocationExists(t.ctx.db, other.companyId, location.id)).toBe(false)
    expect(await officeLocationExists(t.ctx.db, admin.companyId, randomUUID())).toBe(false)
    await expect(
      addOfficeLocation(t.ctx.db, admin.companyId, { name: 'head office', address: {}, timezone: 'UTC' }),
    ).rejects.toMatchObject({ code: 'conflict' })
  })
})
