import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { signup } from '../../../test/helpers/client.ts'

// Guesses sent in parallel must not outrun the throttle: every attempt is counted before its
// password is checked, so no more than the limit are ever checked.
let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const attempt = (remoteAddress: string, company: string, login: string, password: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress,
    payload: { company, login, password },
  })

const tally = (statuses: number[]) => ({
  checked: statuses.filter((s) => s === 401 || s === 200).length,
  throttled: statuses.filter((s) => s === 429).length,
})

describe('the login throttle under parallel guesses', () => {
  it('checks at most 5 of 100 parallel wrong passwords for one account', async () => {
    const admin = await signup(t.app)
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => attempt(`203.0.113.${i}`, admin.slug, admin.email, `wrong ${i}`)),
    )
    expect(tally(answers.map((a) => a.statusCode))).toEqual({ checked: 5, throttled: 95 })
    const throttled = answers.find((a) => a.statusCode === 429)
    expect(Number(throttled?.headers['retry-after'])).toBeGreaterThan(0)
    expect(throttled?.headers['content-type']).toMatch(/^application\/problem\+json/)
  })

  it('does not let the right password in once the limit is hit', async () => {
    const admin = await signup(t.app)
    // Five wrong guesses take the account's five checks; the right one comes in among the rest.
    const passwords = Array.from({ length: 60 }, (_, i) => (i === 30 ? admin.password : `wrong ${i}`))
    const answers = await Promise.all(
      passwords.map(async (password, i) => {
        if (i >= 5) await new Promise((r) => setImmediate(r))
        return attempt(`198.18.0.${i}`, admin.slug, admin.email, password)
      }),
    )
    expect(answers[30]?.statusCode).toBe(429)
    expect(answers.some((a) => a.statusCode === 200)).toBe(false)
    expect(tally(answers.map((a) => a.statusCode)).checked).toBeLessThanOrEqual(5)
  })

  it('checks at most 50 of 100 parallel guesses from one address, whatever the accounts', async () => {
    const admin = await signup(t.app)
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        attempt('192.0.2.77', admin.slug, `nobody${i}@example.test`, 'wrong'),
      ),
    )
    expect(tally(answers.map((a) => a.statusCode))).toEqual({ checked: 50, throttled: 50 })
  })

  it('does not count a successful login against its address', async () => {
    const admin = await signup(t.app)
    for (let i = 0; i < 60; i++) {
      const ok = await attempt('192.0.2.200', admin.slug, admin.email, admin.password)
      expect(ok.statusCode).toBe(200)
    }
  })
})
