import { lookup } from 'node:dns/promises'
import { hostname } from 'node:os'
import { sql } from 'kysely'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, isProblem, signup } from '../../../test/helpers/client.ts'
import {
  type Company,
  connect,
  deliveryIn,
  forward,
  listeningCompany,
  type Recorded,
  startReceiver,
} from '../../../test/helpers/exchange.ts'
import { createLead } from '../../../test/helpers/leads.ts'
import { createPartner } from '../../../test/helpers/partners.ts'
import { eventually } from '../../../test/helpers/smtp.ts'

let seller: Company
let buyer: Company
let source: string
const secret = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`
beforeAll(async () => {
  ;[seller, buyer] = await Promise.all([listeningCompany({ EXCHANGE_MAX_ATTEMPTS: '5' }), listeningCompany()])
  source = (await createPartner(seller.t.app, seller.admin)).id
})
afterAll(async () => {
  await Promise.all([seller.t.close(), buyer.t.close()])
})

/** A buyer of the seller whose Post URL is `url` (a test receiver). */
const buyerAt = async (url: string) =>
  createPartner(seller.t.app, seller.admin, {
    name: `Receiver ${url}`,
    buysLeads: { enabled: true, deliveryMethod: 'exchange', postUrl: url, sourceId: 'src_test', secret },
  })

const sellOne = async (partnerCompanyId: string) => {
  const lead = await createLead(seller.t.app, seller.admin, source)
  const res = await call(seller.t.app, 'POST', '/api/v1/leads/sell', {
    token: seller.admin.token,
    body: { leadIds: [lead.id], partnerCompanyId },
  })
  expect(res.status).toBe(202)
  return { lead, deliveryId: res.body.deliveries[0].id as string }
}

const sales = (r: { requests: Recorded[] }) => r.requests.filter((q) => q.body.includes('"lead.sold"'))

describe('delivering over the exchange', () => {
  it('retries a receiver that answers 500 three times: four attempts, one webhook-id, one record', async () => {
    let failures = 0
    const proxy = await startReceiver(async (req, _n, res) => {
      if (req.body.includes('"lead.sold"') && failures < 3) {
        failures++
        res.writeHead(500).end('{"title":"down"}')
        return
      }
      const answer = await forward(buyer.url, req, `/api/v1/exchange/${buyer.admin.slug}`)
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text())
    })
    const link = await connect(seller, buyer, { via: (url) => url.replace(buyer.url, proxy.url) })
    const { deliveryId } = await sellOne(link.buyerAtSeller)
    const done = await deliveryIn(seller, deliveryId, 'delivered')
    expect(done.attempts.map((a) => a.status)).toEqual([500, 500, 500, 201])
    const posts = sales(proxy)
    expect(posts).toHaveLength(4)
    expect(new Set(posts.map((p) => p.headers['webhook-id'])).size).toBe(1)
    for (const p of posts) {
      expect(() =>
        new Webhook(link.credentials.secret).verify(p.body, p.headers as Record<string, string>),
      ).not.toThrow()
    }
    const arrived = await call(buyer.t.app, 'GET', `/api/v1/leads?partnerCompanyId=${link.sellerAtBuyer}`, {
      token: buyer.admin.token,
    })
    expect(arrived.body.items).toHaveLength(1)
    await proxy.close()
  })

  it('honours Retry-After on 429', async () => {
    const receiver = await startReceiver((req, _n, res) => {
      const sale = req.body.includes('"lead.sold"')
      if (sale && sales(receiver).length === 1) res.writeHead(429, { 'retry-after': '2' }).end()
      else res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"r-1"}')
    })
    const partner = await buyerAt(receiver.url)
    const { deliveryId } = await sellOne(partner.id)
    const done = await deliveryIn(seller, deliveryId, 'delivered')
    expect(done.attempts.map((a) => a.status)).toEqual([429, 201])
    const times = (done.attempts as unknown as { at: string }[]).map((a) => Date.parse(a.at))
    expect((times[1] as number) - (times[0] as number)).toBeGreaterThanOrEqual(1900)
    await receiver.close()
  })

  it('stops on another 4xx, mails the administrators, and retries by hand with the same webhook-id', async () => {
    let refuse = true
    const receiver = await startReceiver((_req, _n, res) => {
      if (refuse)
        res.writeHead(400, { 'content-type': 'application/problem+json' }).end('{"detail":"No thanks"}')
      else res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"r-2"}')
    })
    const partner = await buyerAt(receiver.url)
    const { deliveryId } = await sellOne(partner.id)
    const failed = await deliveryIn(seller, deliveryId, 'failed')
    expect(failed.attempts).toHaveLength(1)
    expect(failed.lastError).toContain('No thanks')
    const mail = await call(seller.t.app, 'GET', '/api/v1/mail', { token: seller.admin.token })
    const alert = mail.body.items.find((m: { subject: string }) =>
      m.subject.startsWith(`Delivery to ${partner.name}`),
    )
    expect(alert?.to).toContain(seller.admin.email)
    refuse = false
    const retried = await call(seller.t.app, 'POST', `/api/v1/deliveries/${deliveryId}/retry`, {
      token: seller.admin.token,
    })
    expect(retried.status).toBe(200)
    const done = await deliveryIn(seller, deliveryId, 'delivered')
    expect(done.attempts.map((a) => a.status)).toEqual([400, 201])
    const ids = sales(receiver).map((r) => r.headers['webhook-id'])
    expect(ids).toEqual([`msg_${deliveryId}`, `msg_${deliveryId}`])
    const again = await call(seller.t.app, 'POST', `/api/v1/deliveries/${deliveryId}/retry`, {
      token: seller.admin.token,
    })
    expect(again.status).toBe(409)
    await receiver.close()
  })

  it('gives up after EXCHANGE_MAX_ATTEMPTS, and 410 Gone switches the section off', async () => {
    const down = await startReceiver((_req, _n, res) => {
      res.writeHead(503).end()
    })
    const downPartner = await buyerAt(down.url)
    const failing = await sellOne(downPartner.id)
    const failed = await deliveryIn(seller, failing.deliveryId, 'failed', 30_000)
    expect(failed.attempts).toHaveLength(5)
    const gone = await startReceiver((_req, _n, res) => {
      res.writeHead(410).end()
    })
    const gonePartner = await buyerAt(gone.url)
    const { deliveryId } = await sellOne(gonePartner.id)
    await deliveryIn(seller, deliveryId, 'failed')
    const after = await call(seller.t.app, 'GET', `/api/v1/partner-companies/${gonePartner.id}`, {
      token: seller.admin.token,
    })
    expect(after.body.buysLeads.enabled).toBe(false)
    await Promise.all([down.close(), gone.close()])
  })

  it('never follows a redirect', async () => {
    const target = await startReceiver((_req, _n, res) => {
      res.writeHead(201).end('{"id":"x"}')
    })
    const redirecting = await startReceiver((_req, _n, res) => {
      res.writeHead(302, { location: `${target.url}/elsewhere` }).end()
    })
    const partner = await buyerAt(redirecting.url)
    const { deliveryId } = await sellOne(partner.id)
    const failed = await deliveryIn(seller, deliveryId, 'failed', 30_000)
    expect(failed.attempts.every((a) => a.status === 302)).toBe(true)
    expect(target.requests).toHaveLength(0)
    await Promise.all([target.close(), redirecting.close()])
  })

  it('lists deliveries by state, and keeps them to their company', async () => {
    const failedOnes = await call(seller.t.app, 'GET', '/api/v1/deliveries?state=failed', {
      token: seller.admin.token,
    })
    expect(failedOnes.body.items.length).toBeGreaterThan(0)
    expect(failedOnes.body.items.every((d: { state: string }) => d.state === 'failed')).toBe(true)
    const other = await signup(seller.t.app)
    const theirs = await call(seller.t.app, 'GET', '/api/v1/deliveries', { token: other.token })
    expect(theirs.body.items).toEqual([])
    const foreign = await call(seller.t.app, 'GET', `/api/v1/deliveries/${failedOnes.body.items[0].id}`, {
      token: other.token,
    })
    expect(foreign.status).toBe(404)
  })
})

describe('the SSRF guard', () => {
  let guarded: TestApp
  let admin: Awaited<ReturnType<typeof signup>>
  beforeAll(async () => {
    guarded = await startTestApp()
    admin = await signup(guarded.app)
  })
  afterAll(() => guarded.close())

  const save = (postUrl: string) =>
    call(guarded.app, 'POST', '/api/v1/partner-companies', {
      token: admin.token,
      body: {
        name: `Buyer ${Math.random()}`,
        buysLeads: { enabled: true, deliveryMethod: 'exchange', postUrl, sourceId: 's', secret },
      },
    })

  it.each([
    'http://localhost/x',
    'http://127.0.0.1/x',
    'http://127.1/x',
    'http://2130706433/x',
    'http://0177.0.0.1/x',
    'http://[::1]/x',
    'http://[::ffff:127.0.0.1]/x',
    'http://0.0.0.0/x',
    'http://10.0.0.1/x',
    'http://192.168.1.1/x',
    'http://169.254.169.254/latest/meta-data',
    'http://100.64.0.1/x',
    'http://[fd00::1]/x',
    'http://224.0.0.1/x',
    'http://user:pass@example.com/x',
  ])('refuses %s on save, naming buysLeads.postUrl', async (postUrl) => {
    const res = await save(postUrl)
    expect(res.status).toBe(422)
    expect(isProblem(res)).toBe(true)
    expect(res.body.errors[0].path).toBe('buysLeads.postUrl')
  })

  it('refuses a name that resolves to a private address', async () => {
    const name = hostname()
    const resolved = await lookup(name)
    // The machine's own name resolves to one of its own (private or loopback) addresses.
    expect(resolved.address).toMatch(/^(127\.|10\.|172\.(1[6-9]|2\d|3[01])\.|192\.168\.|::1|f[cd])/)
    const res = await save(`http://${name}:8080/x`)
    expect(res.status).toBe(422)
  })

  it('refuses again at send time (DNS or the URL may have changed since it was saved)', async () => {
    const source = await createPartner(guarded.app, admin)
    const partner = await save('https://buyer.example/x')
    expect(partner.status).toBe(201)
    await sql`update partner_companies set bl_post_url = 'http://127.0.0.1:9/x' where id = ${partner.body.id}`.execute(
      guarded.ctx.db,
    )
    const lead = await createLead(guarded.app, admin, source.id)
    const sold = await call(guarded.app, 'POST', '/api/v1/leads/sell', {
      token: admin.token,
      body: { leadIds: [lead.id], partnerCompanyId: partner.body.id },
    })
    let delivery: { state: string; lastError: string | null } | undefined
    await eventually(async () => {
      delivery = (
        await call(guarded.app, 'GET', `/api/v1/deliveries/${sold.body.deliveries[0].id}`, {
          token: admin.token,
        })
      ).body
      return delivery?.state === 'failed'
    })
    expect(delivery?.state).toBe('failed')
    expect(delivery?.lastError).toMatch(/private, local or reserved/)
  })
})
