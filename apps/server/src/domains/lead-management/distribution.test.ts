import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../../test/helpers/client.ts'
import { type Company, connect, deliveryIn, listeningCompany } from '../../../test/helpers/exchange.ts'
import { createLead } from '../../../test/helpers/leads.ts'
import { createPartner } from '../../../test/helpers/partners.ts'
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
