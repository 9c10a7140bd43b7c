import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DemoSeed, seedDemo } from '../src/seed.ts'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { call } from './helpers/client.ts'

let t: TestApp
let demo: DemoSeed
let token: string
beforeAll(async () => {
  t = await startTestApp()
  demo = (await seedDemo(t.ctx)) as DemoSeed
  const login = await call(t.app, 'POST', '/api/v1/auth/login', {
    body: { company: 'demo', login: demo.email, password: demo.password },
  })
  token = login.body.token
})
afterAll(() => t.close())

const get = async (url: string) => (await call(t.app, 'GET', url, { token })).body

describe('the demo company', () => {
  it('has 200 leads across every location a lead can reach by hand, with their timelines', async () => {
    const counts: Record<string, number> = {}
    let cursor: string | null = null
    do {
      const page = await get(`/api/v1/leads?limit=200${cursor ? `&cursor=${cursor}` : ''}`)
      for (const lead of page.items) counts[lead.location] = (counts[lead.location] ?? 0) + 1
      cursor = page.nextCursor
    } while (cursor)
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(200)
    for (const location of ['pending', 'queue', 'assigned', 'converted', 'invalid', 'returned', 'sold']) {
      expect(counts[location], location).toBeGreaterThan(0)
    }
    const mail = await get('/api/v1/mail')
    expect(mail.items.some((m: { to: string[] }) => m.to.includes('returns@abcleads.example'))).toBe(true)
    const customers = await get('/api/v1/customers?limit=200')
    expect(customers.items.length).toBeGreaterThanOrEqual(25)
  })

  it('is made once, with an admin who can log in with the printed password', async () => {
    expect(demo).toMatchObject({ slug: 'demo', name: 'Demo Security Co.', email: 'admin@demo.test' })
    expect(token).toMatch(/^trs_/)
    expect(await seedDemo(t.ctx)).toBeNull()
  })

  it('has one user per built-in role', async () => {
    const users = await get('/api/v1/users')
    const roles = await get('/api/v1/roles')
    const roleOf = (email: string) => {
      const user = users.items.find((u: { email: string }) => u.email === email)
      return roles.items.find((r: { id: string }) => r.id === user.roleIds[0]).name
    }
    expect(roleOf('admin@demo.test')).toBe('Admin')
    expect(roleOf('manager@demo.test')).toBe('Manager')
    expect(roleOf('rep@demo.test')).toBe('Lead rep')
    expect(roleOf('readonly@demo.test')).toBe('Read-only')
  })

  it('buys leads from ABC Leads, Inc. into the queue at high priority, with its three campaigns', async () => {
    const sellers = await get('/api/v1/partner-companies?sellsLeads=true')
    const abc = sellers.items.find((p: { name: string }) => p.name === 'ABC Leads, Inc.')
    expect(abc.sellsLeads).toMatchObject({
      enabled: true,
      defaultLeadLocation: 'queue',
      leadQueuePriority: 'high',
    })
    expect(abc.tags.map((tag: { name: string }) => tag.name)).toEqual(['Gold'])
    const campaigns = await get(`/api/v1/partner-companies/${abc.id}/campaigns`)
    expect(campaigns.items.map((c: { name: string }) => c.name)).toEqual([
      'Cold Call',
      'Door Knock',
      'Web Lead',
    ])
  })

  it('has a lead buyer by email, a customer seller, tags, two offices and two message campaigns', async () => {
    const buyers = await get('/api/v1/partner-companies?buysLeads=true')
    expect(buyers.items[0].buysLeads).toMatchObject({ enabled: true, deliveryMethod: 'email' })
    const customerSellers = await get('/api/v1/partner-companies?sellsCustomers=true')
    expect(customerSellers.items.map((p: { name: string }) => p.name)).toContain('HomeSafe Installs')
    expect((await get('/api/v1/tags')).items.length).toBeGreaterThanOrEqual(2)
    expect((await get('/api/v1/office-locations')).items).toHaveLength(2)
    expect((await get('/api/v1/message-campaigns')).items).toHaveLength(2)
  })
})
