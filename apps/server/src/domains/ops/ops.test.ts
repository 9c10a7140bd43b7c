import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, isProblem, signup } from '../../../test/helpers/client.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('operations', () => {
  it('healthz answers while the process is up', async () => {
    expect((await call(t.app, 'GET', '/healthz')).body).toEqual({ status: 'ok' })
  })

  it('readyz answers once the database is reachable and migrated', async () => {
    const res = await call(t.app, 'GET', '/readyz')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ status: 'ready' })
  })

  it('metrics are Prometheus text with request durations by route', async () => {
    await call(t.app, 'GET', '/healthz')
    const res = await call(t.app, 'GET', '/metrics')
    expect(res.status).toBe(200)
    expect(res.contentType).toContain('text/plain')
    expect(res.body).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/,
    )
    expect(res.body).toContain('process_cpu_seconds_total')
  })

  it('every response carries a request id, and a sane incoming one is kept', async () => {
    const fresh = await call(t.app, 'GET', '/healthz')
    expect(String(fresh.headers['x-request-id'])).toMatch(/^[0-9a-f-]{36}$/)
    const kept = await call(t.app, 'GET', '/healthz', { headers: { 'x-request-id': 'lb-1234' } })
    expect(kept.headers['x-request-id']).toBe('lb-1234')
    const odd = await call(t.app, 'GET', '/healthz', { headers: { 'x-request-id': 'bad id\twith spaces' } })
    expect(odd.headers['x-request-id']).not.toBe('bad id\twith spaces')
  })

  it('an unknown API route is a 404 problem', async () => {
    const admin = await signup(t.app)
    const res = await call(t.app, 'GET', '/api/v1/nothing-here', { token: admin.token })
    expect(res.status).toBe(404)
    expect(isProblem(res)).toBe(true)
  })
})

describe('OpenAPI', () => {
  it('describes every API route, with the permission names', async () => {
    const doc = (await call(t.app, 'GET', '/api/v1/openapi.json')).body
    expect(doc.openapi).toBe('3.1.0')
    const routes = t.app.printRoutes({ commonPrefix: false })
    for (const path of [
      '/api/v1/users',
      '/api/v1/users/{id}',
      '/api/v1/roles',
      '/api/v1/api-keys',
      '/api/v1/auth/login',
      '/api/v1/me',
    ]) {
      expect(doc.paths[path], path).toBeDefined()
    }
    expect(routes).toContain('/api/v1/signup')
    expect(JSON.stringify(doc)).toContain('view_pending_leads')
  })

  it('is browsable at /docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs/' })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('swagger')
  })
})

describe('readiness when the database is gone', () => {
  it('readyz answers 503 problem+json with Retry-After, while healthz still answers', async () => {
    const lost = await startTestApp()
    await lost.ctx.jobs.stop()
    await lost.ctx.database.close()
    try {
      const ready = await call(lost.app, 'GET', '/readyz')
      expect(ready.status).toBe(503)
      expect(isProblem(ready)).toBe(true)
      expect(Number(ready.headers['retry-after'])).toBeGreaterThan(0)
      expect((await call(lost.app, 'GET', '/healthz')).status).toBe(200)
    } finally {
      await lost.close()
    }
  })
})
