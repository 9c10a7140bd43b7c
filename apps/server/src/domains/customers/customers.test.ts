import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, isProblem, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'
import { createLead, seller, timelineTypes } from '../../../test/helpers/leads.ts'
import { createPartner } from '../../../test/helpers/partners.ts'

let t: TestApp
let admin: Session
let firstOffice: string
let branch: string
beforeAll(async () => {
  t = await startTestApp()
  admin = await signup(t.app)
  firstOffice = (await call(t.app, 'GET', '/api/v1/office-locations', { token: admin.token })).body.items[0]
    .id
  branch = (
    await call(t.app, 'POST', '/api/v1/office-locations', {
      token: admin.token,
      body: { name: 'Mesa Branch', timezone: 'America/Phoenix' },
    })
  ).body.id
})
afterAll(() => t.close())

const post = (body: unknown, session: Session = admin) =>
  call(t.app, 'POST', '/api/v1/customers', { token: session.token, body })
const paths = (res: { body: { errors?: { path: string }[] } }) => (res.body.errors ?? []).map((e) => e.path)
/** A partner company that sells customers into `office`. */
const customerSeller = (name: string, office: string, extra: Record<string, unknown> = {}) =>
  createPartner(t.app, admin, {
    name,
    sellsCustomers: { enabled: true, defaultOfficeLocationId: office },
    ...extra,
  })

describe('creating a customer', () => {
  it('needs no source; it lands in the first office location', async () => {
    const res = await post({ firstName: 'Carl', lastName: 'Cole', phone: '(602) 555-0150' })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      firstName: 'Carl',
      phone: '+16025550150',
      partnerCompanyId: null,
      campaignId: null,
      officeLocationId: firstOffice,
      leadId: null,
      status: 'active',
    })
  })

  it('takes as source only a partner company that sells customers', async () => {
    const leadsOnly = await createPartner(t.app, admin, seller('Leads Only'))
    const res = await post({ firstName: 'Nope', partnerCompanyId: leadsOnly.id })
    expect(res.status).toBe(422)
    expect(isProblem(res)).toBe(true)
    expect(paths(res)).toEqual(['partnerCompanyId'])
  })

  it('takes only an active source', async () => {
    const source = await customerSeller('Closing Down', firstOffice)
    await call(t.app, 'PATCH', `/api/v1/partner-companies/${source.id}`, {
      token: admin.token,
      body: { active: false },
    })
    const res = await post({ firstName: 'Late', partnerCompanyId: source.id })
    expect(res.status).toBe(422)
    expect(paths(res)).toEqual(['partnerCompanyId'])
  })

  it("puts a purchased customer in the source's default office location", async () => {
    const source = await customerSeller('Branch Feeder', branch)
    const res = await post({ firstName: 'Bought', partnerCompanyId: source.id })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ partnerCompanyId: source.id, officeLocationId: branch })
  })

  it("puts it in the office location the request names, which must be the company's", async () => {
    const source = await customerSeller('Overridden Feeder', branch)
    const chosen = await post({
      firstName: 'Chosen',
      partnerCompanyId: source.id,
      officeLocationId: firstOffice,
    })
    expect(chosen.status).toBe(201)
    expect(chosen.body.officeLocationId).toBe(firstOffice)
    const other = await signup(t.app)
    const foreign = (await call(t.app, 'GET', '/api/v1/office-locations', { token: other.token })).body
      .items[0]
    for (const officeLocationId of [foreign.id, randomUUID()]) {
      const res = await post({ firstName: 'Foreign', officeLocationId })
      expect(res.status).toBe(422)
      expect(paths(res)).toEqual(['officeLocationId'])
    }
  })

  it('takes a campaign only of its source', async () => {
    const source = await customerSeller('Campaign Feeder', firstOffice)
    const elsewhere = await customerSeller('Other Feeder', firstOffice)
    const campaign = await call(t.app, 'POST', `/api/v1/partner-companies/${elsewhere.id}/campaigns`, {
      token: admin.token,
      body: { name: 'Door Knock', externalPartnerCompanyId: 'CS-1', externalCampaignId: 'DK' },
    })
    const refused = await post({
      firstName: 'Mixed',
      partnerCompanyId: source.id,
      campaignId: campaign.body.id,
    })
    expect(refused.status).toBe(422)
    expect(paths(refused)).toEqual(['campaignId'])
    const mapped = await post({
      firstName: 'Mapped',
      externalPartnerCompanyId: 'CS-1',
      externalCampaignId: 'DK',
    })
    expect(mapped.status).toBe(201)
    expect(mapped.body).toMatchObject({ partnerCompanyId: elsewhere.id, campaignId: campaign.body.id })
  })

  it('checks the contact fields like a lead', async () => {
    const res = await post({ firstName: 'Bad', phone: '123', address: { region: 'ZZ', postalCode: 'abc' } })
    expect(res.status).toBe(400)
    expect(paths(res).sort()).toEqual(['address.postalCode', 'address.region', 'phone'])
  })

  it('needs manage_customers: a Read-only user gets 403, a partner login too', async () => {
    const readOnly = await userWithRole(t.app, admin, 'Read-only')
    expect((await post({ firstName: 'No' }, readOnly)).status).toBe(403)
  })

  it('refuses fields the caller may not set', async () => {
    for (const extra of [{ companyId: admin.companyId }, { leadId: randomUUID() }, { status: 'sold' }]) {
      expect((await post({ firstName: 'Sneaky', ...extra })).status).toBe(400)
    }
  })
})

describe('reading and changing customers', () => {
  it('lists, reads and patches a customer', async () => {
    const made = (await post({ firstName: 'Dora', lastName: 'Dean', email: 'dora@example.test' })).body
    const list = await call(t.app, 'GET', '/api/v1/customers?q=Dora', { token: admin.token })
    expect(list.status).toBe(200)
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([made.id])
    const read = await call(t.app, 'GET', `/api/v1/customers/${made.id}`, { token: admin.token })
    expect(read.body).toEqual(made)
    const patched = await call(t.app, 'PATCH', `/api/v1/customers/${made.id}`, {
      token: admin.token,
      body: { phone: '(480) 555-0111', officeLocationId: branch, notes: 'VIP' },
    })
    expect(patched.status).toBe(200)
    expect(patched.body).toMatchObject({
      firstName: 'Dora',
      email: 'dora@example.test',
      phone: '+14805550111',
      officeLocationId: branch,
      notes: 'VIP',
    })
  })

  it('filters the list by source and office location', async () => {
    const source = await customerSeller('Filter Feeder', branch)
    const fed = (await post({ firstName: 'Fed', partnerCompanyId: source.id })).body
    const bySource = await call(t.app, 'GET', `/api/v1/customers?partnerCompanyId=${source.id}`, {
      token: admin.token,
    })
    expect(bySource.body.items.map((c: { id: string }) => c.id)).toEqual([fed.id])
    const byOffice = await call(t.app, 'GET', `/api/v1/customers?officeLocationId=${branch}&limit=200`, {
      token: admin.token,
    })
    expect(byOffice.body.items.map((c: { id: string }) => c.id)).toContain(fed.id)
    expect(
      byOffice.body.items.every((c: { officeLocationId: string }) => c.officeLocationId === branch),
    ).toBe(true)
  })

  it('pages through every customer exactly once, newest first, even within one microsecond', async () => {
    const company = await signup(t.app)
    const made: string[] = []
    for (let i = 0; i < 7; i++) {
      made.push((await post({ firstName: `Page ${i}` }, company)).body.id)
    }
    // As if imported in one transaction: the same arrival time, to the microsecond.
    await t.ctx.db
      .updateTable('customers')
      .set({ created_at: sql<Date>`'2026-05-01 12:00:00.123456+00'` })
      .where('id', 'in', made.slice(2, 6))
      .execute()
    const seen: { id: string; createdAt: string }[] = []
    let cursor: string | null = null
    do {
      const res: { body: { items: { id: string; createdAt: string }[]; nextCursor: string | null } } =
        await call(t.app, 'GET', `/api/v1/customers?limit=3${cursor ? `&cursor=${cursor}` : ''}`, {
          token: company.token,
        })
      seen.push(...res.body.items)
      cursor = res.body.nextCursor
    } while (cursor)
    const order = [...made.slice(0, 2), ...made.slice(6)].reverse().concat([...made.slice(2, 6)].reverse())
    expect(seen.map((c) => c.id)).toEqual(order)
  })

  it('needs view_customers to read and manage_customers to change', async () => {
    const made = (await post({ firstName: 'Guarded' })).body
    const readOnly = await userWithRole(t.app, admin, 'Read-only')
    expect((await call(t.app, 'GET', `/api/v1/customers/${made.id}`, { token: readOnly.token })).status).toBe(
      200,
    )
    const patch = await call(t.app, 'PATCH', `/api/v1/customers/${made.id}`, {
      token: readOnly.token,
      body: { notes: 'mine' },
    })
    expect(patch.status).toBe(403)
  })

  it("answers 404 for another company's customer", async () => {
    const other = await signup(t.app)
    const theirs = (await post({ firstName: 'Theirs' }, other)).body
    expect((await call(t.app, 'GET', `/api/v1/customers/${theirs.id}`, { token: admin.token })).status).toBe(
      404,
    )
  })

  it('keeps a timeline: created, then each update', async () => {
    const made = (await post({ firstName: 'Tim' })).body
    await call(t.app, 'PATCH', `/api/v1/customers/${made.id}`, {
      token: admin.token,
      body: { lastName: 'Line' },
    })
    const res = await call(t.app, 'GET', `/api/v1/customers/${made.id}/timeline`, { token: admin.token })
    expect(res.status).toBe(200)
    expect(res.body.items).toMatchObject([
      { type: 'created', actor: { userId: admin.userId, label: 'Admin' } },
      { type: 'updated', actor: { userId: admin.userId, label: 'Admin' }, detail: { fields: ['lastName'] } },
    ])
  })
})

describe('conversion from a lead', () => {
  it('carries the contact, source and campaign over and links both ways', async () => {
    const source = await createPartner(t.app, admin, seller('Converting Source'))
    const lead = await createLead(t.app, admin, source.id, {
      firstName: 'Vera',
      email: 'vera@example.test',
      address: { street: '1 Elm St', city: 'Tempe', region: 'AZ', postalCode: '85281' },
    })
    await call(t.app, 'PATCH', `/api/v1/leads/${lead.id}`, {
      token: admin.token,
      body: { assignedUserId: admin.userId },
    })
    const converted = await call(t.app, 'POST', `/api/v1/leads/${lead.id}/convert`, {
      token: admin.token,
      body: {},
    })
    expect(converted.status).toBe(201)
    const customer = converted.body.customer
    expect(customer).toMatchObject({
      firstName: 'Vera',
      email: 'vera@example.test',
      phone: lead.phone,
      address: { street: '1 Elm St', city: 'Tempe', region: 'AZ', postalCode: '85281', country: 'US' },
      partnerCompanyId: source.id,
      leadId: lead.id,
      officeLocationId: firstOffice,
    })
    const readLead = await call(t.app, 'GET', `/api/v1/leads/${lead.id}`, { token: admin.token })
    expect(readLead.body.customerId).toBe(customer.id)
    const events = await call(t.app, 'GET', `/api/v1/customers/${customer.id}/timeline`, {
      token: admin.token,
    })
    expect(events.body.items).toMatchObject([{ type: 'created', detail: { fromLeadId: lead.id } }])
    expect(await timelineTypes(t.app, admin, 'leads', lead.id)).toEqual(['created', 'assigned', 'converted'])
  })
})
