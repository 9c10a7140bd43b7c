import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, type Session, signup } from '../../../test/helpers/client.ts'
import { createLead } from '../../../test/helpers/leads.ts'
import { createPartner } from '../../../test/helpers/partners.ts'
import { eventually, startSmtp } from '../../../test/helpers/smtp.ts'

// Buys Leads with delivery method `email`: the sale notification emails receive the records.
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

describe('selling by email', () => {
  it('mails every sold lead, every field a buyer needs, in one email per sale; the deliveries follow the mail', async () => {
    const source = await createPartner(t.app, admin)
    const buyer = await createPartner(t.app, admin, {
      name: 'Mailbox Buyer',
      buysLeads: {
        enabled: true,
        deliveryMethod: 'email',
        saleNotificationEmails: ['sales@buyer.test', 'ops@buyer.test'],
      },
    })
    const leads = [
      await createLead(t.app, admin, source.id, {
        firstName: 'Mira',
        lastName: 'Mailed',
        email: 'mira@example.test',
        address: { street: '1 Elm St', city: 'Phoenix', region: 'AZ', postalCode: '85001', country: 'US' },
      }),
      await createLead(t.app, admin, source.id, { firstName: 'Milo', lastName: '<b>Mailed</b>' }),
    ]
    const sale = await call(t.app, 'POST', '/api/v1/leads/sell', {
      token: admin.token,
      body: { leadIds: leads.map((l) => l.id), partnerCompanyId: buyer.id, price: '20' },
    })
    expect(sale.status).toBe(202)
    expect(sale.body.deliveries).toHaveLength(2)
    expect(await eventually(() => smtp.received.some((r) => r.envelopeTo.includes('sales@buyer.test')))).toBe(
      true,
    )
    const mails = smtp.received.filter((r) => r.envelopeTo.includes('sales@buyer.test'))
    expect(mails).toHaveLength(1)
    const mail = mails[0]?.mail
    expect(mail?.to && JSON.stringify(mail.to)).toContain('ops@buyer.test')
    for (const text of [
      'Mira',
      'Mailed',
      'mira@example.test',
      '1 Elm St',
      'Phoenix',
      'AZ',
      '85001',
      'Milo',
    ]) {
      expect(mail?.text).toContain(text)
    }
    expect(mail?.html).toContain('&lt;b&gt;Mailed&lt;/b&gt;')
    expect(mail?.html).not.toContain('<b>Mailed</b>')
    const delivered = await eventually(async () => {
      const list = await call(t.app, 'GET', `/api/v1/deliveries?partnerCompanyId=${buyer.id}`, {
        token: admin.token,
      })
      return (
        list.body.items.length === 2 &&
        list.body.items.every(
          (d: { state: string; method: string }) => d.state === 'delivered' && d.method === 'email',
        )
      )
    })
    expect(delivered).toBe(true)
    const timeline = await call(t.app, 'GET', `/api/v1/leads/${leads[0]?.id}/timeline`, {
      token: admin.token,
    })
    const sold = timeline.body.items.find((e: { type: string }) => e.type === 'sold')
    expect(sold.detail).toMatchObject({ partnerName: 'Mailbox Buyer', method: 'email', price: '20' })
  })

  it('sends nothing and sells nothing when the sale is refused', async () => {
    const before = smtp.received.length
    const res = await call(t.app, 'POST', '/api/v1/leads/sell', {
      token: admin.token,
      body: { leadIds: ['not-a-uuid'], partnerCompanyId: admin.companyId },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].path).toBe('leadIds.0')
    expect(smtp.received.length).toBe(before)
  })
})
