import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmptyDatabase, dropDatabase } from './helpers/database.ts'
import { forward, freePort, startReceiver } from './helpers/exchange.ts'
import { http, type ServerProcess, startServerProcess } from './helpers/server-process.ts'
import { eventually } from './helpers/smtp.ts'

// Two real Tributary processes on loopback, each with its own database and two companies,
// selling leads and customers both ways and returning one back; then a seller killed between
// the buyer's 201 and marking its delivery done still makes exactly one record.

type Instance = { env: Record<string, string>; server: ServerProcess; url: string; cleanup(): Promise<void> }
type Co = { base: string; token: string; slug: string }

async function instance(): Promise<Instance> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const serverUrl = process.env.DATABASE_URL
  const dir = mkdtempSync(path.join(tmpdir(), 'tributary-exchange-'))
  const database = serverUrl ? await createEmptyDatabase(serverUrl) : undefined
  const env = {
    PORT: String(port),
    PUBLIC_URL: url,
    OUTBOUND_ALLOW_HOSTS: '127.0.0.1',
    EXCHANGE_RETRY_DELAY_SECONDS: '0.5',
    DATA_DIR: dir,
    SECRETS_KEY: Buffer.alloc(32, port % 200).toString('base64'),
    ...(database && { DATABASE_URL: database }),
  }
  return {
    env,
    url,
    server: await startServerProcess(env, 'start'),
    cleanup: async () => {
      rmSync(dir, { recursive: true, force: true })
      if (serverUrl && database) await dropDatabase(serverUrl, database)
    },
  }
}

let counter = 0
async function company(base: string): Promise<Co> {
  const res = await http(base, 'POST', '/api/v1/signup', undefined, {
    companyName: `Process Co ${++counter}`,
    name: 'Admin',
    email: `admin${counter}@process.test`,
    password: 'a long enough password',
  })
  expect(res.status).toBe(201)
  return { base, token: res.body.token, slug: res.body.company.slug }
}

const api = (c: Co, method: string, p: string, body?: unknown) => http(c.base, method, p, c.token, body)

/** The one-paste connection: `buyer` issues credentials, `seller` saves them; returns the ids. */
async function link(seller: Co, buyer: Co, via = (u: string) => u) {
  const offices = await api(buyer, 'GET', '/api/v1/office-locations')
  const sellerAtBuyer = await api(buyer, 'POST', '/api/v1/partner-companies', {
    name: `Seller ${seller.slug}`,
    sellsLeads: { enabled: true, defaultLeadLocation: 'pending' },
    sellsCustomers: { enabled: true, defaultOfficeLocationId: offices.body.items[0].id },
  })
  const creds = await api(buyer, 'POST', `/api/v1/partner-companies/${sellerAtBuyer.body.id}/connection`)
  expect(creds.status).toBe(201)
  const section = {
    enabled: true,
    deliveryMethod: 'exchange',
    ...creds.body,
    postUrl: via(creds.body.postUrl),
  }
  delete (section as Record<string, unknown>).connectionCode
  const buyerAtSeller = await api(seller, 'POST', '/api/v1/partner-companies', {
    name: `Buyer ${buyer.slug}`,
    buysLeads: section,
    buysCustomers: section,
  })
  expect(buyerAtSeller.status).toBe(201)
  expect(
    await eventually(
      async () =>
        (await api(buyer, 'GET', `/api/v1/partner-companies/${sellerAtBuyer.body.id}/connection`)).body
          .replyChannel,
    ),
  ).toBe(true)
  return { sellerAtBuyer: sellerAtBuyer.body.id as string, buyerAtSeller: buyerAtSeller.body.id as string }
}

async function newLead(c: Co, firstName: string) {
  const source = await api(c, 'POST', '/api/v1/partner-companies', {
    name: `Source ${firstName}`,
    sellsLeads: { enabled: true, defaultLeadLocation: 'queue' },
  })
  const lead = await api(c, 'POST', '/api/v1/leads', {
    partnerCompanyId: source.body.id,
    firstName,
    lastName: 'Travels',
    phone: `+1 602 555 ${String(1000 + counter * 10 + firstName.length).padStart(4, '0')}`,
  })
  expect(lead.status).toBe(201)
  return lead.body.id as string
}

async function delivered(c: Co, id: string, ms = 30_000) {
  let d: { state: string; remoteId: string | null } | undefined
  await eventually(async () => {
    d = (await api(c, 'GET', `/api/v1/deliveries/${id}`)).body
    return d?.state === 'delivered'
  }, ms)
  expect(d?.state).toBe('delivered')
  return d as { state: string; remoteId: string }
}

let a: Instance
let b: Instance
beforeAll(async () => {
  ;[a, b] = await Promise.all([instance(), instance()])
}, 180_000)
afterAll(async () => {
  await Promise.all([a?.server.stop(), b?.server.stop()])
  await Promise.all([a?.cleanup(), b?.cleanup()])
})

describe('two Tributary processes', () => {
  it('sell leads and customers both ways and return one back', async () => {
    const [a1, a2, b1, b2] = await Promise.all([
      company(a.url),
      company(a.url),
      company(b.url),
      company(b.url),
    ])
    const ab = await link(a1 as Co, b1 as Co)
    const ba = await link(b2 as Co, a2 as Co)
    const leadA = await newLead(a1 as Co, 'Alpha')
    const leadB = await newLead(b2 as Co, 'Bravo')
    const saleA = await api(a1 as Co, 'POST', '/api/v1/leads/sell', {
      leadIds: [leadA],
      partnerCompanyId: ab.buyerAtSeller,
    })
    const saleB = await api(b2 as Co, 'POST', '/api/v1/leads/sell', {
      leadIds: [leadB],
      partnerCompanyId: ba.buyerAtSeller,
    })
    const atB = await delivered(a1 as Co, saleA.body.deliveries[0].id)
    const atA = await delivered(b2 as Co, saleB.body.deliveries[0].id)
    expect((await api(b1 as Co, 'GET', `/api/v1/leads/${atB.remoteId}`)).body.firstName).toBe('Alpha')
    expect((await api(a2 as Co, 'GET', `/api/v1/leads/${atA.remoteId}`)).body.firstName).toBe('Bravo')

    const customer = await api(a1 as Co, 'POST', '/api/v1/customers', {
      firstName: 'Carla',
      phone: '+1 602 555 0123',
    })
    const saleC = await api(a1 as Co, 'POST', '/api/v1/customers/sell', {
      customerIds: [customer.body.id],
      partnerCompanyId: ab.buyerAtSeller,
    })
    const atBc = await delivered(a1 as Co, saleC.body.deliveries[0].id)
    expect((await api(b1 as Co, 'GET', `/api/v1/customers/${atBc.remoteId}`)).body.firstName).toBe('Carla')
    const other = await api(b2 as Co, 'POST', '/api/v1/customers', {
      firstName: 'Dario',
      phone: '+1 602 555 0124',
    })
    const saleD = await api(b2 as Co, 'POST', '/api/v1/customers/sell', {
      customerIds: [other.body.id],
      partnerCompanyId: ba.buyerAtSeller,
    })
    const atAd = await delivered(b2 as Co, saleD.body.deliveries[0].id)
    expect((await api(a2 as Co, 'GET', `/api/v1/customers/${atAd.remoteId}`)).body.firstName).toBe('Dario')

    const back = await api(b1 as Co, 'POST', '/api/v1/leads/return', {
      leadIds: [atB.remoteId],
      reason: 'Not interested',
    })
    expect(back.body.returned).toEqual([atB.remoteId])
    expect(
      await eventually(
        async () => (await api(a1 as Co, 'GET', `/api/v1/leads/${leadA}`)).body.location === 'returned',
      ),
    ).toBe(true)
  }, 120_000)

  it("makes one record when the seller dies between the buyer's 201 and marking its delivery done", async () => {
    const seller = await company(a.url)
    const buyer = await company(b.url)
    let killed = false
    const proxy = await startReceiver(async (req, _n, res) => {
      const answer = await forward(b.url, req, `/api/v1/exchange/${buyer.slug}`)
      const text = await answer.text()
      if (req.body.includes('"lead.sold"') && !killed) {
        killed = true
        a.server.process.kill('SIGKILL')
      }
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(text)
    })
    const ids = await link(seller, buyer, (u) => u.replace(b.url, proxy.url))
    const lead = await newLead(seller, 'Crash')
    await api(seller, 'POST', '/api/v1/leads/sell', { leadIds: [lead], partnerCompanyId: ids.buyerAtSeller })
    expect(
      await eventually(
        () => killed && (a.server.process.exitCode !== null || a.server.process.signalCode !== null),
      ),
    ).toBe(true)
    a.server = await startServerProcess(a.env, 'start')
    const restarted: Co = { ...seller, base: a.url }
    const list = async () =>
      (await api(restarted, 'GET', `/api/v1/deliveries?partnerCompanyId=${ids.buyerAtSeller}`)).body.items
    expect(
      await eventually(
        async () =>
          (await list()).some(
            (d: { kind: string; state: string }) => d.kind === 'lead.sold' && d.state === 'delivered',
          ),
        110_000,
      ),
    ).toBe(true)
    const sale = (await list()).find((d: { kind: string }) => d.kind === 'lead.sold')
    expect(sale.attempts.length).toBeGreaterThanOrEqual(1)
    const received = proxy.requests.filter((r) => r.body.includes('"lead.sold"'))
    expect(received.length).toBeGreaterThanOrEqual(2)
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(1)
    const atBuyer = await api(buyer, 'GET', `/api/v1/leads?partnerCompanyId=${ids.sellerAtBuyer}`)
    expect(atBuyer.body.items).toHaveLength(1)
    await proxy.close()
  }, 180_000)
})
