import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, isProblem, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'
import { createLead } from '../../../test/helpers/leads.ts'
import { createPartner } from '../../../test/helpers/partners.ts'

let t: TestApp
let admin: Session
let supplier: string
beforeAll(async () => {
  t = await startTestApp()
  admin = await signup(t.app)
  supplier = (
    await createPartner(t.app, admin, {
      name: 'Supplier Co',
      sellsLeads: { enabled: true, defaultLeadLocation: 'pending' },
    })
  ).id
})
afterAll(() => t.close())

const path = '/api/v1/lead-management/auto-registration'
const arizona = { rules: [{ field: 'region', operator: 'equals', value: 'az' }] }

describe('auto-registration settings', () => {
  it('are disabled by default', async () => {
    const res = await call(t.app, 'GET', path, { token: admin.token })
    expect(res.body).toEqual({ mode: 'disabled', supplierPartnerCompanyId: null, groups: [] })
  })

  it('keep the company’s own groups of rules', async () => {
    const put = await call(t.app, 'PUT', path, {
      token: admin.token,
      body: { mode: 'own', supplierPartnerCompanyId: supplier, groups: [arizona] },
    })
    expect(put.status).toBe(200)
    expect(put.body).toEqual({ mode: 'own', supplierPartnerCompanyId: supplier, groups: [arizona] })
    const got = await call(t.app, 'GET', path, { token: admin.token })
    expect(got.body.groups).toEqual([arizona])
  })

  it('need groups for own rules and name the path of an unknown field or operator', async () => {
    const noGroups = await call(t.app, 'PUT', path, {
      token: admin.token,
      body: { mode: 'own', supplierPartnerCompanyId: supplier },
    })
    expect(noGroups.status).toBe(400)
    expect(noGroups.body.errors[0].path).toBe('groups')
    const badField = await call(t.app, 'PUT', path, {
      token: admin.token,
      body: {
        mode: 'own',
        supplierPartnerCompanyId: supplier,
        groups: [{ rules: [arizona.rules[0], { field: 'shoeSize', operator: 'equals', value: 9 }] }],
      },
    })
    expect(badField.status).toBe(400)
    expect(isProblem(badField)).toBe(true)
    expect(badField.body.errors.map((e: { path: string }) => e.path)).toContain('groups.0.rules.1.field')
    const badOperator = await call(t.app, 'PUT', path, {
      token: admin.token,
      body: {
        mode: 'own',
        supplierPartnerCompanyId: supplier,
        groups: [{ rules: [{ field: 'city', operator: 'like', value: 'x' }] }],
      },
    })
    expect(badOperator.body.errors.map((e: { path: string }) => e.path)).toContain(
      'groups.0.rules.0.operator',
    )
    const after = await call(t.app, 'GET', path, { token: admin.token })
    expect(after.body.groups).toEqual([arizona])
  })

  it('refuse a supplier that is not a partner company of the company', async () => {
    const other = await signup(t.app)
    const foreign = await createPartner(t.app, other)
    const res = await call(t.app, 'PUT', path, {
      token: admin.token,
      body: { mode: 'supplier', supplierPartnerCompanyId: foreign.id },
    })
    expect(res.status).toBe(422)
    expect(res.body.errors[0].path).toBe('supplierPartnerCompanyId')
  })

  it('need the manage_settings permission', async () => {
    const rep = await userWithRole(t.app, admin, 'Lead rep')
    expect((await call(t.app, 'GET', path, { token: rep.token })).status).toBe(403)
  })
})

describe('the rule preview', () => {
  it('says which recent leads would match and by which group, changing nothing', async () => {
    const source = await createPartner(t.app, admin)
    const inAz = await createLead(t.app, admin, source.id, {
      firstName: 'Zed',
      address: { region: 'AZ', country: 'US' },
    })
    const inNm = await createLead(t.app, admin, source.id, {
      firstName: 'Nia',
      address: { region: 'NM', country: 'US' },
    })
    const acme = await createLead(t.app, admin, source.id, { firstName: 'Ace', email: 'ace@acme.com' })
    const res = await call(t.app, 'POST', `${path}/preview`, {
      token: admin.token,
      body: {
        groups: [arizona, { rules: [{ field: 'emailDomain', operator: 'equals', value: 'ACME.com' }] }],
        limit: 3,
      },
    })
    expect(res.status).toBe(200)
    const byId = Object.fromEntries(
      res.body.items.map((i: { leadId: string; matchedGroup: number | null }) => [i.leadId, i.matchedGroup]),
    )
    expect(byId).toEqual({ [inAz.id]: 0, [inNm.id]: null, [acme.id]: 1 })
    const lead = await call(t.app, 'GET', `/api/v1/leads/${inAz.id}`, { token: admin.token })
    expect(lead.body.location).toBe(inAz.location)
  })
})

describe('the rules sent to a channel partner', () => {
  it('are none until sent, and only for a partner company of the company', async () => {
    const partner = await createPartner(t.app, admin)
    const rules = (id: string, token = admin.token) =>
      call(t.app, 'GET', `/api/v1/partner-companies/${id}/registration-rules`, { token })
    expect((await rules(partner.id)).body).toEqual({ groups: [], deliveryId: null, sentAt: null })
    const other = await signup(t.app)
    expect((await rules(partner.id, other.token)).status).toBe(404)
    const rep = await userWithRole(t.app, admin, 'Lead rep')
    expect((await rules(partner.id, rep.token)).status).toBe(403)
  })
})
