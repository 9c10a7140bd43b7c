import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'
import { createLead, setQueueSettings } from '../../../test/helpers/leads.ts'
import { createPartner, leadSeller, partnerLogin } from '../../../test/helpers/partners.ts'

let t: TestApp
let admin: Session
beforeAll(async () => {
  t = await startTestApp()
  admin = await signup(t.app)
})
afterAll(() => t.close())

const get = (url: string, session: Session | { token: string } = admin) =>
  call(t.app, 'GET', url, { token: session.token })
const post = (url: string, body: unknown, session: Session = admin) =>
  call(t.app, 'POST', url, { token: session.token, body })

async function sourceWithCampaign(session: Session, name: string, costPerLead: string) {
  const source = await createPartner(t.app, session, leadSeller(name))
  const campaign = await post(
    `/api/v1/partner-companies/${source.id}/campaigns`,
    { name: 'Web', costPerLead },
    session,
  )
  expect(campaign.status).toBe(201)
  expect(campaign.body.costPerLead).toBe(costPerLead)
  return { source, campaignId: campaign.body.id as string }
}

async function convert(session: Session, leadId: string) {
  await call(t.app, 'PATCH', `/api/v1/leads/${leadId}`, {
    token: session.token,
    body: { assignedUserId: session.userId },
  })
  const res = await post(`/api/v1/leads/${leadId}/convert`, {}, session)
  expect(res.status).toBe(201)
}

/** Moves leads' arrival to `at` (the API always stamps now): only the dates under test change. */
const arrivedAt = (ids: string[], at: string) =>
  sql`update leads set created_at = ${at}::timestamptz where id = any(${ids}::uuid[])`.execute(t.ctx.db)

describe('the sources report, hand-counted', () => {
  let company: Session
  let sourceId: string
  let campaignId: string
  beforeAll(async () => {
    company = await signup(t.app)
    const made = await sourceWithCampaign(company, 'Tenfold Leads', '5.00')
    sourceId = made.source.id
    campaignId = made.campaignId
    const leads = []
    for (let i = 0; i < 10; i++) leads.push(await createLead(t.app, company, sourceId, { campaignId }))
    const ids = leads.map((l) => l.id)
    const returned = await post(
      '/api/v1/leads/return',
      { leadIds: ids.slice(0, 2), reason: 'Duplicate' },
      company,
    )
    expect(returned.status).toBe(200)
    for (const id of ids.slice(2, 5)) await convert(company, id)
    const buyer = await createPartner(t.app, company, {
      name: 'Buyer',
      buysLeads: { enabled: true, deliveryMethod: 'email', saleNotificationEmails: ['buy@buyer.test'] },
    })
    const sold = await post(
      '/api/v1/leads/sell',
      { leadIds: [ids[5]], partnerCompanyId: buyer.id, price: '20.00' },
      company,
    )
    expect(sold.status).toBe(202)
  })

  it('10 leads at 5.00, 2 returned, 3 converted, 1 sold at 20.00', async () => {
    const res = await get('/api/v1/reports/sources', company)
    expect(res.status).toBe(200)
    expect(res.body.currency).toBe('USD')
    expect(res.body.rows).toHaveLength(1)
    const expected = {
      received: 10,
      returned: 2,
      returnRate: 0.2,
      converted: 3,
      conversionRate: 0.3,
      sold: 1,
      invalid: 0,
      cost: '50.00',
      revenue: '20.00',
      costPerLead: '5.00',
      costPerConversion: '16.67',
      duplicatesRefused: 0,
    }
    expect(res.body.rows[0]).toMatchObject({ partnerCompanyId: sourceId, name: 'Tenfold Leads', ...expected })
    expect(res.body.totals).toMatchObject({ name: 'Total', ...expected })
    const byCampaign = await get('/api/v1/reports/sources?groupBy=campaign', company)
    expect(byCampaign.body.rows[0]).toMatchObject({ campaignId, name: 'Tenfold Leads · Web', ...expected })
  })

  it("a campaign's new cost applies to leads arriving after it; a manager may correct one lead, audited", async () => {
    await call(t.app, 'PATCH', `/api/v1/campaigns/${campaignId}`, {
      token: company.token,
      body: { costPerLead: '7.50' },
    })
    const later = await createLead(t.app, company, sourceId, { campaignId })
    let res = await get('/api/v1/reports/sources', company)
    expect(res.body.totals.cost).toBe('57.50')
    const rep = await userWithRole(t.app, company, 'Lead rep')
    const refused = await call(t.app, 'PUT', `/api/v1/leads/${later.id}/cost`, {
      token: rep.token,
      body: { cost: '1' },
    })
    expect(refused.status).toBe(403)
    const bad = await call(t.app, 'PUT', `/api/v1/leads/${later.id}/cost`, {
      token: company.token,
      body: { cost: '-1' },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].path).toBe('cost')
    const manager = await userWithRole(t.app, company, 'Manager')
    const put = await call(t.app, 'PUT', `/api/v1/leads/${later.id}/cost`, {
      token: manager.token,
      body: { cost: '2.5' },
    })
    expect(put.status).toBe(200)
    expect(put.body).toEqual({ leadId: later.id, cost: '2.50' })
    res = await get('/api/v1/reports/sources', company)
    expect(res.body.totals.cost).toBe('52.50')
    const audit = await get('/api/v1/audit?entityType=lead_cost', company)
    expect(JSON.stringify(audit.body)).toContain('"to":"2.50"')
    await call(t.app, 'PUT', `/api/v1/leads/${later.id}/cost`, { token: manager.token, body: { cost: '0' } })
  })

  it('as CSV: a header of the answer fields, one line per source, then the Total line', async () => {
    const res = await get('/api/v1/reports/sources.csv', company)
    expect(res.status).toBe(200)
    expect(res.contentType).toContain('text/csv')
    expect(String(res.headers['content-disposition'])).toMatch(/attachment; filename="sources-.*\.csv"/)
    const lines = String(res.body).trim().split('\n')
    expect(lines).toHaveLength(3)
    const header = lines[0]?.split(',') ?? []
    expect(header.slice(0, 4)).toEqual(['partnerCompanyId', 'name', 'received', 'worked'])
    const row = Object.fromEntries(header.map((h, i) => [h, lines[1]?.split(',')[i]]))
    expect(row).toMatchObject({
      received: '11',
      returned: '2',
      returnRate: '0.1818',
      cost: '50.00',
      revenue: '20.00',
    })
    expect(lines[2]?.startsWith(',Total,11,')).toBe(true)
    const reps = await get('/api/v1/reports/reps.csv', company)
    expect(String(reps.body).split('\n')[0]).toBe(
      'userId,name,requested,converted,returned,invalid,medianMinutesToConvert',
    )
    const daily = await get('/api/v1/reports/daily.csv?from=2026-01-01&to=2026-01-03', company)
    expect(String(daily.body).trim().split('\n')).toEqual([
      'date,received,converted,returned,sold',
      '2026-01-01,0,0,0,0',
      '2026-01-02,0,0,0,0',
      '2026-01-03,0,0,0,0',
    ])
  })

  it('the reps report counts what each user did; a lead moved twice counts once', async () => {
    const lead = await createLead(t.app, company, sourceId, { campaignId })
    for (const location of ['queue', 'pending', 'queue'])
      await call(t.app, 'PATCH', `/api/v1/leads/${lead.id}`, { token: company.token, body: { location } })
    await call(t.app, 'PATCH', `/api/v1/leads/${lead.id}`, {
      token: company.token,
      body: { assignedUserId: company.userId },
    })
    await call(t.app, 'PATCH', `/api/v1/leads/${lead.id}`, {
      token: company.token,
      body: { location: 'queue' },
    })
    await convert(company, lead.id)
    const sources = await get('/api/v1/reports/sources', company)
    expect(sources.body.totals).toMatchObject({ received: 12, converted: 4 })
    const reps = await get('/api/v1/reports/reps', company)
    expect(reps.body.rows).toEqual([
      expect.objectContaining({
        userId: company.userId,
        name: 'Admin',
        converted: 4,
        returned: 2,
        invalid: 0,
      }),
    ])
  })

  it('the daily report counts each lead on the day it arrived', async () => {
    const res = await get('/api/v1/reports/daily', company)
    expect(res.status).toBe(200)
    expect(res.body.days).toHaveLength(30)
    const today = res.body.days.at(-1)
    expect(today).toMatchObject({ received: 12, converted: 4, returned: 2, sold: 1 })
    expect(today.bySource).toEqual([{ partnerCompanyId: sourceId, received: 12 }])
    expect(res.body.sources).toEqual([{ partnerCompanyId: sourceId, name: 'Tenfold Leads' }])
    const other = await get(`/api/v1/reports/daily?partnerCompanyId=${admin.companyId}`, company)
    expect(other.body.days.at(-1).received).toBe(0)
  })

  it("today's numbers", async () => {
    const res = await get('/api/v1/reports/today', company)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ newLeads: 12, returnedThisWeek: 2, soldToday: 1, awaitingAcceptance: 0 })
    expect(res.body.queueByPriority).toEqual({ high: 5, medium: 0, normal: 0 })
  })
})

describe('duplicates refused at intake', () => {
  it('count for their source and campaign, though no lead is left behind', async () => {
    const company = await signup(t.app)
    const { source, campaignId } = await sourceWithCampaign(company, 'Echo Leads', '3.00')
    const body = { partnerCompanyId: source.id, campaignId, firstName: 'Dee', phone: '+1 602 555 0142' }
    expect((await post('/api/v1/leads', body, company)).status).toBe(201)
    for (let i = 0; i < 2; i++) {
      const again = await post('/api/v1/leads', body, company)
      expect(again.status).toBe(422)
    }
    const res = await get('/api/v1/reports/sources?groupBy=campaign', company)
    expect(res.body.rows).toEqual([
      expect.objectContaining({ campaignId, received: 1, duplicatesRefused: 2, cost: '3.00' }),
    ])
    expect(res.body.totals).toMatchObject({ received: 1, duplicatesRefused: 2 })
  })
})

describe('dates are days in the company time zone', () => {
  it('a lead at 23:59 local is counted on that day, one at 00:00 on the next', async () => {
    const company = await signup(t.app)
    await setQueueSettings(t.app, company, { timezone: 'America/Los_Angeles' })
    const source = await createPartner(t.app, company, leadSeller('Edge Source'))
    const before = await createLead(t.app, company, source.id)
    const after = await createLead(t.app, company, source.id)
    const last = await createLead(t.app, company, source.id)
    // 2026-03-01 00:00 in Los Angeles is 08:00 UTC.
    await arrivedAt([before.id], '2026-03-01T07:59:59Z')
    await arrivedAt([after.id], '2026-03-01T08:00:00Z')
    await arrivedAt([last.id], '2026-03-02T07:59:59Z')
    const march1 = await get('/api/v1/reports/sources?from=2026-03-01&to=2026-03-01', company)
    expect(march1.body.totals.received).toBe(2)
    const feb28 = await get('/api/v1/reports/sources?from=2026-02-28&to=2026-02-28', company)
    expect(feb28.body.totals.received).toBe(1)
    const daily = await get('/api/v1/reports/daily?from=2026-02-28&to=2026-03-02', company)
    expect(daily.body.days.map((d: { received: number }) => d.received)).toEqual([1, 2, 0])
  })

  it('refuses a period that ends before it starts, or a date that is not one, in plain words', async () => {
    const backwards = await get('/api/v1/reports/sources?from=2026-03-02&to=2026-03-01')
    expect(backwards.status).toBe(400)
    expect(backwards.body.errors[0]).toMatchObject({ path: 'to' })
    const notADate = await get('/api/v1/reports/daily?from=2026-02-30')
    expect(notADate.status).toBe(400)
    expect(notADate.body.errors[0].path).toBe('from')
    const tooLong = await get('/api/v1/reports/daily?from=2020-01-01&to=2026-01-01')
    expect(tooLong.status).toBe(400)
    expect(tooLong.body.errors[0].path).toBe('from')
    const groupBy = await get('/api/v1/reports/sources?groupBy=tag')
    expect(groupBy.status).toBe(400)
  })
})

describe('who sees which figures', () => {
  it('a company sees only its own leads in every report', async () => {
    const one = await signup(t.app)
    const two = await signup(t.app)
    const s1 = await createPartner(t.app, one, leadSeller('One Source'))
    const s2 = await createPartner(t.app, two, leadSeller('Two Source'))
    await createLead(t.app, one, s1.id)
    await createLead(t.app, two, s2.id)
    await createLead(t.app, two, s2.id)
    const r1 = await get('/api/v1/reports/sources', one)
    expect(r1.body.rows.map((r: { name: string }) => r.name)).toEqual(['One Source'])
    expect(r1.body.totals.received).toBe(1)
    const d1 = await get(`/api/v1/reports/daily?partnerCompanyId=${s2.id}`, one)
    expect(d1.body.days.every((d: { received: number }) => d.received === 0)).toBe(true)
    expect((await get('/api/v1/reports/today', two)).body.newLeads).toBe(2)
  })

  it('needs view_reports: the lead rep gets 403; the manager may read', async () => {
    const rep = await userWithRole(t.app, admin, 'Lead rep')
    for (const path of ['sources', 'daily', 'reps', 'today', 'sources.csv']) {
      const res = await get(`/api/v1/reports/${path}`, rep)
      expect(res.status, path).toBe(403)
    }
    const manager = await userWithRole(t.app, admin, 'Manager')
    expect((await get('/api/v1/reports/sources', manager)).status).toBe(200)
  })

  it('a partner login gets its own scorecard, its whole history by default, and 403 elsewhere', async () => {
    const company = await signup(t.app)
    const partner = await partnerLogin(t.app, company)
    const otherSource = await createPartner(t.app, company, leadSeller('Someone Else'))
    const mine = [
      await createLead(t.app, company, partner.partnerId),
      await createLead(t.app, company, partner.partnerId),
      await createLead(t.app, company, partner.partnerId),
      await createLead(t.app, company, partner.partnerId),
    ]
    await createLead(t.app, company, otherSource.id)
    await post('/api/v1/leads/return', { leadIds: [mine[0]?.id], reason: 'Duplicate' }, company)
    await convert(company, mine[1]?.id as string)
    await arrivedAt([mine[3]?.id as string], '2025-01-15T12:00:00Z')
    const card = await get('/api/v1/reports/partner', partner)
    expect(card.status).toBe(200)
    expect(card.body).toEqual({
      name: `Partner ${partner.username}`,
      from: null,
      to: null,
      received: 4,
      returned: 1,
      returnRate: 0.25,
      converted: 1,
      conversionRate: 0.25,
      returnReasons: [{ reason: 'Duplicate', count: 1 }],
    })
    const january = await get('/api/v1/reports/partner?from=2025-01-01&to=2025-01-31', partner)
    expect(january.body).toMatchObject({ from: '2025-01-01', to: '2025-01-31', received: 1, returned: 0 })
    for (const path of ['sources', 'daily', 'reps', 'today']) {
      expect((await get(`/api/v1/reports/${path}`, partner)).status, path).toBe(403)
    }
    expect((await get('/api/v1/reports/partner', company)).status).toBe(403)
  })
})

describe('company settings', () => {
  it('the currency defaults to USD; an admin may change it, in plain words when wrong', async () => {
    const company = await signup(t.app)
    const res = await get('/api/v1/settings/company', company)
    expect(res.body).toMatchObject({ currency: 'USD', timezone: 'America/New_York' })
    const bad = await call(t.app, 'PUT', '/api/v1/settings/company', {
      token: company.token,
      body: { currency: 'euro' },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0]).toMatchObject({ path: 'currency' })
    const ok = await call(t.app, 'PUT', '/api/v1/settings/company', {
      token: company.token,
      body: { currency: 'EUR' },
    })
    expect(ok.body.currency).toBe('EUR')
    expect((await get('/api/v1/reports/sources', company)).body.currency).toBe('EUR')
    const rep = await userWithRole(t.app, company, 'Lead rep')
    const refused = await call(t.app, 'PUT', '/api/v1/settings/company', {
      token: rep.token,
      body: { currency: 'GBP' },
    })
    expect(refused.status).toBe(403)
  })
})
