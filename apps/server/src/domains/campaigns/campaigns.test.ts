import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'
import { createPartner, leadSeller } from '../../../test/helpers/partners.ts'
import { findCampaignByExternalIds } from './campaigns.service.ts'

let t: TestApp
let admin: Session
beforeAll(async () => {
  t = await startTestApp()
  admin = await signup(t.app)
})
afterAll(() => t.close())

const addCampaign = (partnerId: string, body: unknown, session: Session = admin) =>
  call(t.app, 'POST', `/api/v1/partner-companies/${partnerId}/campaigns`, { token: session.token, body })

describe('campaigns of a partner company', () => {
  it('ABC Leads gets Cold Call, Door Knock and Web Lead (seed 000), listed by name', async () => {
    const abc = await createPartner(t.app, admin, leadSeller())
    for (const name of ['Web Lead', 'Cold Call', 'Door Knock']) {
      const res = await addCampaign(abc.id, { name, direction: 'inbound' })
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({ name, direction: 'inbound', partnerCompanyId: abc.id })
    }
    const list = await call(t.app, 'GET', `/api/v1/partner-companies/${abc.id}/campaigns`, {
      token: admin.token,
    })
    expect(list.body.items.map((c: { name: string }) => c.name)).toEqual([
      'Cold Call',
      'Door Knock',
      'Web Lead',
    ])
  })

  it('need a name, and a direction of inbound or outbound', async () => {
    const p = await createPartner(t.app, admin, { name: 'Needs Names' })
    const noName = await addCampaign(p.id, { direction: 'inbound' })
    expect(noName.status).toBe(400)
    expect(noName.body.errors[0].path).toBe('name')
    const badDirection = await addCampaign(p.id, { name: 'X', direction: 'sideways' })
    expect(badDirection.status).toBe(400)
    expect(badDirection.body.errors[0].path).toBe('direction')
    const defaulted = await addCampaign(p.id, { name: 'Defaults Inbound' })
    expect(defaulted.body.direction).toBe('inbound')
  })

  it('names are unique per partner company, case-insensitively', async () => {
    const p = await createPartner(t.app, admin, { name: 'Unique Names' })
    const q = await createPartner(t.app, admin, { name: 'Other Partner' })
    expect((await addCampaign(p.id, { name: 'Web Lead' })).status).toBe(201)
    const dup = await addCampaign(p.id, { name: 'web lead' })
    expect(dup.status).toBe(409)
    expect(dup.body.errors[0].path).toBe('name')
    expect((await addCampaign(q.id, { name: 'Web Lead' })).status).toBe(201)
  })

  it('no two campaigns of a company share the same external partner company and campaign ids', async () => {
    const p = await createPartner(t.app, admin, { name: 'External One' })
    const q = await createPartner(t.app, admin, { name: 'External Two' })
    const ids = { externalPartnerCompanyId: 'PC-77', externalCampaignId: 'CMP-9' }
    expect((await addCampaign(p.id, { name: 'First', ...ids })).status).toBe(201)
    const clash = await addCampaign(q.id, { name: 'Second', ...ids })
    expect(clash.status).toBe(409)
    expect(clash.body.errors[0].path).toBe('externalCampaignId')
    expect((await addCampaign(q.id, { name: 'Third', ...ids, externalCampaignId: 'CMP-10' })).status).toBe(
      201,
    )
    const other = await signup(t.app)
    const otherPartner = await createPartner(t.app, other, { name: 'Same ids elsewhere' })
    expect((await addCampaign(otherPartner.id, { name: 'Fine', ...ids }, other)).status).toBe(201)
  })

  it('are found by the sender’s external ids for intake', async () => {
    const p = await createPartner(t.app, admin, leadSeller('Intake Source'))
    const created = await addCampaign(p.id, {
      name: 'API',
      externalPartnerCompanyId: 'SND-1',
      externalCampaignId: 'C-1',
    })
    const found = await findCampaignByExternalIds(t.ctx.db, admin.companyId, 'SND-1', 'C-1')
    expect(found).toMatchObject({ id: created.body.id, partnerCompanyId: p.id })
    expect(await findCampaignByExternalIds(t.ctx.db, admin.companyId, 'SND-1', 'C-2')).toBeNull()
    const other = await signup(t.app)
    expect(await findCampaignByExternalIds(t.ctx.db, other.companyId, 'SND-1', 'C-1')).toBeNull()
  })

  it('can be renamed, redirected and deleted', async () => {
    const p = await createPartner(t.app, admin, { name: 'Editable' })
    const c = await addCampaign(p.id, { name: 'Old' })
    const changed = await call(t.app, 'PATCH', `/api/v1/campaigns/${c.body.id}`, {
      token: admin.token,
      body: { name: 'New', direction: 'outbound', description: 'Outbound mailers' },
    })
    expect(changed.body).toMatchObject({
      name: 'New',
      direction: 'outbound',
      description: 'Outbound mailers',
    })
    expect(
      (await call(t.app, 'DELETE', `/api/v1/campaigns/${c.body.id}`, { token: admin.token })).status,
    ).toBe(204)
    expect((await call(t.app, 'GET', `/api/v1/campaigns/${c.body.id}`, { token: admin.token })).status).toBe(
      404,
    )
  })

  it('a lead rep reads them but cannot change them', async () => {
    const rep = await userWithRole(t.app, admin, 'Lead rep')
    const p = await createPartner(t.app, admin, { name: 'Rep Reads' })
    const c = await addCampaign(p.id, { name: 'Readable' })
    expect((await call(t.app, 'GET', `/api/v1/campaigns/${c.body.id}`, { token: rep.token })).status).toBe(
      200,
    )
    expect((await addCampaign(p.id, { name: 'Nope' }, rep)).status).toBe(403)
    expect((await call(t.app, 'DELETE', `/api/v1/campaigns/${c.body.id}`, { token: rep.token })).status).toBe(
      403,
    )
  })

  it("another company's partner or campaign is not found", async () => {
    const other = await signup(t.app)
    const p = await createPartner(t.app, admin, { name: 'Private' })
    const c = await addCampaign(p.id, { name: 'Private campaign' })
    expect((await addCampaign(p.id, { name: 'Sneaky' }, other)).status).toBe(404)
    expect(
      (await call(t.app, 'GET', `/api/v1/partner-companies/${p.id}/campaigns`, { token: other.token }))
        .status,
    ).toBe(404)
    expect((await call(t.app, 'GET', `/api/v1/campaigns/${c.body.id}`, { token: other.token })).status).toBe(
      404,
    )
  })
})
