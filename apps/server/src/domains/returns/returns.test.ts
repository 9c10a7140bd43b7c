import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'
import { createPartner } from '../../../test/helpers/partners.ts'
import { eventually, startSmtp } from '../../../test/helpers/smtp.ts'

let smtp: Awaited<ReturnType<typeof startSmtp>>
let t: TestApp
let admin: Session
beforeAll(async () => {
  smtp = await startSmtp()
  t = await startTestApp({ SMTP_URL: smtp.url, MAIL_RETRY_DELAY_SECONDS: '1' })
  admin = await signup(t.app)
})
afterAll(async () => {
  await t.close()
  await smtp.close()
})

let phone = 1000
const newLead = async (partnerCompanyId: string, firstName = 'Lead') =>
  (
    await call(t.app, 'POST', '/api/v1/leads', {
      token: admin.token,
      body: { partnerCompanyId, firstName, phone: `+1 602 555 ${phone++}` },
    })
  ).body as { id: string; number: number }

const seller = (name: string, extra: Record<string, unknown> = {}) =>
  createPartner(t.app, admin, {
    name,
    sellsLeads: {
      enabled: true,
      defaultLeadLocation: 'queue',
      returnNotificationEmails: [`returns@${name}.test`],
      ...extra,
    },
  })

const returnLeads = (body: unknown, session: Session = admin) =>
  call(t.app, 'POST', '/api/v1/leads/return', { token: session.token, body })

const mailTo = (address: string) => smtp.received.filter((r) => r.envelopeTo.includes(address))

describe('returning leads', () => {
  it('returns each lead it may, reports the others by id, and mails each source once per batch', async () => {
    const withComments = await seller('alpha', { includeCallCenterCommentsWithReturn: true })
    const withoutComments = await seller('bravo', { includeCallCenterCommentsWithReturn: false })
    const a1 = await newLead(withComments.id, 'Ann')
    const a2 = await newLead(withComments.id, 'Abe')
    const b1 = await newLead(withoutComments.id, 'Bea')
    const converted = await newLead(withComments.id, 'Cora')
    await call(t.app, 'PATCH', `/api/v1/leads/${converted.id}`, {
      token: admin.token,
      body: { assignedUserId: admin.userId },
    })
    await call(t.app, 'POST', `/api/v1/leads/${converted.id}/convert`, { token: admin.token, body: {} })
    const other = await signup(t.app)
    const foreignSource = await createPartner(t.app, other, {
      name: 'Foreign',
      sellsLeads: { enabled: true, defaultLeadLocation: 'queue' },
    })
    const foreign = (
      await call(t.app, 'POST', '/api/v1/leads', {
        token: other.token,
        body: { partnerCompanyId: foreignSource.id, firstName: 'F', phone: '+1 602 555 0999' },
      })
    ).body
    const unknown = '01900000-0000-7000-8000-000000000000'

    const res = await returnLeads({
      leadIds: [a1.id, a2.id, b1.id, converted.id, foreign.id, unknown],
      reason: 'Not interested',
      callCenterComments: 'Hung up twice',
    })
    expect(res.status).toBe(200)
    expect(res.body.returned.sort()).toEqual([a1.id, a2.id, b1.id].sort())
    expect(res.body.failed).toEqual([
      { id: converted.id, detail: 'The lead is already converted' },
      { id: foreign.id, detail: 'No such lead' },
      { id: unknown, detail: 'No such lead' },
    ])

    expect(
      await eventually(
        () => mailTo('returns@alpha.test').length > 0 && mailTo('returns@bravo.test').length > 0,
      ),
    ).toBe(true)
    const alpha = mailTo('returns@alpha.test')
    expect(alpha).toHaveLength(1)
    expect(alpha[0]?.mail.text).toContain(`Lead ${a1.number}`)
    expect(alpha[0]?.mail.text).toContain(`Lead ${a2.number}`)
    expect(alpha[0]?.mail.text).toContain('Not interested')
    expect(alpha[0]?.mail.text).toContain('Hung up twice')
    const bravo = mailTo('returns@bravo.test')
    expect(bravo).toHaveLength(1)
    expect(bravo[0]?.mail.text).toContain(`Lead ${b1.number}`)
    expect(bravo[0]?.mail.text).not.toContain('Hung up twice')
  })

  it("uses the source's auto-response message campaign when it has one", async () => {
    const template = await call(t.app, 'POST', '/api/v1/message-campaigns', {
      token: admin.token,
      body: {
        name: 'Charlie returns',
        subject: 'AUTO {{return.reason}} x{{return.count}}',
        body: 'Sorry {{partnerCompany.name}}: {{return.comments}}',
      },
    })
    const auto = await seller('charlie', {
      includeCallCenterCommentsWithReturn: true,
      autoResponseMessageCampaignId: template.body.id,
    })
    const lead = await newLead(auto.id)
    await returnLeads({ leadIds: [lead.id], reason: 'Duplicate', callCenterComments: 'Seen before' })
    expect(await eventually(() => mailTo('returns@charlie.test').length > 0)).toBe(true)
    const got = mailTo('returns@charlie.test')[0]
    expect(got?.mail.subject).toBe('AUTO Duplicate x1')
    expect(got?.mail.text).toContain('Sorry charlie: Seen before')
    // The template shows the comments itself: they are not added a second time.
    expect(got?.mail.text?.split('Seen before')).toHaveLength(2)
  })

  it('adds the comments to an auto-response whose template lacks them, when the source says so', async () => {
    const template = await call(t.app, 'POST', '/api/v1/message-campaigns', {
      token: admin.token,
      body: { name: 'Echo returns', subject: 'Returned', body: 'Sorry {{partnerCompany.name}}.' },
    })
    const auto = await seller('echo', {
      includeCallCenterCommentsWithReturn: true,
      autoResponseMessageCampaignId: template.body.id,
    })
    const lead = await newLead(auto.id)
    await returnLeads({
      leadIds: [lead.id],
      reason: 'Duplicate',
      callCenterComments: 'Called <twice> & hung up',
    })
    expect(await eventually(() => mailTo('returns@echo.test').length > 0)).toBe(true)
    const got = mailTo('returns@echo.test')[0]
    expect(got?.mail.text).toContain('Sorry echo.')
    expect(got?.mail.text).toContain('Called <twice> & hung up')
    expect(got?.mail.html).toContain('Called &lt;twice&gt; &amp; hung up')
  })

  it('takes returned leads out of the queue and open work, keeping their timeline', async () => {
    const source = await seller('delta')
    const lead = await newLead(source.id)
    await returnLeads({ leadIds: [lead.id], reason: 'Duplicate' })
    const queue = await call(t.app, 'GET', `/api/v1/leads?location=queue&partnerCompanyId=${source.id}`, {
      token: admin.token,
    })
    expect(queue.body.items).toEqual([])
    const got = await call(t.app, 'GET', `/api/v1/leads/${lead.id}`, { token: admin.token })
    expect(got.body).toMatchObject({ location: 'returned', returnReason: 'Duplicate' })
    const timeline = await call(t.app, 'GET', `/api/v1/leads/${lead.id}/timeline`, { token: admin.token })
    expect(timeline.body.items.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'returned',
      'return_notification',
    ])
    const again = await returnLeads({ leadIds: [lead.id], reason: 'Duplicate' })
    expect(again.body.failed).toEqual([{ id: lead.id, detail: 'The lead is already returned' }])
  })

  it("refuses a lead older than its source's return window", async () => {
    const source = await seller('echo', { returnWindowDays: 3 })
    const old = await newLead(source.id)
    const fresh = await newLead(source.id)
    await t.ctx.db
      .updateTable('leads')
      .set({ created_at: new Date(Date.now() - 4 * 86_400_000) })
      .where('id', '=', old.id)
      .execute()
    const res = await returnLeads({ leadIds: [old.id, fresh.id], reason: 'Duplicate' })
    expect(res.body.returned).toEqual([fresh.id])
    expect(res.body.failed[0].detail).toContain('return window of 3 days')
  })

  it('takes only a reason from the company list, and bad input is a 400 that changes nothing', async () => {
    const source = await seller('foxtrot')
    const lead = await newLead(source.id)
    const unlisted = await returnLeads({ leadIds: [lead.id], reason: 'Because' })
    expect(unlisted.status).toBe(422)
    expect(unlisted.body.errors[0].path).toBe('reason')
    expect((await returnLeads({ leadIds: [], reason: 'Duplicate' })).status).toBe(400)
    const thousand = Array.from({ length: 1000 }, () => lead.id)
    expect((await returnLeads({ leadIds: thousand, reason: 'Duplicate' })).status).toBe(400)
    const long = await returnLeads({
      leadIds: [lead.id],
      reason: 'Duplicate',
      callCenterComments: 'x'.repeat(2001),
    })
    expect(long.status).toBe(400)
    expect(long.body.errors[0].path).toBe('callCenterComments')
    expect((await call(t.app, 'GET', `/api/v1/leads/${lead.id}`, { token: admin.token })).body.location).toBe(
      'queue',
    )
  })

  it('needs the return permission', async () => {
    const rep = await userWithRole(t.app, admin, 'Lead rep')
    const lead = await newLead((await seller('golf')).id)
    expect((await returnLeads({ leadIds: [lead.id], reason: 'Duplicate' }, rep)).status).toBe(403)
  })
})

describe('returning customers', () => {
  it('returns a purchased customer to its source, which is emailed', async () => {
    const offices = await call(t.app, 'GET', '/api/v1/office-locations', { token: admin.token })
    const source = await createPartner(t.app, admin, {
      name: 'hotel',
      sellsCustomers: {
        enabled: true,
        defaultOfficeLocationId: offices.body.items[0].id,
        returnNotificationEmails: ['returns@hotel.test'],
      },
    })
    const customer = await call(t.app, 'POST', '/api/v1/customers', {
      token: admin.token,
      body: { partnerCompanyId: source.id, firstName: 'Hal', email: 'hal@example.test' },
    })
    const ownCustomer = await call(t.app, 'POST', '/api/v1/customers', {
      token: admin.token,
      body: { firstName: 'Ida', email: 'ida@example.test' },
    })
    const res = await call(t.app, 'POST', '/api/v1/customers/return', {
      token: admin.token,
      body: { customerIds: [customer.body.id, ownCustomer.body.id], reason: 'Not interested' },
    })
    expect(res.body.returned).toEqual([customer.body.id])
    expect(res.body.failed).toEqual([
      { id: ownCustomer.body.id, detail: 'The customer has no source to return it to' },
    ])
    expect(await eventually(() => mailTo('returns@hotel.test').length > 0)).toBe(true)
    expect(mailTo('returns@hotel.test')[0]?.mail.text).toContain(`Customer ${customer.body.number}`)
    const got = await call(t.app, 'GET', `/api/v1/customers/${customer.body.id}`, { token: admin.token })
    expect(got.body).toMatchObject({ status: 'returned', returnReason: 'Not interested' })
  })
})

describe('purchase notifications', () => {
  it('a new lead from a source with purchase notification emails is mailed to them with a link', async () => {
    const source = await seller('india', { purchaseNotificationEmails: ['buyers@india.test'] })
    const lead = await newLead(source.id, 'Pia')
    expect(await eventually(() => mailTo('buyers@india.test').length > 0)).toBe(true)
    const got = mailTo('buyers@india.test')
    expect(got).toHaveLength(1)
    expect(got[0]?.mail.subject).toBe(`New lead ${lead.number} from india`)
    expect(got[0]?.mail.text).toContain(`/leads/${lead.id}`)
    const timeline = await call(t.app, 'GET', `/api/v1/leads/${lead.id}/timeline`, { token: admin.token })
    expect(timeline.body.items.map((e: { type: string }) => e.type)).toContain('purchase_notification')
  })

  it('a new customer from a source with purchase notification emails is mailed to them', async () => {
    const offices = await call(t.app, 'GET', '/api/v1/office-locations', { token: admin.token })
    const source = await createPartner(t.app, admin, {
      name: 'juliet',
      sellsCustomers: {
        enabled: true,
        defaultOfficeLocationId: offices.body.items[0].id,
        purchaseNotificationEmails: ['buyers@juliet.test'],
      },
    })
    const customer = await call(t.app, 'POST', '/api/v1/customers', {
      token: admin.token,
      body: { partnerCompanyId: source.id, firstName: 'Jo', email: 'jo@example.test' },
    })
    expect(await eventually(() => mailTo('buyers@juliet.test').length > 0)).toBe(true)
    expect(mailTo('buyers@juliet.test')[0]?.mail.subject).toBe(
      `New customer ${customer.body.number} from juliet`,
    )
  })
})
