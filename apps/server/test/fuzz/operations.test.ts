import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app.ts'
import { call, isProblem, signup } from '../helpers/client.ts'
import { createLead } from '../helpers/leads.ts'
import { apiRoutes, type Route, type Schema } from '../helpers/openapi.ts'
import { createPartner } from '../helpers/partners.ts'
import { anyJson, encoded, hostileString, rawSegments, schemaArbitraries } from './arbitraries.ts'

/**
 * QUALITY.md "Bad input never breaks it": every operation of the served OpenAPI document gets
 * generated hostile path parameters, queries and bodies; no answer is a 5xx, and every error is
 * problem+json. A fixed seed and a few runs per operation here; `npm run fuzz` runs longer with
 * a random seed (FUZZ_RUNS, FUZZ_SEED).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40)
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() : Number(process.env.FUZZ_SEED ?? 20_261_207)

let t: TestApp
let routes: Route[] = []
let schemas: Record<string, Schema> = {}
/** Ids that exist in the fuzzing company, so some requests reach real records. */
const knownIds: string[] = []

beforeAll(async () => {
  t = await startTestApp()
  ;({ routes, schemas } = await apiRoutes(t.app))
})
afterAll(() => t.close())

/** A fresh company with some records, and their ids. */
async function freshCompany() {
  const admin = await signup(t.app)
  const partner = await createPartner(t.app, admin)
  await createLead(t.app, admin, partner.id)
  knownIds.length = 0
  for (const route of routes.filter((r) => r.method === 'GET' && !r.path.includes('{'))) {
    const res = await call(t.app, 'GET', route.path, { token: admin.token })
    for (const item of res.body?.items ?? []) if (typeof item?.id === 'string') knownIds.push(item.id)
  }
  knownIds.push(admin.companyId, admin.userId)
  return admin
}

function requestArbitrary(route: Route) {
  const { arbitraryOf } = schemaArbitraries(() => schemas)
  const params = route.op.parameters ?? []
  const pathValue = fc.oneof(
    { arbitrary: fc.constantFrom(...knownIds).map(encoded), weight: 3 },
    { arbitrary: fc.uuid().map(encoded), weight: 1 },
    { arbitrary: hostileString.map(encoded), weight: 1 },
    { arbitrary: rawSegments, weight: 1 },
  )
  const path = fc.record(
    Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, pathValue])),
  )
  const query = fc.record(
    Object.fromEntries(
      params.filter((p) => p.in === 'query').map((p) => [p.name, arbitraryOf(p.schema ?? {}).map(encoded)]),
    ),
    { requiredKeys: [] },
  )
  const content = route.op.requestBody?.content ?? {}
  const jsonSchema = content['application/json']?.schema
  const body = jsonSchema
    ? fc.oneof({ arbitrary: arbitraryOf(jsonSchema), weight: 4 }, { arbitrary: anyJson, weight: 1 })
    : fc.constant(undefined)
  const csv = content['text/csv'] ? fc.string({ unit: 'binary', maxLength: 200 }) : fc.constant(undefined)
  return fc.record({ path, query, body, csv })
}

it('answers generated hostile requests to every operation without a 5xx, every error as problem+json', async () => {
  expect(routes.length).toBeGreaterThan(50)
  let token = (await freshCompany()).token
  let sent = 0
  const failures: string[] = []
  const statuses = new Map<number, number>()
  for (const route of routes) {
    const details = await fc.check(
      fc.asyncProperty(requestArbitrary(route), async (req) => {
        const url =
          route.path.replace(/\{(\w+)\}/g, (_m, name: string) => req.path[name] as string) +
          (Object.keys(req.query).length
            ? `?${Object.entries(req.query)
                .map(([k, v]) => `${k}=${v}`)
                .join('&')}`
            : '')
        const res =
          req.csv !== undefined
            ? await call(t.app, route.method, url, {
                token,
                rawBody: req.csv,
                headers: { 'content-type': 'text/csv' },
              })
            : await call(t.app, route.method, url, {
                token,
                ...(req.body !== undefined && { body: req.body }),
              })
        sent++
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
        return res.status < 500 && (res.status < 400 || isProblem(res))
      }),
      { numRuns: RUNS, seed: SEED },
    )
    if (details.failed) {
      failures.push(`${route.method} ${route.path} (seed ${SEED}): ${JSON.stringify(details.counterexample)}`)
    }
    // An operation may have logged the session out or disabled its user: start the next afresh.
    if ((await call(t.app, 'GET', '/api/v1/me', { token })).status !== 200)
      token = (await freshCompany()).token
  }
  const fiveHundreds = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0)
  console.info(
    `fuzz: ${routes.length} operations, ${sent} requests, seed ${SEED}, 5xx ${fiveHundreds}`,
    Object.fromEntries(statuses),
  )
  expect(failures).toEqual([])
}, 600_000)
