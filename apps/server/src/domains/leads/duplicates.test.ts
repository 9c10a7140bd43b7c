import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, type Session, signup } from '../../../test/helpers/client.ts'
import { createLead, seller, setQueueSettings, uniquePhone } from '../../../test/helpers/leads.ts'
import { createPartner } from '../../../test/helpers/partners.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

/** A company of its own per test: duplicate windows are a company setting. */
async function company(duplicateWindowDays: number | null = 30) {
  const admin = await signup(t.app)
  const source = await createPartner(t.app, admin, seller('Dup Source'))
  await setQueueSettings(t.app, admin, { duplicateWindowDays })
  const post = (body: Record<string, unknown>) =>
    call(t.app, 'POST', '/api/v1/leads', {
      token: admin.token,
      body: { partnerCompanyId: source.id, ...body },
    })
  const count = async () =>
    (await call(t.app, 'GET', '/api/v1/leads?limit=200', { token: admin.token })).body.items.length as number
  return { admin, source, post, count }
}

/** Moves a lead's arrival back in time, as if it had been posted days ago. */
const backdate = (leadId: string, days: number) =>
  t.ctx.db
    .updateTable('leads')
    .set({ created_at: new Date(Date.now() - days * 86_400_000) })
    .where('id', '=', leadId)
    .execute()

const expectDuplicate = (
  res: { status: number; body: { type: string; matches: unknown } },
  matches: { id: string; reason: string }[],
) => {
  expect(res.status).toBe(422)
  expect(res.body.type).toMatch(/\/duplicate-lead$/)
  expect(res.body.matches).toEqual(matches)
}

describe('duplicate leads', () => {
  it('refuses the same phone number in another format, creating nothing', async () => {
    const c = await company()
    const first = await createLead(t.app, c.admin, c.source.id, { phone: '(602) 555-0142' })
    const again = await c.post({ firstName: 'Other', phone: '+1 602-555-0142' })
    expectDuplicate(again, [{ id: first.id, reason: 'phone' }])
    expect(await c.count()).toBe(1)
  })

  it('refuses the same email, whatever its case', async () => {
    const c = await company()
    const first = await createLead(t.app, c.admin, c.source.id, { email: 'Jane.Doe@Example.test' })
    const again = await c.post({ phone: uniquePhone(), email: 'jane.doe@example.TEST' })
    expectDuplicate(again, [{ id: first.id, reason: 'email' }])
    expect(await c.count()).toBe(1)
  })

  it('refuses the same name and address', async () => {
    const c = await company()
    const address = { street: '12 Main St', city: 'Phoenix', region: 'AZ', postalCode: '85004' }
    const first = await createLead(t.app, c.admin, c.source.id, {
      firstName: 'Ann',
      lastName: 'Lee',
      address,
    })
    const again = await c.post({
      firstName: 'ANN',
      lastName: 'lee',
      phone: uniquePhone(),
      address: { ...address, street: '12 main st.' },
    })
    expectDuplicate(again, [{ id: first.id, reason: 'name_address' }])
    const otherPerson = await c.post({ firstName: 'Bob', lastName: 'Lee', phone: uniquePhone(), address })
    expect(otherPerson.status).toBe(201)
  })

  it('lists every match with its reason', async () => {
    const c = await company()
    const byPhone = await createLead(t.app, c.admin, c.source.id)
    const byEmail = await createLead(t.app, c.admin, c.source.id, { email: 'both@example.test' })
    const again = await c.post({ phone: byPhone.phone, email: 'both@example.test' })
    expectDuplicate(again, [
      { id: byPhone.id, reason: 'phone' },
      { id: byEmail.id, reason: 'email' },
    ])
  })

  it('does not look at other companies', async () => {
    const a = await company()
    const b = await company()
    await createLead(t.app, a.admin, a.source.id, { phone: '(480) 555-0100' })
    expect((await b.post({ phone: '(480) 555-0100' })).status).toBe(201)
  })

  it('with a window of 0 days does not check at all', async () => {
    const c = await company(0)
    await createLead(t.app, c.admin, c.source.id, { phone: '(602) 555-0111' })
    expect((await c.post({ phone: '(602) 555-0111' })).status).toBe(201)
    expect(await c.count()).toBe(2)
  })

  it('with a window of N days allows the duplicate again after N days', async () => {
    const c = await company(7)
    const first = await createLead(t.app, c.admin, c.source.id, { phone: '(602) 555-0122' })
    await backdate(first.id, 6)
    expectDuplicate(await c.post({ phone: '(602) 555-0122' }), [{ id: first.id, reason: 'phone' }])
    await backdate(first.id, 8)
    expect((await c.post({ phone: '(602) 555-0122' })).status).toBe(201)
  })

  it('with no window (null) never allows the duplicate', async () => {
    const c = await company(null)
    const first = await createLead(t.app, c.admin, c.source.id, { phone: '(602) 555-0133' })
    await backdate(first.id, 3650)
    expectDuplicate(await c.post({ phone: '(602) 555-0133' }), [{ id: first.id, reason: 'phone' }])
  })

  it('creates one lead from identical posts sent at the same instant', async () => {
    const c = await company()
    const body = { firstName: 'Racy', phone: '(602) 555-0177', email: 'racy@example.test' }
    const answers = await Promise.all(Array.from({ length: 8 }, () => c.post(body)))
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422, 422, 422, 422, 422, 422, 422])
    expect(await c.count()).toBe(1)
  })
})

describe('duplicate window setting', () => {
  it('takes 0, a number of days or null, and nothing negative', async () => {
    const admin: Session = await signup(t.app)
    const current = (await call(t.app, 'GET', '/api/v1/settings/queue', { token: admin.token })).body
    expect(current.duplicateWindowDays).toBe(30)
    for (const days of [0, 90, null]) {
      expect((await setQueueSettings(t.app, admin, { duplicateWindowDays: days })).duplicateWindowDays).toBe(
        days,
      )
    }
    const bad = await call(t.app, 'PUT', '/api/v1/settings/queue', {
      token: admin.token,
      body: { ...current, duplicateWindowDays: -1 },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['duplicateWindowDays'])
  })
})
