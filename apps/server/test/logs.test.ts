import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { call, signup } from './helpers/client.ts'

/**
 * README: "Logs are JSON lines (pino) with a `requestId` on every request line and no personal
 * data." Everything below is done once, then every captured line is checked.
 */

let t: TestApp
const emails: string[] = []
const passwords: string[] = []
const names: string[] = []
const tokens: string[] = []
const answeredRequestIds: string[] = []

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/

beforeAll(async () => {
  t = await startTestApp()
  const admin = await signup(t.app, 'Logs Test Company')
  emails.push(admin.email)
  passwords.push(admin.password)
  tokens.push(admin.token)

  const login = (login: string, password: string) =>
    call(t.app, 'POST', '/api/v1/auth/login', { body: { company: admin.slug, login, password } })
  const ok = await login(admin.email, admin.password)
  tokens.push(ok.body.token, ok.body.csrfToken)
  await login(admin.email, 'Wrong Password Guess 1')
  await login('stranger.danger@example.test', 'Wrong Password Guess 2')
  passwords.push('Wrong Password Guess 1', 'Wrong Password Guess 2')
  emails.push('stranger.danger@example.test')

  for (const [name, email, password] of [
    ['Zebediah Quuxworth', 'zebediah.quuxworth@example.test', 'Zebediah Secret 1'],
    ['Philippa Vantablack', 'philippa.v@example.test', 'Philippa Secret 2'],
  ] as const) {
    const created = await call(t.app, 'POST', '/api/v1/users', {
      token: admin.token,
      body: { name, email, password },
    })
    names.push(name)
    emails.push(email)
    passwords.push(password)
    answeredRequestIds.push(String(created.headers['x-request-id']))
    const session = await login(email, password)
    tokens.push(session.body.token)
    await call(t.app, 'PATCH', `/api/v1/users/${created.body.id}`, {
      token: admin.token,
      body: { name: `${name} Renamed`, email: `renamed.${email}`, password: `${password} New` },
    })
    names.push(`${name} Renamed`)
    emails.push(`renamed.${email}`)
    passwords.push(`${password} New`)
  }
  // A refused body still carries data worth hiding.
  await call(t.app, 'POST', '/api/v1/users', {
    token: admin.token,
    body: { name: 'Invalid Ignatius', email: 'ignatius@example.test', password: 'short' },
  })
  names.push('Invalid Ignatius')
  emails.push('ignatius@example.test')
  const key = await call(t.app, 'POST', '/api/v1/api-keys', { token: admin.token, body: { name: 'Log key' } })
  tokens.push(key.body.key)
  await call(t.app, 'GET', '/api/v1/me', { token: key.body.key })
  await call(t.app, 'GET', '/api/v1/users?cursor=abc&limit=5', { token: admin.token })
  await call(t.app, 'POST', '/api/v1/auth/logout', { token: admin.token })
})
afterAll(() => t.close())

type Line = Record<string, unknown>
const lines = (): Line[] => t.logLines.flatMap((l) => l.split('\n').filter(Boolean)).map((l) => JSON.parse(l))
const text = () => t.logLines.join('')

describe('log lines', () => {
  it('are written at all, as JSON', () => {
    expect(lines().length).toBeGreaterThan(20)
  })

  it('contain no email address', () => {
    for (const email of emails) expect(text()).not.toContain(email)
    expect(text()).not.toMatch(EMAIL)
  })

  it('contain no password', () => {
    for (const password of passwords) expect(text()).not.toContain(password)
    expect(text()).not.toContain('$argon2')
  })

  it('contain no token, API key or CSRF token', () => {
    expect(tokens.length).toBeGreaterThanOrEqual(5)
    for (const token of tokens) expect(text()).not.toContain(token)
    expect(text()).not.toMatch(/tr[sk]_[A-Za-z0-9_-]{20,}/)
  })

  it('contain no user name given in a body', () => {
    for (const name of names) expect(text()).not.toContain(name)
  })

  it('carry a requestId on every request line', () => {
    const requestLines = lines().filter((l) => 'req' in l || 'res' in l || 'reqId' in l || 'requestId' in l)
    expect(requestLines.length).toBeGreaterThan(20)
    for (const line of requestLines) expect(typeof line.requestId, JSON.stringify(line)).toBe('string')
  })

  it('carry the request id that the answer gave in x-request-id', () => {
    for (const id of answeredRequestIds) {
      expect(lines().filter((l) => l.requestId === id).length, id).toBeGreaterThanOrEqual(2)
    }
  })
})

describe('an unexpected database error', () => {
  it('is logged without the values of the failed query', async () => {
    const admin = await signup(t.app, 'Logs Fault Company')
    // A constraint the service does not know about makes the insert fail the way an outage would not.
    await sql`alter table users add constraint logs_test_refuse check (name <> 'Refused Rowena')`.execute(
      t.ctx.db,
    )
    const res = await call(t.app, 'POST', '/api/v1/users', {
      token: admin.token,
      body: { name: 'Refused Rowena', email: 'rowena.refused@example.test', password: 'Rowena Secret 3' },
    })
    expect(res.status).toBe(500)
    const errorLines = t.logLines.filter((l) => JSON.parse(l).level >= 50)
    expect(errorLines.length).toBeGreaterThan(0)
    for (const secret of ['Refused Rowena', 'rowena.refused@example.test', 'Rowena Secret 3', '$argon2']) {
      expect(errorLines.join(''), secret).not.toContain(secret)
    }
  })
})
