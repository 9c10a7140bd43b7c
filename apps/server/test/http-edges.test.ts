import { mkdtempSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { call } from './helpers/client.ts'

// What Fastify and Node answer before any route runs (bad URLs, broken HTTP) is problem+json
// too, and every answer tells browsers not to sniff content types.
const webDist = mkdtempSync(path.join(tmpdir(), 'tributary-web-'))
writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Tributary</title>')
writeFileSync(path.join(webDist, 'app.js'), 'console.log(1)')

let t: TestApp
let base: string
beforeAll(async () => {
  t = await startTestApp({ WEB_DIST: webDist })
  base = await t.app.listen({ port: 0, host: '127.0.0.1' })
})
afterAll(() => t.close())

/** Raw bytes to the server; every HTTP answer that comes back on the connection, head and body. */
function raw(bytes: string): Promise<string> {
  const { port } = new URL(base)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(bytes))
    let received = ''
    socket.on('data', (chunk) => {
      received += chunk
    })
    socket.on('close', () => resolve(received))
    socket.on('error', reject)
  })
}

const statusAndType = (answer: string) =>
  [...answer.matchAll(/HTTP\/1\.1 (\d{3})[^\r]*\r\n([\s\S]*?)\r\n\r\n/g)].map(([, status, head]) => ({
    status: Number(status),
    type: /content-type: ([^\r\n]+)/i.exec(head ?? '')?.[1],
    nosniff: /x-content-type-options: nosniff/i.test(head ?? ''),
  }))

describe('errors raised before any route', () => {
  it('a path that is not valid percent-encoding → 400 problem+json', async () => {
    const res = await call(t.app, 'GET', '/api/v1/leads/%ED%A0%80')
    expect(res.status).toBe(400)
    expect(res.contentType).toMatch(/^application\/problem\+json/)
    expect(res.body.status).toBe(400)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it('a path parameter longer than the router takes → 414 problem+json', async () => {
    const res = await call(t.app, 'GET', `/api/v1/leads/${'a'.repeat(500)}`)
    expect(res.status).toBe(414)
    expect(res.contentType).toMatch(/^application\/problem\+json/)
    expect(res.body.status).toBe(414)
  })

  it('a body longer than its Content-Length, and HTTP that does not parse → 400 problem+json', async () => {
    const body = JSON.stringify({ company: 'x', login: 'y', password: 'z'.repeat(20) })
    const answers = statusAndType(
      await raw(
        `POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n${body}`,
      ),
    )
    expect(answers.length).toBeGreaterThan(0)
    for (const answer of answers) {
      expect(answer.status).toBe(400)
      expect(answer.type).toMatch(/^application\/problem\+json/)
      expect(answer.nosniff).toBe(true)
    }
    const garbage = statusAndType(await raw('NOT HTTP AT ALL\r\n\r\n'))
    expect(garbage).toEqual([
      { status: 400, type: expect.stringMatching(/^application\/problem\+json/), nosniff: true },
    ])
  })
})

describe('X-Content-Type-Options and the page CSP', () => {
  it('every answer says nosniff: JSON, problem, the page and its files', async () => {
    for (const url of [
      '/healthz',
      '/api/v1/me',
      '/api/v1/nothing',
      '/',
      '/leads',
      '/index.html',
      '/app.js',
    ]) {
      const res = await t.app.inject({ method: 'GET', url })
      expect(res.headers['x-content-type-options'], url).toBe('nosniff')
    }
  })

  it('the page carries its CSP however it is asked for', async () => {
    for (const url of ['/', '/leads', '/index.html']) {
      const res = await t.app.inject({ method: 'GET', url })
      expect(res.statusCode, url).toBe(200)
      expect(res.headers['content-security-policy'], url).toMatch(/default-src 'self'/)
    }
  })
})
