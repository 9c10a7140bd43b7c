import { afterAll, beforeAll, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, isProblem, signup } from '../../../test/helpers/client.ts'

// Templates are written by users and rendered on the shared event loop: a template that would
// loop for long is refused quickly, and other requests are not held up meanwhile.
let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const nestedLoops =
  '{% for a in (1..3000) %}{% for b in (1..3000) %}{{ lead.firstName }}{% endfor %}{% endfor %}'
const doubling =
  '{% assign s = "xxxxxxxxxxxxxxxx" %}{% for a in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}'

it('refuses templates that would render for long or grow without end, naming the field', async () => {
  const admin = await signup(t.app)
  const campaign = await call(t.app, 'POST', '/api/v1/message-campaigns', {
    token: admin.token,
    body: { name: 'Fine', subject: 'Hi {{ lead.firstName }}', body: 'Hello' },
  })
  expect(campaign.status).toBe(201)
  for (const body of [nestedLoops, doubling]) {
    const started = performance.now()
    const res = await call(t.app, 'POST', `/api/v1/message-campaigns/${campaign.body.id}/preview`, {
      token: admin.token,
      body: { body },
    })
    expect(performance.now() - started).toBeLessThan(250)
    expect(res.status).toBe(400)
    expect(isProblem(res)).toBe(true)
    expect(res.body.errors).toEqual([{ path: 'body', message: expect.stringMatching(/limit/) }])
  }
  const saved = await call(t.app, 'POST', '/api/v1/message-campaigns', {
    token: admin.token,
    body: { name: 'Hostile', subject: 'Hi', body: nestedLoops },
  })
  expect(saved.status).toBe(400)
})

it('keeps /healthz fast while ten hostile previews arrive at once', async () => {
  const admin = await signup(t.app)
  const campaign = await call(t.app, 'POST', '/api/v1/message-campaigns', {
    token: admin.token,
    body: { name: 'Fine', subject: 'Hi', body: 'Hello' },
  })
  const hostile = Array.from({ length: 10 }, () =>
    call(t.app, 'POST', `/api/v1/message-campaigns/${campaign.body.id}/preview`, {
      token: admin.token,
      body: { subject: nestedLoops, body: nestedLoops },
    }),
  )
  let done = false
  const all = Promise.all(hostile).finally(() => {
    done = true
  })
  // Probe over a real socket the whole time the previews are being answered.
  const base = await t.app.listen({ port: 0, host: '127.0.0.1' })
  const latencies: number[] = []
  while (!done) {
    const started = performance.now()
    expect((await fetch(`${base}/healthz`)).status).toBe(200)
    latencies.push(performance.now() - started)
  }
  const answers = await all
  expect(answers.map((a) => a.status)).toEqual(Array(10).fill(400))
  expect(Math.max(...latencies)).toBeLessThan(250)
})
