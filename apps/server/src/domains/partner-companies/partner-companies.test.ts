import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, isProblem, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'
import { createPartner, leadSeller } from '../../../test/helpers/partners.ts'

let t: TestApp
let admin: Session
beforeAll(async () => {
  t = await startTestApp()
  admin = await signup(t.app)
})
afterAll(() => t.close())

const post = (body: unknown, session: Session = admin) =>
  call(t.app, 'POST', '/api/v1/partner-companies', { token: session.token, body })
const patch = (id: string, body: unknown) =>
  call(t.app, 'PATCH', `/api/v1/partner-companies/${id}`, { token: admin.token, body })
const paths = (res: { body: { errors?: { path: string }[] } }) => (res.body.errors ?? []).map((e) => e.path)

async function officeLocationId(session: Session = admin): Promise<string> {
  const res = await call(t.app, 'GET', '/api/v1/office-locations', { token: session.token })
  return res.body.items[0].id
}

async function messageCampaign(session: Session = admin) {
  const res = await call(t.app, 'POST', '/api/v1/message-campaigns', {
    token: session.token,
    body: {
      name: `Auto ${Date.now()}${Math.random()}`,
      subject: 'Returned',
      body: 'Hello {{partnerCompany.name}}',
    },
  })
  return res.body.id as string
}

describe('creating a partner company', () => {
  it('needs only a name; every section starts off', async () => {
    const res = await post({ name: 'Plain Partner' })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ name: 'Plain Partner', kind: 'outside', active: true, tags: [] })
    for (const section of ['sellsLeads', 'sellsCustomers', 'buysLeads', 'buysCustomers']) {
      expect(res.body[section].enabled).toBe(false)
    }
    expect(res.body.access).toMatchObject({ allowLogin: false, username: null, passwordSet: false })
    expect(res.body.access.loginUrl).toContain(`/login?company=${admin.slug}`)
  })

  it('refuses a missing name with a field error', async () => {
    const res = await post({ kind: 'outside' })
    expect(res.status).toBe(400)
    expect(isProblem(res)).toBe(true)
    expect(paths(res)).toContain('name')
  })

  it('stores every Sells Leads setting', async () => {
    const res = await post({
      ...leadSeller('Seller Settings'),
      sellsLeads: {
        enabled: true,
        defaultLeadLocation: 'pending',
        forceDefaultLeadLocation: true,
        purchaseNotificationEmails: ['buy@seller.test'],
        returnNotificationEmails: ['returns@seller.test', 'ops@seller.test'],
        includeCallCenterCommentsWithReturn: true,
        leadQueuePriority: 'medium',
        returnWindowDays: 14,
      },
    })
    expect(res.status).toBe(201)
    expect(res.body.sellsLeads).toEqual({
      enabled: true,
      defaultLeadLocation: 'pending',
      forceDefaultLeadLocation: true,
      purchaseNotificationEmails: ['buy@seller.test'],
      returnNotificationEmails: ['returns@seller.test', 'ops@seller.test'],
      includeCallCenterCommentsWithReturn: true,
      autoResponseMessageCampaignId: null,
      leadQueuePriority: 'medium',
      returnWindowDays: 14,
    })
  })
})

describe('Sells Leads section', () => {
  it('requires a default lead location when on', async () => {
    const res = await post({ name: 'No Location', sellsLeads: { enabled: true } })
    expect(res.status).toBe(400)
    expect(paths(res)).toEqual(['sellsLeads.defaultLeadLocation'])
  })

  it('is not validated while off', async () => {
    const res = await post({ name: 'Off Section', sellsLeads: { enabled: false } })
    expect(res.status).toBe(201)
  })

  it('allows only pending or queue and normal, medium or high priority', async () => {
    const bad = await post({
      name: 'Bad Values',
      sellsLeads: { enabled: true, defaultLeadLocation: 'assigned', leadQueuePriority: 'urgent' },
    })
    expect(bad.status).toBe(400)
    expect(paths(bad)).toEqual(
      expect.arrayContaining(['sellsLeads.defaultLeadLocation', 'sellsLeads.leadQueuePriority']),
    )
  })

  it('names the exact bad address in an email list', async () => {
    const res = await post({
      ...leadSeller('Bad Emails'),
      sellsLeads: { ...leadSeller().sellsLeads, returnNotificationEmails: ['ok@x.test', 'not-an-email'] },
    })
    expect(res.status).toBe(400)
    expect(paths(res)).toEqual(['sellsLeads.returnNotificationEmails.1'])
  })

  it('takes an auto-response only from a message campaign of the same company', async () => {
    const other = await signup(t.app)
    const foreign = await messageCampaign(other)
    const refused = await post({
      ...leadSeller('Foreign Template'),
      sellsLeads: { ...leadSeller().sellsLeads, autoResponseMessageCampaignId: foreign },
    })
    expect(refused.status).toBe(422)
    expect(paths(refused)).toEqual(['sellsLeads.autoResponseMessageCampaignId'])
    const own = await messageCampaign()
    const ok = await post({
      ...leadSeller('Own Template'),
      sellsLeads: { ...leadSeller().sellsLeads, autoResponseMessageCampaignId: own },
    })
    expect(ok.status).toBe(201)
    expect(ok.body.sellsLeads.autoResponseMessageCampaignId).toBe(own)
  })
})

describe('Sells Customers section', () => {
  it('requires a default office location when on', async () => {
    const res = await post({ name: 'Customer Seller', sellsCustomers: { enabled: true } })
    expect(res.status).toBe(400)
    expect(paths(res)).toEqual(['sellsCustomers.defaultOfficeLocationId'])
  })

  it("refuses another company's office location and takes its own", async () => {
    const other = await signup(t.app)
    const refused = await post({
      name: 'Foreign Office',
      sellsCustomers: { enabled: true, defaultOfficeLocationId: await officeLocationId(other) },
    })
    expect(refused.status).toBe(422)
    expect(paths(refused)).toEqual(['sellsCustomers.defaultOfficeLocationId'])
    const ok = await post({
      name: 'Own Office',
      sellsCustomers: { enabled: true, defaultOfficeLocationId: await officeLocationId() },
    })
    expect(ok.status).toBe(201)
  })
})

describe('Buys Leads and Buys Customers sections', () => {
  for (const section of ['buysLeads', 'buysCustomers'] as const) {
    it(`${section}: email delivery needs at least one sale notification email`, async () => {
      const refused = await post({
        name: `${section} email`,
        [section]: { enabled: true, deliveryMethod: 'email' },
      })
      expect(refused.status).toBe(400)
      expect(paths(refused)).toEqual([`${section}.saleNotificationEmails`])
      const ok = await post({
        name: `${section} email ok`,
        [section]: { enabled: true, deliveryMethod: 'email', saleNotificationEmails: ['sales@buyer.test'] },
      })
      expect(ok.status).toBe(201)
    })

    it(`${section}: exchange delivery needs Post URL, Source ID and secret`, async () => {
      const refused = await post({
        name: `${section} exchange`,
        [section]: { enabled: true, deliveryMethod: 'exchange' },
      })
      expect(refused.status).toBe(400)
      expect(paths(refused).sort()).toEqual([
        `${section}.postUrl`,
        `${section}.secret`,
        `${section}.sourceId`,
      ])
      const relative = await post({
        name: `${section} relative`,
        [section]: { enabled: true, postUrl: '/api/v1/exchange/x', sourceId: 'S1', secret: 'a'.repeat(32) },
      })
      expect(relative.status).toBe(400)
      expect(paths(relative)).toEqual([`${section}.postUrl`])
      // A whsec_ secret cut short or mistyped would sign nothing: every delivery would fail.
      const damaged = await post({
        name: `${section} damaged secret`,
        [section]: {
          enabled: true,
          postUrl: 'https://buyer.example/api/v1/exchange/buyer',
          sourceId: 'SRC-1',
          secret: 'whsec_a-secret-that-is-long-enough',
        },
      })
      expect(damaged.status).toBe(400)
      expect(paths(damaged)).toEqual([`${section}.secret`])
      const ok = await post({
        name: `${section} exchange ok`,
        [section]: {
          enabled: true,
          postUrl: 'https://buyer.example/api/v1/exchange/buyer',
          sourceId: 'SRC-1',
          secret: 'whsec_0123456789abcdef0123',
        },
      })
      expect(ok.status).toBe(201)
      expect(ok.body[section]).toMatchObject({
        postUrl: 'https://buyer.example/api/v1/exchange/buyer',
        secretSet: true,
      })
    })
  }

  it('never returns the secret, and keeps it sealed at rest', async () => {
    const secret = `whsec_${Buffer.from('never shown anywhere 0001').toString('base64')}`
    const res = await post({
      name: 'Secret Keeper',
      buysLeads: { enabled: true, postUrl: 'https://b.example/x', sourceId: 'S', secret },
    })
    expect(JSON.stringify(res.body)).not.toContain(secret)
    const list = await call(t.app, 'GET', '/api/v1/partner-companies', { token: admin.token })
    expect(JSON.stringify(list.body)).not.toContain(secret)
    const row = await t.ctx.db
      .selectFrom('partner_companies')
      .select('bl_secret')
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow()
    expect(row.bl_secret).not.toContain(secret)
    expect(t.ctx.secrets.open(row.bl_secret as string)).toBe(secret)
    expect(t.logLines.join('')).not.toContain(secret)
  })
})

describe('updating', () => {
  it('merges each section field by field', async () => {
    const created = await createPartner(t.app, admin, leadSeller('Merge Me'))
    const res = await patch(created.id, {
      sellsLeads: { leadQueuePriority: 'normal' },
      notes: 'Solid source',
    })
    expect(res.status).toBe(200)
    expect(res.body.sellsLeads).toMatchObject({
      enabled: true,
      defaultLeadLocation: 'queue',
      leadQueuePriority: 'normal',
    })
    expect(res.body.notes).toBe('Solid source')
    expect(res.body.contactPerson).toBe('Alice Abbott')
  })

  it('validates the merged result and changes nothing when it fails', async () => {
    const created = await createPartner(t.app, admin, { name: 'Half Buyer' })
    const res = await patch(created.id, {
      name: 'Renamed',
      buysLeads: { enabled: true, deliveryMethod: 'email' },
    })
    expect(res.status).toBe(400)
    const after = await call(t.app, 'GET', `/api/v1/partner-companies/${created.id}`, { token: admin.token })
    expect(after.body.name).toBe('Half Buyer')
    expect(after.body.buysLeads.enabled).toBe(false)
  })

  it('keeps a stored secret when other fields change', async () => {
    const created = await createPartner(t.app, admin, {
      name: 'Keeps Secret',
      buysLeads: { enabled: true, postUrl: 'https://b.example/x', sourceId: 'S', secret: 's'.repeat(20) },
    })
    const res = await patch(created.id, { buysLeads: { sourceId: 'S2' } })
    expect(res.status).toBe(200)
    expect(res.body.buysLeads).toMatchObject({ sourceId: 'S2', secretSet: true })
  })

  it('refuses fields the API does not have (no mass assignment)', async () => {
    const created = await createPartner(t.app, admin, { name: 'Strict' })
    const res = await patch(created.id, { companyId: admin.companyId, id: created.id })
    expect(res.status).toBe(400)
  })
})

describe('lists', () => {
  it('filter by role, tag, search and active, a page at a time', async () => {
    const own = await signup(t.app)
    const seller = await createPartner(t.app, own, leadSeller('Zeta Leads'))
    await createPartner(t.app, own, { ...leadSeller('Inactive Leads'), active: false })
    await createPartner(t.app, own, {
      name: 'Beta Buyers',
      buysLeads: { enabled: true, deliveryMethod: 'email', saleNotificationEmails: ['b@b.test'] },
    })
    const tag = await call(t.app, 'POST', '/api/v1/tags', { token: own.token, body: { name: 'Gold' } })
    await call(t.app, 'PUT', `/api/v1/partner-companies/${seller.id}/tags/${tag.body.id}`, {
      token: own.token,
    })
    const names = async (query: string) =>
      (await call(t.app, 'GET', `/api/v1/partner-companies${query}`, { token: own.token })).body.items.map(
        (p: { name: string }) => p.name,
      )
    expect(await names('?sellsLeads=true')).toEqual(['Self-Generated', 'Zeta Leads'])
    expect(await names('?sellsLeads=true&active=false')).toEqual(['Inactive Leads'])
    expect(await names('?buysLeads=true')).toEqual(['Beta Buyers'])
    expect(await names('?sellsCustomers=true')).toEqual(['Self-Generated'])
    expect(await names(`?tag=${tag.body.id}`)).toEqual(['Zeta Leads'])
    expect(await names('?tag=gold')).toEqual(['Zeta Leads'])
    expect(await names('?q=zeta')).toEqual(['Zeta Leads'])
    const first = await call(t.app, 'GET', '/api/v1/partner-companies?limit=2', { token: own.token })
    const second = await call(
      t.app,
      'GET',
      `/api/v1/partner-companies?limit=2&cursor=${first.body.nextCursor}`,
      {
        token: own.token,
      },
    )
    const all = [...first.body.items, ...second.body.items].map((p: { name: string }) => p.name)
    expect(all).toEqual(['Beta Buyers', 'Inactive Leads', 'Self-Generated', 'Zeta Leads'])
    expect(second.body.nextCursor).toBeNull()
  })

  it('show tags on each partner company, and removing a tag takes it off', async () => {
    const created = await createPartner(t.app, admin, { name: 'Tagged' })
    const tag = await call(t.app, 'POST', '/api/v1/tags', { token: admin.token, body: { name: 'Silver' } })
    const url = `/api/v1/partner-companies/${created.id}/tags/${tag.body.id}`
    expect((await call(t.app, 'PUT', url, { token: admin.token })).status).toBe(204)
    const tagged = await call(t.app, 'GET', `/api/v1/partner-companies/${created.id}`, { token: admin.token })
    expect(tagged.body.tags).toEqual([{ id: tag.body.id, name: 'Silver' }])
    expect((await call(t.app, 'DELETE', url, { token: admin.token })).status).toBe(204)
    const untagged = await call(t.app, 'GET', `/api/v1/partner-companies/${created.id}`, {
      token: admin.token,
    })
    expect(untagged.body.tags).toEqual([])
  })
})

describe('deleting', () => {
  it('removes a partner company without leads or customers', async () => {
    const created = await createPartner(t.app, admin, { name: 'Short Lived' })
    expect(
      (await call(t.app, 'DELETE', `/api/v1/partner-companies/${created.id}`, { token: admin.token })).status,
    ).toBe(204)
    expect(
      (await call(t.app, 'GET', `/api/v1/partner-companies/${created.id}`, { token: admin.token })).status,
    ).toBe(404)
  })

  it('is refused with 409 while it is the source of a lead or a customer; deactivating works', async () => {
    const seller = await createPartner(t.app, admin, leadSeller('Has Leads'))
    await call(t.app, 'POST', '/api/v1/leads', {
      token: admin.token,
      body: { partnerCompanyId: seller.id, firstName: 'Lee', phone: '+1 602 555 0177' },
    })
    const refused = await call(t.app, 'DELETE', `/api/v1/partner-companies/${seller.id}`, {
      token: admin.token,
    })
    expect(refused.status).toBe(409)
    expect(refused.body.detail).toContain('deactivate')
    expect((await patch(seller.id, { active: false })).body.active).toBe(false)
    const customerSeller = await createPartner(t.app, admin, {
      name: 'Has Customers',
      sellsCustomers: { enabled: true, defaultOfficeLocationId: await officeLocationId() },
    })
    await call(t.app, 'POST', '/api/v1/customers', {
      token: admin.token,
      body: { partnerCompanyId: customerSeller.id, firstName: 'Cat', email: 'cat@example.test' },
    })
    const refusedToo = await call(t.app, 'DELETE', `/api/v1/partner-companies/${customerSeller.id}`, {
      token: admin.token,
    })
    expect(refusedToo.status).toBe(409)
  })
})

describe('every new company', () => {
  it('starts with the inside partner "Self-Generated" selling leads and customers to its first office', async () => {
    const fresh = await signup(t.app)
    const list = await call(t.app, 'GET', '/api/v1/partner-companies', { token: fresh.token })
    expect(list.body.items).toHaveLength(1)
    const self = list.body.items[0]
    expect(self).toMatchObject({ name: 'Self-Generated', kind: 'inside', active: true })
    expect(self.sellsLeads.enabled).toBe(true)
    expect(self.sellsCustomers).toMatchObject({
      enabled: true,
      defaultOfficeLocationId: await officeLocationId(fresh),
    })
  })
})

describe('permissions', () => {
  it('a lead rep can read partner companies but not change them', async () => {
    const rep = await userWithRole(t.app, admin, 'Lead rep')
    const created = await createPartner(t.app, admin, { name: 'Read Only For Reps' })
    expect((await call(t.app, 'GET', '/api/v1/partner-companies', { token: rep.token })).status).toBe(200)
    expect(
      (await call(t.app, 'GET', `/api/v1/partner-companies/${created.id}`, { token: rep.token })).status,
    ).toBe(200)
    expect((await post({ name: 'Nope' }, rep)).status).toBe(403)
    const change = await call(t.app, 'PATCH', `/api/v1/partner-companies/${created.id}`, {
      token: rep.token,
      body: { name: 'x' },
    })
    expect(change.status).toBe(403)
    const remove = await call(t.app, 'DELETE', `/api/v1/partner-companies/${created.id}`, {
      token: rep.token,
    })
    expect(remove.status).toBe(403)
  })
})

describe('audit', () => {
  it('records changes with secrets and passwords redacted', async () => {
    const secret = `whsec_${Buffer.from('audit secret value 123').toString('base64')}`
    const password = 'partner audit password'
    const created = await post({
      name: 'Audited',
      buysLeads: { enabled: true, postUrl: 'https://a.example/x', sourceId: 'A', secret },
      access: { allowLogin: true, username: 'audited', password },
    })
    await patch(created.body.id, { notes: 'changed' })
    const audit = await call(t.app, 'GET', '/api/v1/audit', { token: admin.token })
    const entries = audit.body.items.filter((e: { entityId: string }) => e.entityId === created.body.id)
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['update', 'create'])
    const text = JSON.stringify(audit.body)
    expect(text).not.toContain(secret)
    expect(text).not.toContain(password)
    expect(entries[1].changes.buysLeads.secret).toBe('[changed]')
    const logs = t.logLines.join('')
    expect(logs).not.toContain(secret)
    expect(logs).not.toContain(password)
  })
})

describe('what reps and read-only users see of a partner company', () => {
  it('is the source’s name and id, not its people, notes, notification emails or login', async () => {
    const partner = await createPartner(t.app, admin, {
      ...leadSeller('Private Details LLC'),
      contactPerson: 'Pat Private',
      email: 'pat@private.test',
      phone: '+1 602 555 0142',
      notes: 'Pays late',
      address: { city: 'Tempe', region: 'AZ', country: 'US' },
      sellsLeads: {
        enabled: true,
        defaultLeadLocation: 'queue',
        purchaseNotificationEmails: ['buy@private.test'],
      },
      access: { allowLogin: true, username: 'privatelogin', password: 'a long password 1' },
    })
    for (const role of ['Lead rep', 'Read-only']) {
      const viewer = await userWithRole(t.app, admin, role)
      const one = await call(t.app, 'GET', `/api/v1/partner-companies/${partner.id}`, { token: viewer.token })
      expect(one.status).toBe(200)
      expect(one.body).toMatchObject({
        id: partner.id,
        name: 'Private Details LLC',
        sellsLeads: { enabled: true },
      })
      const text = JSON.stringify(one.body)
      for (const secret of [
        'Pat Private',
        'pat@private.test',
        '0142',
        'Pays late',
        'Tempe',
        'buy@private.test',
        'privatelogin',
      ])
        expect(text).not.toContain(secret)
      const list = await call(t.app, 'GET', '/api/v1/partner-companies?sellsLeads=true&limit=200', {
        token: viewer.token,
      })
      expect(JSON.stringify(list.body)).not.toContain('pat@private.test')
    }
    const full = await call(t.app, 'GET', `/api/v1/partner-companies/${partner.id}`, { token: admin.token })
    expect(full.body).toMatchObject({
      contactPerson: 'Pat Private',
      notes: 'Pays late',
      access: { username: 'privatelogin' },
    })
  })
})
