import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, isProblem, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'
import { createLead, leadBody, seller, setQueueSettings, uniquePhone } from '../../../test/helpers/leads.ts'
import { createPartner } from '../../../test/helpers/partners.ts'

let t: TestApp
let admin: Session
let source: { id: string }
beforeAll(async () => {
  t = await startTestApp()
  admin = await signup(t.app)
  source = await createPartner(t.app, admin, seller('Intake Source', { leadQueuePriority: 'high' }))
})
afterAll(() => t.close())

const post = (body: unknown, session: Session = admin) =>
  call(t.app, 'POST', '/api/v1/leads', { token: session.token, body })
const paths = (res: { body: { errors?: { path: string }[] } }) => (res.body.errors ?? []).map((e) => e.path)
/** Leads whose phone contains these digits: how a test proves a refused body created nothing. */
const leadsWithPhone = async (phone: string) => {
  const digits = phone.replace(/\D/g, '').slice(-10)
  const res = await call(t.app, 'GET', `/api/v1/leads?q=${digits}`, { token: admin.token })
  return res.body.items as { id: string }[]
}
const campaign = async (partnerId: string, body: Record<string, unknown>) => {
  const res = await call(t.app, 'POST', `/api/v1/partner-companies/${partnerId}/campaigns`, {
    token: admin.token,
    body: { name: `Campaign ${randomUUID()}`, ...body },
  })
  expect(res.status).toBe(201)
  return res.body as { id: string }
}

describe('lead intake: the source', () => {
  it('needs a source: 422 naming partnerCompanyId', async () => {
    const res = await post({ firstName: 'No', phone: uniquePhone() })
    expect(res.status).toBe(422)
    expect(isProblem(res)).toBe(true)
    expect(paths(res)).toEqual(['partnerCompanyId'])
  })

  it('takes only a partner company that sells leads', async () => {
    const buyer = await createPartner(t.app, admin, { name: 'Not A Seller' })
    const refused = await post(leadBody(buyer.id))
    expect(refused.status).toBe(422)
    expect(paths(refused)).toEqual(['partnerCompanyId'])
    expect((await post(leadBody(source.id))).status).toBe(201)
  })

  it("takes no other company's partner company", async () => {
    const other = await signup(t.app)
    const foreign = await createPartner(t.app, other, seller('Foreign Seller'))
    const res = await post(leadBody(foreign.id))
    expect(res.status).toBe(422)
    expect(paths(res)).toEqual(['partnerCompanyId'])
  })

  it('takes only an active source', async () => {
    const inactive = await createPartner(t.app, admin, seller('Soon Inactive'))
    await call(t.app, 'PATCH', `/api/v1/partner-companies/${inactive.id}`, {
      token: admin.token,
      body: { active: false },
    })
    const res = await post(leadBody(inactive.id))
    expect(res.status).toBe(422)
    expect(paths(res)).toEqual(['partnerCompanyId'])
  })

  it('takes a campaign only when it belongs to the source', async () => {
    const otherSource = await createPartner(t.app, admin, seller('Other Source'))
    const foreign = await campaign(otherSource.id, { direction: 'inbound' })
    const refused = await post(leadBody(source.id, { campaignId: foreign.id }))
    expect(refused.status).toBe(422)
    expect(paths(refused)).toEqual(['campaignId'])
    const own = await campaign(source.id, { direction: 'inbound' })
    const ok = await post(leadBody(source.id, { campaignId: own.id }))
    expect(ok.status).toBe(201)
    expect(ok.body.campaignId).toBe(own.id)
  })

  it('takes only an inbound campaign', async () => {
    const outbound = await campaign(source.id, { direction: 'outbound' })
    const res = await post(leadBody(source.id, { campaignId: outbound.id }))
    expect(res.status).toBe(422)
    expect(paths(res)).toEqual(['campaignId'])
  })

  it("assigns the campaign and its source from the sender's external ids", async () => {
    const mapped = await createPartner(t.app, admin, seller('Mapped Seller'))
    const web = await campaign(mapped.id, {
      direction: 'inbound',
      externalPartnerCompanyId: 'SENDER-7',
      externalCampaignId: 'WEB-1',
    })
    const body = leadBody(mapped.id, { externalPartnerCompanyId: 'SENDER-7', externalCampaignId: 'WEB-1' })
    const { partnerCompanyId: _, ...withoutSource } = body
    const res = await post(withoutSource)
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      partnerCompanyId: mapped.id,
      campaignId: web.id,
      externalPartnerCompanyId: 'SENDER-7',
      externalCampaignId: 'WEB-1',
    })
  })

  it('still needs a source when the external ids name no campaign', async () => {
    const res = await post({
      firstName: 'Unknown',
      phone: uniquePhone(),
      externalPartnerCompanyId: 'NOBODY',
      externalCampaignId: 'NOTHING',
    })
    expect(res.status).toBe(422)
    expect(paths(res)).toEqual(['partnerCompanyId'])
  })

  it('needs create_leads: a Read-only user gets 403; an API key of an admin may post', async () => {
    const readOnly = await userWithRole(t.app, admin, 'Read-only')
    const phone = uniquePhone()
    expect((await post(leadBody(source.id, { phone }), readOnly)).status).toBe(403)
    expect(await leadsWithPhone(phone)).toEqual([])
    const key = await call(t.app, 'POST', '/api/v1/api-keys', {
      token: admin.token,
      body: { name: 'Web form' },
    })
    const viaKey = await call(t.app, 'POST', '/api/v1/leads', {
      token: key.body.key,
      body: leadBody(source.id),
    })
    expect(viaKey.status).toBe(201)
  })
})

describe('lead intake: starting location and priority', () => {
  it("starts in the source's default lead location", async () => {
    const toPending = await createPartner(
      t.app,
      admin,
      seller('To Pending', { defaultLeadLocation: 'pending' }),
    )
    expect((await createLead(t.app, admin, toPending.id)).location).toBe('pending')
    expect((await createLead(t.app, admin, source.id)).location).toBe('queue')
  })

  it('starts where the request says when it names a location', async () => {
    const lead = await createLead(t.app, admin, source.id, { location: 'pending' })
    expect(lead.location).toBe('pending')
  })

  it("the source's forced default location overrides the request", async () => {
    const forced = await createPartner(
      t.app,
      admin,
      seller('Forced Pending', { defaultLeadLocation: 'pending', forceDefaultLeadLocation: true }),
    )
    const lead = await createLead(t.app, admin, forced.id, { location: 'queue' })
    expect(lead.location).toBe('pending')
  })

  it("takes the source's lead queue priority", async () => {
    const medium = await createPartner(t.app, admin, seller('Medium Seller', { leadQueuePriority: 'medium' }))
    expect((await createLead(t.app, admin, medium.id)).priority).toBe('medium')
    expect((await createLead(t.app, admin, source.id)).priority).toBe('high')
  })

  it('is requestable after the arrival plus the requestable delay', async () => {
    await setQueueSettings(t.app, admin, { requestableAfterMinutes: 45 })
    try {
      const before = Date.now()
      const lead = await createLead(t.app, admin, source.id)
      const delay = Date.parse(lead.contactAfter) - before
      expect(delay).toBeGreaterThanOrEqual(45 * 60_000 - 1000)
      expect(delay).toBeLessThan(45 * 60_000 + 10_000)
    } finally {
      await setQueueSettings(t.app, admin, { requestableAfterMinutes: 0 })
    }
  })

  it('refuses fields the caller may not set (no mass assignment), creating nothing', async () => {
    const bodies = [
      { companyId: (await signup(t.app)).companyId },
      { assignedUserId: admin.userId },
      { priority: 'high' },
      { location: 'assigned' },
      { number: 1 },
    ]
    for (const extra of bodies) {
      const phone = uniquePhone()
      const res = await post(leadBody(source.id, { phone, ...extra }))
      expect(res.status, JSON.stringify(extra)).toBe(400)
      expect(await leadsWithPhone(phone)).toEqual([])
    }
  })

  it('numbers leads increasingly', async () => {
    const first = await createLead(t.app, admin, source.id)
    const second = await createLead(t.app, admin, source.id)
    expect(second.number).toBeGreaterThan(first.number)
  })
})

describe('lead intake: contact fields', () => {
  it('stores the phone in E.164', async () => {
    const lead = await createLead(t.app, admin, source.id, { phone: '(602) 555-0142' })
    expect(lead.phone).toBe('+16025550142')
  })

  it('refuses an invalid phone with 400 naming phone', async () => {
    const res = await post(leadBody(source.id, { phone: '555-12' }))
    expect(res.status).toBe(400)
    expect(paths(res)).toEqual(['phone'])
  })

  it('takes a US region only as a state code (normalised to upper case)', async () => {
    const bad = await post(leadBody(source.id, { address: { region: 'Arizona Territory' } }))
    expect(bad.status).toBe(400)
    expect(paths(bad)).toEqual(['address.region'])
    const ok = await createLead(t.app, admin, source.id, { address: { region: 'az' } })
    expect(ok.address).toMatchObject({ region: 'AZ', country: 'US' })
  })

  it('takes a US postal code only as ZIP or ZIP+4', async () => {
    const bad = await post(leadBody(source.id, { address: { postalCode: '8500' } }))
    expect(bad.status).toBe(400)
    expect(paths(bad)).toEqual(['address.postalCode'])
    const ok = await createLead(t.app, admin, source.id, { address: { postalCode: '85004-1234' } })
    expect(ok.address).toMatchObject({ postalCode: '85004-1234' })
  })

  it('needs a phone or an email', async () => {
    const neither = await post({ partnerCompanyId: source.id, firstName: 'Nobody' })
    expect(neither.status).toBe(400)
    expect(paths(neither)).toEqual(['phone'])
    const emailOnly = await post({ partnerCompanyId: source.id, email: 'only.email@example.test' })
    expect(emailOnly.status).toBe(201)
    expect(emailOnly.body.phone).toBeNull()
  })

  it('keeps the consent fields exactly as given', async () => {
    const consent = {
      trustedFormCertUrl: 'https://cert.trustedform.com/0123456789abcdef0123456789abcdef01234567',
      leadiDToken: 'A1B2C3D4-E5F6-7890-ABCD-EF1234567890',
    }
    const lead = await createLead(t.app, admin, source.id, consent)
    expect(lead).toMatchObject(consent)
    const read = await call(t.app, 'GET', `/api/v1/leads/${lead.id}`, { token: admin.token })
    expect(read.body).toMatchObject(consent)
  })

  it('refuses a consent certificate URL that is not https', async () => {
    const res = await post(leadBody(source.id, { trustedFormCertUrl: 'http://cert.trustedform.com/x' }))
    expect(res.status).toBe(400)
    expect(paths(res)).toEqual(['trustedFormCertUrl'])
  })

  it("takes the time zone of the lead's region, else the company's", async () => {
    const phoenix = await createLead(t.app, admin, source.id, { address: { region: 'AZ' } })
    expect(phoenix.timezone).toBe('America/Phoenix')
    const unknown = await createLead(t.app, admin, source.id, { address: { country: 'GB', region: 'Kent' } })
    expect(unknown.timezone).toBe('America/New_York')
    await setQueueSettings(t.app, admin, { timezone: 'America/Denver' })
    try {
      expect((await createLead(t.app, admin, source.id)).timezone).toBe('America/Denver')
    } finally {
      await setQueueSettings(t.app, admin, { timezone: 'America/New_York' })
    }
  })

  it("follows the region's time zone when an update changes the region", async () => {
    const lead = await createLead(t.app, admin, source.id, { address: { region: 'AZ' } })
    const moved = await call(t.app, 'PATCH', `/api/v1/leads/${lead.id}`, {
      token: admin.token,
      body: { address: { region: 'HI' } },
    })
    expect(moved.status).toBe(200)
    expect(moved.body.timezone).toBe('Pacific/Honolulu')
  })

  it('normalises the phone and checks the address on update too', async () => {
    const lead = await createLead(t.app, admin, source.id)
    const bad = await call(t.app, 'PATCH', `/api/v1/leads/${lead.id}`, {
      token: admin.token,
      body: { phone: 'not a phone' },
    })
    expect(bad.status).toBe(400)
    expect(paths(bad)).toEqual(['phone'])
    const ok = await call(t.app, 'PATCH', `/api/v1/leads/${lead.id}`, {
      token: admin.token,
      body: { phone: '(212) 555-0100', notes: 'Prefers evenings' },
    })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ phone: '+12125550100', notes: 'Prefers evenings' })
  })
})

describe('lead lists', () => {
  it('pages through every lead exactly once, in priority then age order', async () => {
    const company = await signup(t.app)
    const high = await createPartner(t.app, company, seller('High', { leadQueuePriority: 'high' }))
    const normal = await createPartner(t.app, company, seller('Normal'))
    const made: string[] = []
    for (let i = 0; i < 9; i++) {
      made.push((await createLead(t.app, company, i % 2 ? high.id : normal.id)).id)
    }
    // As if imported in one transaction: the same arrival time, to the microsecond.
    await t.ctx.db
      .updateTable('leads')
      .set({ created_at: sql<Date>`'2026-05-01 12:00:00.123456+00'` })
      .where('id', 'in', made.slice(0, 5))
      .execute()
    const seen: { id: string; priority: string }[] = []
    let cursor: string | null = null
    do {
      const res: { body: { items: { id: string; priority: string }[]; nextCursor: string | null } } =
        await call(t.app, 'GET', `/api/v1/leads?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
          token: company.token,
        })
      seen.push(...res.body.items)
      cursor = res.body.nextCursor
    } while (cursor)
    expect(seen.map((l) => l.id).sort()).toEqual([...made].sort())
    const ranks = seen.map((l) => ['high', 'medium', 'normal'].indexOf(l.priority))
    expect(ranks).toEqual([...ranks].sort())
  })

  it('finds a lead by name, email, phone digits or number; a long digit string finds nothing', async () => {
    const company = await signup(t.app)
    const own = await createPartner(t.app, company, seller('Search Source'))
    const lead = await createLead(t.app, company, own.id, {
      firstName: 'Quincy',
      lastName: 'Searchable',
      email: 'quincy@example.test',
      phone: '(480) 555-0177',
    })
    await createLead(t.app, company, own.id)
    const find = async (q: string) => {
      const res = await call(t.app, 'GET', `/api/v1/leads?q=${encodeURIComponent(q)}`, {
        token: company.token,
      })
      expect(res.status, q).toBe(200)
      return res.body.items.map((l: { id: string }) => l.id)
    }
    for (const q of ['quincy search', 'QUINCY@example', '480) 555-01', String(lead.number)]) {
      expect(await find(q), q).toEqual([lead.id])
    }
    expect(await find('123456789012345678901234')).toEqual([])
  })

  it('filters by source and campaign', async () => {
    const other = await createPartner(t.app, admin, seller('Filter Source'))
    const web = await campaign(other.id, { direction: 'inbound' })
    const withCampaign = await createLead(t.app, admin, other.id, { campaignId: web.id })
    const without = await createLead(t.app, admin, other.id)
    const bySource = await call(t.app, 'GET', `/api/v1/leads?partnerCompanyId=${other.id}`, {
      token: admin.token,
    })
    expect(bySource.body.items.map((l: { id: string }) => l.id).sort()).toEqual(
      [withCampaign.id, without.id].sort(),
    )
    const byCampaign = await call(t.app, 'GET', `/api/v1/leads?campaignId=${web.id}`, { token: admin.token })
    expect(byCampaign.body.items.map((l: { id: string }) => l.id)).toEqual([withCampaign.id])
  })
})
