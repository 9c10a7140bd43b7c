import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { type Call, call, isProblem, type Session, signup } from './helpers/client.ts'
import { apiRoutes, openApiSchemas, type Route, type Schema } from './helpers/openapi.ts'

/**
 * API.md: "No request of any shape produces a 5xx". Every route is taken from the served
 * OpenAPI document, never from a hand-picked list, and called as a logged-in admin so that
 * validation, not authentication, answers.
 */

/** Routes anyone may call; every other /api/ route answers 401 without a login. */
// The exchange endpoint is public too: its posts are signed, not logged in.
const PUBLIC_ROUTES = new Set([
  'POST /api/v1/signup',
  'POST /api/v1/auth/login',
  'POST /api/v1/exchange/{companySlug}',
])
/** Random bodies in all, shared by the body routes (100 to 300 each) to keep the file quick. */
const PROPERTY_BUDGET = 4000

let t: TestApp
let admin: Session
let schemas: Record<string, Schema> = {}
let routes: Route[] = []

beforeAll(async () => {
  t = await startTestApp()
  ;({ routes, schemas } = await apiRoutes(t.app))
  admin = await signup(t.app)
})
afterAll(() => t.close())

const jsonSchemaOf = (route: Route): Schema | undefined =>
  route.op.requestBody?.content?.['application/json']?.schema
const bodyRoutes = () => routes.filter((r) => jsonSchemaOf(r) !== undefined)
const idRoutes = () => routes.filter((r) => /\{(id|\w+Id)\}/.test(r.path))
const label = (r: Route) => `${r.method} ${r.path}`

/** Path parameters filled with well-formed ids of nothing, so validation runs on the rest. */
const urlOf = (path: string) =>
  path.replace(/\{(\w+)\}/g, (_m, name: string) => (/^id$|Id$/.test(name) ? randomUUID() : 'no-such-thing'))

const send = (route: Route, options: { body?: unknown; rawBody?: string; token?: string | null }) =>
  call(t.app, route.method, urlOf(route.path), {
    token: options.token === null ? undefined : (options.token ?? admin.token),
    ...(options.body !== undefined && { body: options.body }),
    ...(options.rawBody !== undefined && {
      rawBody: options.rawBody,
      headers: { 'content-type': 'application/json' },
    }),
  })

const { resolve, exampleOf } = openApiSchemas(() => schemas)

/** The JSON types a schema allows; undefined when it allows anything. */
function allowedTypes(schema: Schema): Set<string> | undefined {
  const s = resolve(schema)
  const branches = s.anyOf ?? s.oneOf
  if (branches) {
    const sets = branches.map(allowedTypes)
    if (sets.some((x: Set<string> | undefined) => x === undefined)) return undefined
    return new Set(sets.flatMap((x: Set<string>) => [...x]))
  }
  if (s.allOf) return allowedTypes(s.allOf[0])
  const values = s.enum ?? ('const' in s ? [s.const] : undefined)
  if (values) return new Set(values.map(jsonType))
  if (s.type === undefined) return s.properties ? new Set(['object']) : undefined
  const types = new Set<string>(Array.isArray(s.type) ? s.type : [s.type])
  if (types.has('integer')) types.add('number')
  return types
}

const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)

const objectProperties = (schema: Schema): Record<string, Schema> => {
  const s = resolve(schema)
  const parts = [s, ...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])].map(resolve)
  return Object.assign({}, ...parts.map((p) => p.properties ?? {}))
}

/** Every property set to a value of a type its schema does not allow. */
function wrongTypes(schema: Schema): Record<string, unknown> {
  const candidates = [12345, 'wrong', true, ['wrong'], { wrong: true }, null]
  const body: Record<string, unknown> = {}
  for (const [name, prop] of Object.entries(objectProperties(schema))) {
    const allowed = allowedTypes(prop)
    const wrong = allowed && candidates.find((c) => !allowed.has(jsonType(c)))
    if (wrong !== undefined) body[name] = wrong
  }
  return body
}

/** Paths to every string inside a JSON value. */
function stringPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [at]
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      stringPaths(v, [...at, Array.isArray(value) ? Number(k) : k]),
    )
  }
  return []
}

function withValueAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement
  const [head, ...rest] = path as [string | number, ...(string | number)[]]
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >
  copy[head] = withValueAt(copy[head], rest, replacement)
  return copy
}

/** The shared rule: a client error, told as problem+json; never a server error. */
function expectClientError(res: Call, what: string, status?: number) {
  if (status !== undefined) expect(res.status, what).toBe(status)
  expect(res.status, what).toBeGreaterThanOrEqual(400)
  expect(res.status, what).toBeLessThan(500)
  expect(res.contentType, what).toMatch(/^application\/problem\+json/)
}

describe('every route with a JSON body', () => {
  it('has some routes to walk', () => {
    expect(bodyRoutes().length).toBeGreaterThanOrEqual(5)
  })

  it('answers invalid JSON text with 400', async () => {
    for (const route of bodyRoutes()) {
      expectClientError(await send(route, { rawBody: '{"name": "unfinished' }), label(route), 400)
    }
  })

  it('answers a JSON array with 400', async () => {
    for (const route of bodyRoutes()) {
      expectClientError(await send(route, { rawBody: '[{"name": "in an array"}]' }), label(route), 400)
    }
  })

  it('answers a JSON string with 400', async () => {
    for (const route of bodyRoutes()) {
      expectClientError(await send(route, { rawBody: '"just a string"' }), label(route), 400)
    }
  })

  it('answers {} with 400 naming each required field, and never a 5xx where nothing is required', async () => {
    for (const route of bodyRoutes()) {
      const res = await send(route, { body: {} })
      const required: string[] = resolve(jsonSchemaOf(route)).required ?? []
      if (required.length === 0) {
        expect(res.status, label(route)).toBeLessThan(500)
        if (res.status >= 400) expectClientError(res, label(route))
        continue
      }
      expectClientError(res, label(route), 400)
      const paths = res.body.errors.map((e: { path: string }) => e.path)
      for (const field of required) expect(paths, `${label(route)} names ${field}`).toContain(field)
    }
  })

  it('answers a body with every property of the wrong type with 400', async () => {
    for (const route of bodyRoutes()) {
      const body = wrongTypes(jsonSchemaOf(route))
      expect(Object.keys(body).length, `${label(route)} has typed properties`).toBeGreaterThan(0)
      expectClientError(await send(route, { body }), `${label(route)} ${JSON.stringify(body)}`, 400)
    }
  })

  it('answers a body over 1 MiB with 413 before reading it', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 1) })
    for (const route of bodyRoutes()) {
      expectClientError(await send(route, { rawBody: huge }), label(route), 413)
    }
  })

  it('never answers a 5xx to text containing a NUL character', async () => {
    const failures: string[] = []
    for (const route of bodyRoutes()) {
      for (const requiredOnly of [false, true]) {
        const example = () => exampleOf(jsonSchemaOf(route), requiredOnly)
        for (const at of stringPaths(example())) {
          const res = await send(route, { body: withValueAt(example(), at, 'nul \u0000 inside') })
          const what = `${label(route)} with NUL in ${at.join('.')} → ${res.status}`
          if (res.status >= 500 && !failures.includes(what)) failures.push(what)
        }
      }
    }
    expect(failures).toEqual([])
  })

  it('never answers a 5xx to random JSON, and every 4xx is problem+json (property)', async () => {
    // Any code point, with the ones that break naive code (NUL, lone surrogates, quotes) made common.
    const unit = fc.oneof(
      fc.constantFrom('\u0000', '\ud800', "'", '"', '\\', '%', '\r\n', '\u202e'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    )
    const anyJson = fc.jsonValue({ maxDepth: 3, stringUnit: unit })
    const runs = Math.max(100, Math.min(300, Math.floor(PROPERTY_BUDGET / bodyRoutes().length)))
    const failures: string[] = []
    for (const route of bodyRoutes()) {
      const schema = jsonSchemaOf(route)
      // Half the time a body with the route's own field names, each valid or random.
      const shaped = fc.record(
        Object.fromEntries(
          Object.entries(objectProperties(schema)).map(([name, prop]) => [
            name,
            fc.oneof(fc.constant(exampleOf(prop)), anyJson),
          ]),
        ),
        { requiredKeys: [] },
      )
      const details = await fc.check(
        fc.asyncProperty(fc.oneof(anyJson, shaped), async (body) => {
          const res = await send(route, { body })
          return res.status < 500 && (res.status < 400 || isProblem(res))
        }),
        { numRuns: runs },
      )
      if (details.failed) {
        failures.push(`${label(route)}: ${JSON.stringify(details.counterexample)} (seed ${details.seed})`)
      }
    }
    expect(failures).toEqual([])
  }, 60_000)
})

describe('every route with an id', () => {
  it('answers an id that is not a UUID with 400 or 404, never a 5xx', async () => {
    const bad = ['not-a-uuid', '1', "1' OR '1'='1", '..%2F..%2Fetc', `${randomUUID()}0`, '%00']
    expect(idRoutes().length).toBeGreaterThan(0)
    for (const route of idRoutes()) {
      for (const id of bad) {
        const url = route.path.replace(/\{\w+\}/g, id)
        const schema = jsonSchemaOf(route)
        const res = await call(t.app, route.method, url, {
          token: admin.token,
          ...(schema && { body: exampleOf(schema) }),
        })
        expectClientError(res, `${route.method} ${url}`)
        expect([400, 404], `${route.method} ${url}`).toContain(res.status)
      }
    }
  })
})

describe('every list', () => {
  const lists = () =>
    routes.filter((r) => r.method === 'GET' && r.op.parameters?.some((p) => p.name === 'cursor'))

  it('answers a cursor it did not make with 400', async () => {
    expect(lists().length).toBeGreaterThan(0)
    const encode = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url')
    const forged = [['not-a-uuid'], [42], [null], 'text', ['a', 'not-a-uuid'], [1, 2], ['a', 'b', 'c']].map(
      encode,
    )
    // Well-shaped keys with parts no column can hold (issue 11.6): refused, unless a list's key
    // is text, which any string may be.
    const id = randomUUID()
    const impossible = [
      [0, '1', id],
      ['2020-02-30', id],
      ['2020-02-30T00:00:00.000000Z', id],
      [0, '0000-01-01T00:00:00.000000Z', id],
      [2 ** 40, '2020-02-03T00:00:00.000000Z', id],
    ].map(encode)
    const failures: string[] = []
    for (const route of lists()) {
      for (const cursor of [...forged, ...impossible, '!!!', 'x'.repeat(500)]) {
        const url = `${urlOf(route.path)}?cursor=${encodeURIComponent(cursor)}`
        const res = await call(t.app, 'GET', url, { token: admin.token })
        const refused = res.status === 400 && isProblem(res)
        if (!refused && !(impossible.includes(cursor) && res.status === 200)) {
          failures.push(`GET ${url} → ${res.status}`)
        }
      }
    }
    expect(failures).toEqual([])
  })

  it('answers a limit outside 1..200 with 400', async () => {
    for (const route of lists()) {
      for (const limit of ['0', '-1', '201', 'abc', '1e400', '2.5']) {
        const res = await call(t.app, 'GET', `${urlOf(route.path)}?limit=${limit}`, { token: admin.token })
        expectClientError(res, `${label(route)}?limit=${limit}`, 400)
      }
    }
  })
})

describe('without a login', () => {
  it('every private route answers 401 problem+json, whatever the body', async () => {
    const privateRoutes = routes.filter((r) => !PUBLIC_ROUTES.has(label(r)))
    expect(privateRoutes.length).toBeGreaterThan(0)
    for (const route of privateRoutes) {
      const body = jsonSchemaOf(route) ? {} : undefined
      expectClientError(await send(route, { body, token: null }), label(route), 401)
    }
  })

  it('the public routes validate their body instead', async () => {
    for (const route of routes.filter((r) => PUBLIC_ROUTES.has(label(r)))) {
      expectClientError(await send(route, { body: {}, token: null }), label(route), 400)
    }
  })
})
