import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../../test/helpers/client.ts'
import { type Company, connect, deliveryIn, listeningCompany } from '../../../test/helpers/exchange.ts'
import { createLead } from '../../../test/helpers/leads.ts'
import { createPartner, leadSeller } from '../../../test/helpers/partners.ts'
import { eventually, startSmtp } from '../../../test/helpers/smtp.ts'

// Seed 004 over two real servers: a supplier distributes leads to a channel partner, which
// accepts or declines them; its default recipients get one email per distribution.
let smtp: Awaited<ReturnType<typeof startSmtp>>
let supplier: Company
let partner: Company
let link: Awaited<ReturnType<typeof connect>>
let source: string
beforeAll(async () => {
  smtp = await startSmtp()
  ;[supplier, partner] = await Promise.all([listeningCompany(), listeningCompany({ SMTP_URL: smtp.url })])
  link = await connect(supplier, partner)
  source = (await createPartner(supplier.t.app, supplier.admin)).id
  const rep = await call(partner.t.app, 'POST', '/api/v1/sales-reps', {
    token: partner.admin.token,
    body: { name: 'Field Rep', email: 'field@rep.test' },
  })
  await call(partner.t.app, 'PUT', '/api/v1/lead-management/notification-recipients', {
    token: partner.admin.token,
    body: { userIds: [partner.admin.userId], salesRepIds: [rep.body.id] },
  })
})
afterAll(async () => {
  await Promise.all([supplier.t.close(), partner.t.close()])
  await smtp.close()
})

const distribute = async (names: string[]) => {
  const leads = await Promise.all(
    names.map((firstName) =>
      createLead(supplier.t.app, supplier.admin, source, { firstName, lastName: 'Channel' }),
    ),
  )
  const res = await call(supplier.t.app, 'POST', '/api/v1/leads/distribute', {
    token: supplier.admin.token,
    body: { leadIds: leads.map((l) => l.id), partnerCompanyId: link.buyerAtSeller },
  })
  expect(res.status).toBe(202)
  const copies: string[] = []
  for (const d of res.body.deliveries)
    copies.push((await deliveryIn(supplier, d.id, 'delivered')).remoteId as string)
  return { leads, copies }
}
const atPartner = async (id: string) =>
  (await call(partner.t.app, 'GET', `/api/v1/leads/${id}`, { token: partner.admin.token })).body
const mailsAbout = (subject: string) => smtp.received.filter((r) => r.mail.subject?.includes(subject))
const supplierName = () => `Seller ${supplier.admin.slug}`
const timelineOf = async (id: string) =>
  (await call(supplier.t.app, 'GET', `/api/v1/leads/${id}/timeline`, { token: supplier.admin.token })).body
    .items as {
    type: string
    detail: Record<string, unknown>
  }[]

describe('distributed leads', () => {
  it('wait for acceptance, and the recipients get one email for the whole distribution', async () => {
    const { copies } = await distribute(['Ann', 'Bea', 'Cal'])
    for (const id of copies) expect((await atPartner(id)).location).toBe('awaiting_acceptance')
    expect(await eventually(() => mailsAbout(`3 new leads from ${supplierName()}`).length > 0)).toBe(true)
    await new Promise((r) => setTimeout(r, 1500))
    const mails = mailsAbout(`new leads from ${supplierName()}`)
    expect(mails).toHaveLength(1)
    expect(mails[0]?.envelopeTo.sort()).toEqual([partner.admin.email, 'field@rep.test'].sort())
    expect(mails[0]?.mail.text).toContain('/leads?location=awaiting_acceptance')
  })

  it('go straight to work with auto-accept on, and no email is sent', async () => {
    const patched = await call(partner.t.app, 'PATCH', `/api/v1/partner-companies/${link.sellerAtBuyer}`, {
      token: partner.admin.token,
      body: { autoAccept: true },
    })
    expect(patched.body.autoAccept).toBe(true)
    const before = smtp.received.length
    const { copies } = await distribute(['Dan', 'Eve'])
    for (const id of copies) expect((await atPartner(id)).location).toBe('queue')
    await new Promise((r) => setTimeout(r, 1500))
    expect(smtp.received.length).toBe(before)
    await call(partner.t.app, 'PATCH', `/api/v1/partner-companies/${link.sellerAtBuyer}`, {
      token: partner.admin.token,
      body: { autoAccept: false },
    })
  })

  it('accepted, go to the source’s location and the supplier hears of it', async () => {
    const { leads, copies } = await distribute(['Fay'])
    const accepted = await call(partner.t.app, 'POST', `/api/v1/leads/${copies[0]}/accept`, {
      token: partner.admin.token,
    })
    expect(accepted.status).toBe(200)
    expect(accepted.body.location).toBe('queue')
    expect(
      await eventually(async () =>
        (await timelineOf(leads[0]?.id as string)).some((e) => e.type === 'accepted'),
      ),
    ).toBe(true)
    const again = await call(partner.t.app, 'POST', `/api/v1/leads/${copies[0]}/accept`, {
      token: partner.admin.token,
    })
    expect(again.status).toBe(409)
  })

  it('declined, go back to the supplier’s Pending list with the reason', async () => {
    const { leads, copies } = await distribute(['Gus'])
    const declined = await call(partner.t.app, 'POST', `/api/v1/leads/${copies[0]}/decline`, {
      token: partner.admin.token,
      body: { reason: 'Outside our territory' },
    })
    expect(declined.status).toBe(200)
    expect(declined.body.location).toBe('returned')
    const id = leads[0]?.id as string
    expect(
      await eventually(
        async () =>
          (await call(supplier.t.app, 'GET', `/api/v1/leads/${id}`, { token: supplier.admin.token })).body
            .location === 'pending',
      ),
    ).toBe(true)
    const event = (await timelineOf(id)).find((e) => e.type === 'declined')
    expect(event?.detail).toMatchObject({
      reason: 'Outside our territory',
      declinedBy: `Buyer ${partner.admin.slug}`,
    })
    const noReason = await call(partner.t.app, 'POST', `/api/v1/leads/${copies[0]}/decline`, {
      token: partner.admin.token,
      body: { reason: '' },
    })
    expect(noReason.status).toBe(400)
  })
})

describe('assigned by supplier', () => {
  const recipients = async () =>
    (
      await call(partner.t.app, 'GET', '/api/v1/lead-management/notification-recipients', {
        token: partner.admin.token,
      })
    ).body.assignedBySupplier
  const me = async () =>
    (await call(supplier.t.app, 'GET', '/api/v1/me', { token: supplier.admin.token })).body.user as {
      name: string
      email: string
    }

  it('is the user who distributed, unless the supplier names its nominee, as the partner sees it', async () => {
    await distribute(['Ned'])
    const { name, email } = await me()
    expect(await recipients()).toEqual({ name, email })
    const lead = await createLead(supplier.t.app, supplier.admin, source, { firstName: 'Ola' })
    const res = await call(supplier.t.app, 'POST', '/api/v1/leads/distribute', {
      token: supplier.admin.token,
      body: {
        leadIds: [lead.id],
        partnerCompanyId: link.buyerAtSeller,
        nominee: { name: 'Channel Manager', email: 'channel@supplier.test' },
      },
    })
    expect(res.status).toBe(202)
    await deliveryIn(supplier, res.body.deliveries[0].id, 'delivered')
    expect(await recipients()).toEqual({ name: 'Channel Manager', email: 'channel@supplier.test' })
    const bad = await call(supplier.t.app, 'POST', '/api/v1/leads/distribute', {
      token: supplier.admin.token,
      body: { leadIds: [lead.id], partnerCompanyId: link.buyerAtSeller, nominee: { name: 'X', email: 'no' } },
    })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('nominee.email')
  })
})

describe('acceptance reminders', () => {
  it("remind the recipients once of what still waits after the company's reminder hours", async () => {
    const set = await call(partner.t.app, 'PUT', '/api/v1/lead-management/settings', {
      token: partner.admin.token,
      body: { acceptanceReminderHours: 2 },
    })
    expect(set.body).toEqual({ acceptanceReminderHours: 2 })
    const { copies } = await distribute(['Hal', 'Ida'])
    expect(await eventually(() => mailsAbout(`2 new leads from ${supplierName()}`).length === 1)).toBe(true)
    await call(partner.t.app, 'POST', `/api/v1/leads/${copies[0]}/accept`, { token: partner.admin.token })
    await sql`update distribution_batches set first_at = now() - interval '3 hours'
      where ${copies[1]}::uuid = any(lead_ids)`.execute(partner.t.ctx.db)
    const remind = () => partner.t.ctx.jobs.boss.send('lead-management.acceptance-reminders', {})
    await remind()
    const reminders = () => mailsAbout(`Reminder: 1 lead from ${supplierName()}`)
    expect(await eventually(() => reminders().length === 1)).toBe(true)
    expect(reminders()[0]?.mail.text).toContain('Ida')
    expect(reminders()[0]?.mail.text).not.toContain('Hal')
    await remind()
    await new Promise((r) => setTimeout(r, 2000))
    expect(mailsAbout('Reminder:')).toHaveLength(1)
  })
})

describe('auto-registration with the supplier', () => {
  const rules = '/api/v1/lead-management/auto-registration'
  let own: string
  const partnerLead = (extra: Record<string, unknown>) => createLead(partner.t.app, partner.admin, own, extra)
  const registeredAtSupplier = async (lastName: string) =>
    (
      await call(
        supplier.t.app,
        'GET',
        `/api/v1/leads?partnerCompanyId=${link.buyerAtSeller}&q=${lastName}`,
        {
          token: supplier.admin.token,
        },
      )
    ).body.items as { id: string; location: string }[]
  const registrations = async () =>
    (
      await call(
        partner.t.app,
        'GET',
        `/api/v1/deliveries?partnerCompanyId=${link.sellerAtBuyer}&limit=200`,
        {
          token: partner.admin.token,
        },
      )
    ).body.items.filter((d: { kind: string }) => d.kind === 'lead.registered') as {
      recordId: string
      state: string
    }[]
  const setRules = (body: Record<string, unknown>) =>
    call(partner.t.app, 'PUT', rules, { token: partner.admin.token, body })
  const inArizona = { rules: [{ field: 'region', operator: 'equals', value: 'AZ' }] }

  beforeAll(async () => {
    own = (await createPartner(partner.t.app, partner.admin, { ...leadSeller('Own Leads') })).id
    expect(
      (await setRules({ mode: 'own', supplierPartnerCompanyId: link.sellerAtBuyer, groups: [inArizona] }))
        .status,
    ).toBe(200)
  })

  it('registers a matching lead once, into the supplier’s Pending list, however often it is updated', async () => {
    const lead = await partnerLead({
      firstName: 'Reg',
      lastName: 'Onceonly',
      address: { region: 'AZ', country: 'US' },
    })
    expect(await eventually(async () => (await registeredAtSupplier('Onceonly')).length === 1)).toBe(true)
    expect((await registeredAtSupplier('Onceonly'))[0]?.location).toBe('pending')
    for (let i = 0; i < 10; i++) {
      const res = await call(partner.t.app, 'PATCH', `/api/v1/leads/${lead.id}`, {
        token: partner.admin.token,
        body: { notes: `update ${i}` },
      })
      expect(res.status).toBe(200)
    }
    await new Promise((r) => setTimeout(r, 2000))
    expect((await registrations()).filter((d) => d.recordId === lead.id)).toHaveLength(1)
    expect(await registeredAtSupplier('Onceonly')).toHaveLength(1)
    const copy = (await registeredAtSupplier('Onceonly'))[0]?.id as string
    const timeline = (
      await call(supplier.t.app, 'GET', `/api/v1/leads/${copy}/timeline`, { token: supplier.admin.token })
    ).body
    expect(timeline.items.find((e: { type: string }) => e.type === 'registered')?.detail.registeredBy).toBe(
      `Buyer ${partner.admin.slug}`,
    )
  })

  it('never registers a lead of an ignored company', async () => {
    await call(partner.t.app, 'POST', '/api/v1/ignored-companies', {
      token: partner.admin.token,
      body: { name: 'Globex Corp.' },
    })
    const lead = await partnerLead({
      lastName: 'Ignoredco',
      companyName: 'GLOBEX corp',
      address: { region: 'AZ', country: 'US' },
    })
    await new Promise((r) => setTimeout(r, 2500))
    expect((await registrations()).filter((d) => d.recordId === lead.id)).toHaveLength(0)
    expect(await registeredAtSupplier('Ignoredco')).toHaveLength(0)
  })

  it('touches no old lead when the rules change; an old lead is judged at its next update', async () => {
    const lead = await partnerLead({ lastName: 'Oldlead', address: { region: 'NM', country: 'US' } })
    await new Promise((r) => setTimeout(r, 1500))
    const inNewMexico = { rules: [{ field: 'region', operator: 'equals', value: 'NM' }] }
    await setRules({ mode: 'own', supplierPartnerCompanyId: link.sellerAtBuyer, groups: [inNewMexico] })
    await new Promise((r) => setTimeout(r, 2000))
    expect(await registeredAtSupplier('Oldlead')).toHaveLength(0)
    await call(partner.t.app, 'PATCH', `/api/v1/leads/${lead.id}`, {
      token: partner.admin.token,
      body: { notes: 'touched' },
    })
    expect(await eventually(async () => (await registeredAtSupplier('Oldlead')).length === 1)).toBe(true)
  })

  it('follows the supplier’s rules in supplier-managed mode, sent as rules.updated', async () => {
    const inTucson = { rules: [{ field: 'city', operator: 'equals', value: 'tucson' }] }
    const sent = await call(
      supplier.t.app,
      'PUT',
      `/api/v1/partner-companies/${link.buyerAtSeller}/registration-rules`,
      {
        token: supplier.admin.token,
        body: { groups: [inTucson] },
      },
    )
    expect(sent.status).toBe(202)
    const kept = await call(
      supplier.t.app,
      'GET',
      `/api/v1/partner-companies/${link.buyerAtSeller}/registration-rules`,
      { token: supplier.admin.token },
    )
    expect(kept.body).toMatchObject({ groups: [inTucson], deliveryId: sent.body.deliveryId })
    expect(kept.body.sentAt).toEqual(expect.any(String))
    await deliveryIn(supplier, sent.body.deliveryId, 'delivered')
    expect(
      (await setRules({ mode: 'supplier', supplierPartnerCompanyId: link.sellerAtBuyer })).body.groups,
    ).toEqual([inTucson])
    await partnerLead({ lastName: 'Tucsonian', address: { city: 'Tucson', region: 'AZ', country: 'US' } })
    await partnerLead({ lastName: 'Phoenician', address: { city: 'Phoenix', region: 'AZ', country: 'US' } })
    expect(await eventually(async () => (await registeredAtSupplier('Tucsonian')).length === 1)).toBe(true)
    expect(await registeredAtSupplier('Phoenician')).toHaveLength(0)
  })
})
