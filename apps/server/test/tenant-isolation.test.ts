import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queueMail } from '../src/domains/mail/mail.service.ts'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { type Call, call, isProblem, type Session, signup } from './helpers/client.ts'
import { openApiSchemas, type Schema } from './helpers/openapi.ts'

/**
 * QUALITY.md: "for every route with an id: another company's id → 404, walked from the route
 * table, not a hand-picked list". Company B calls every id route with company A's real ids.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
type Operation = { requestBody?: { content?: Record<string, { schema?: Schema }> } }
type OpenApi = {
  paths: Record<string, Record<string, Operation>>
  components?: { schemas?: Record<string, Schema> }
}

/** Creates something as `session` and answers its id; anything but 201 stops the walk with the reason. */
async function created(session: Session, url: string, body: unknown): Promise<string> {
  const res = await call(t.app, 'POST', url, { token: session.token, body })
  if (res.status !== 201) throw new Error(`fixture POST ${url}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.id
}

const unique = (what: string) => `${what} ${randomUUID().slice(0, 8)}`

/**
 * One real resource of company A for each kind of path parameter, keyed by
 * `<collection>/{param}`. A new route with an id needs its entry here: the walk fails until then.
 * Only the kinds the route table has are made.
 */
const fixtures: Record<string, (a: Session) => Promise<string>> = {
  'users/{id}': (a) =>
    created(a, '/api/v1/users', {
      name: 'A user',
      email: `a-user-${randomUUID()}@example.test`,
      password: 'a fine password',
    }),
  'roles/{id}': (a) => created(a, '/api/v1/roles', { name: unique('A role'), permissions: ['view_leads'] }),
  'api-keys/{id}': (a) => created(a, '/api/v1/api-keys', { name: 'A key' }),
  'partner-companies/{id}': (a) => created(a, '/api/v1/partner-companies', { name: unique('A partner') }),
  'tags/{id}': (a) => created(a, '/api/v1/tags', { name: unique('A tag') }),
  'tags/{tagId}': (a) => created(a, '/api/v1/tags', { name: unique('A tag') }),
  'office-locations/{id}': (a) =>
    created(a, '/api/v1/office-locations', { name: unique('A office'), timezone: 'America/Chicago' }),
  'message-campaigns/{id}': (a) =>
    created(a, '/api/v1/message-campaigns', { name: unique('A mail'), subject: 'Hello', body: 'Hello' }),
  'campaigns/{id}': async (a) => {
    const partner = await created(a, '/api/v1/partner-companies', { name: unique('A partner') })
    return created(a, `/api/v1/partner-companies/${partner}/campaigns`, {
      name: unique('A campaign'),
      direction: 'inbound',
    })
  },
  'leads/{id}': async (a) => {
    const source = await created(a, '/api/v1/partner-companies', {
      name: unique('A source'),
      sellsLeads: { enabled: true, defaultLeadLocation: 'queue' },
    })
    return created(a, '/api/v1/leads', {
      partnerCompanyId: source,
      firstName: 'Ann',
      phone: '+1 602 555 0199',
    })
  },
  'customers/{id}': (a) => created(a, '/api/v1/customers', { firstName: 'Carl', email: 'carl@example.test' }),
  'imports/{id}': async (a) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/leads/import',
      headers: { authorization: `Bearer ${a.token}`, 'content-type': 'text/csv' },
      payload: 'firstName,phone\nIda,+16025550111\n',
    })
    const id = res.json().id
    // Wait for the job, so the import no longer changes while the walk compares it.
    for (let i = 0; i < 100; i++) {
      const state = (await call(t.app, 'GET', `/api/v1/imports/${id}`, { token: a.token })).body.state
      if (state === 'done' || state === 'failed') break
      await new Promise((r) => setTimeout(r, 100))
    }
    return id
  },
  // A sale by email: a delivery that needs no second server.
  'deliveries/{id}': async (a) => {
    const source = await created(a, '/api/v1/partner-companies', {
      name: unique('A source'),
      sellsLeads: { enabled: true, defaultLeadLocation: 'queue' },
    })
    const lead = await created(a, '/api/v1/leads', {
      partnerCompanyId: source,
      firstName: 'Sal',
      phone: '+1 602 555 0198',
    })
    const buyer = await created(a, '/api/v1/partner-companies', {
      name: unique('A buyer'),
      buysLeads: { enabled: true, deliveryMethod: 'email', saleNotificationEmails: ['buyer@example.test'] },
    })
    const sale = await call(t.app, 'POST', '/api/v1/leads/sell', {
      token: a.token,
      body: { leadIds: [lead], partnerCompanyId: buyer },
    })
    return sale.body.deliveries[0].id
  },
  'sales-reps/{id}': (a) =>
    created(a, '/api/v1/sales-reps', { name: 'A rep', email: `rep-${randomUUID()}@example.test` }),
  'ignored-companies/{id}': (a) => created(a, '/api/v1/ignored-companies', { name: unique('A company') }),
  'return-reasons/{id}': (a) => created(a, '/api/v1/return-reasons', { name: unique('A reason') }),
  // Mail has no route that writes it: it is what other changes cause.
  'mail/{id}': async (a) => {
    const [id] = await t.ctx.db
      .transaction()
      .execute((tx) =>
        queueMail(tx, t.ctx, a.companyId, [{ to: ['a@example.test'], subject: 'A', text: 'a' }]),
      )
    return id as string
  },
}

let t: TestApp
let doc: OpenApi
let a: Session
let b: Session
const idsOfA: Record<string, string> = {}

beforeAll(async () => {
  t = await startTestApp()
  doc = (await call(t.app, 'GET', '/api/v1/openapi.json')).body
  a = await signup(t.app)
  b = await signup(t.app)
  const inRouteTable = new Set(Object.keys(doc.paths).flatMap(idParams))
  for (const [key, make] of Object.entries(fixtures)) {
    if (inRouteTable.has(key)) idsOfA[key] = await make(a)
  }
})
afterAll(() => t.close())

/** Every path parameter naming a resource id, as `<collection>/{param}`. */
const idParams = (path: string) =>
  [...path.matchAll(/([^/]+)\/\{(id|\w+Id)\}/g)].map((m) => `${m[1]}/{${m[2]}}`)

const routesWithIds = () =>
  Object.entries(doc.paths)
    .filter(([path]) => idParams(path).length > 0)
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase() as Method, op })),
    )

const fill = (path: string, ids: Record<string, string>) =>
  path.replace(/([^/]+)\/\{(id|\w+Id)\}/g, (_m, collection, param) => {
    const id = ids[`${collection}/{${param}}`]
    if (!id) throw new Error(`no fixture for ${collection}/{${param}}`)
    return `${collection}/${id}`
  })

const { exampleOf } = openApiSchemas(() => doc.components?.schemas ?? {})

/**
 * Bodies to try, richest first: every field (a leaking write would change A's resource), only the
 * required ones, then nothing. A 400 means the body did not pass, not that the id was looked up.
 */
function bodiesFor(op: Operation): unknown[] {
  const schema = op.requestBody?.content?.['application/json']?.schema
  if (!schema) return [undefined]
  const bodies = [exampleOf(schema), exampleOf(schema, true), {}]
  return bodies.filter((body, i) => bodies.findIndex((x) => JSON.stringify(x) === JSON.stringify(body)) === i)
}

/** What company A sees of its resource: its own detail route if there is one, else its list entry. */
async function snapshotOfA(key: string): Promise<unknown> {
  const collection = `/api/v1/${key.split('/')[0]}`
  const id = idsOfA[key] as string
  if (doc.paths[`${collection}/{id}`]?.get) {
    const res = await call(t.app, 'GET', `${collection}/${id}`, { token: a.token })
    expect(res.status, `A reads ${collection}/${id}`).toBe(200)
    return res.body
  }
  const res = await call(t.app, 'GET', `${collection}?limit=200`, { token: a.token })
  const entry = res.body.items.find((item: { id: string }) => item.id === id)
  expect(entry, `A lists ${key}`).toBeDefined()
  return entry
}

describe('tenant isolation', () => {
  it('knows a resource of company A for every id in the route table', () => {
    const params = new Set(Object.keys(doc.paths).flatMap(idParams))
    const unknown = [...params].filter((p) => !(p in fixtures))
    expect(unknown, 'add these to `fixtures` in tenant-isolation.test.ts').toEqual([])
    expect(params.size).toBeGreaterThan(0)
  })

  it("answers 404 problem+json to every route called with another company's id", async () => {
    const routes = routesWithIds().filter(({ path }) => idParams(path).every((p) => p in idsOfA))
    expect(routes.length).toBeGreaterThanOrEqual(6)
    const before = Object.fromEntries(
      await Promise.all(Object.keys(idsOfA).map(async (k) => [k, await snapshotOfA(k)] as const)),
    )
    const wrong: string[] = []
    // Deleting routes last, so a leaking DELETE cannot hide a leaking GET or PATCH.
    const order = (m: Method) => (m === 'DELETE' ? 1 : 0)
    for (const { path, method, op } of routes.sort((x, y) => order(x.method) - order(y.method))) {
      let res: Call | undefined
      for (const body of bodiesFor(op)) {
        res = await call(t.app, method, fill(path, idsOfA), { token: b.token, body })
        if (res.status !== 400) break
      }
      if (res?.status !== 404 || !isProblem(res)) wrong.push(`${method} ${path} → ${res?.status}`)
    }
    expect(wrong).toEqual([])
    for (const key of Object.keys(idsOfA)) {
      expect(await snapshotOfA(key), `${key} of A is unchanged`).toEqual(before[key])
    }
  })

  it('answers the same routes normally for the owning company', async () => {
    const reads = routesWithIds().filter(
      ({ path, method }) => method === 'GET' && idParams(path).every((p) => p in idsOfA),
    )
    for (const { path } of reads) {
      const res = await call(t.app, 'GET', fill(path, idsOfA), { token: a.token })
      expect(res.status, `GET ${path} as A`).toBe(200)
    }
  })

  it("never shows company A's ids in company B's lists", async () => {
    const lists = Object.entries(doc.paths).filter(
      ([path, ops]) => path.startsWith('/api/v1/') && !path.includes('{') && ops.get,
    )
    expect(lists.length).toBeGreaterThan(0)
    const secrets = [a.companyId, a.userId, ...Object.values(idsOfA)]
    for (const [path] of lists) {
      const res = await call(t.app, 'GET', path, { token: b.token })
      expect(res.status, path).toBeLessThan(500)
      for (const id of secrets) expect(JSON.stringify(res.body), `${path} shows ${id}`).not.toContain(id)
    }
  })
})
