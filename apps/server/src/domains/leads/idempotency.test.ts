import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, type Session, signup } from '../../../test/helpers/client.ts'
import { createPartner, leadSeller } from '../../../test/helpers/partners.ts'

let t: TestApp
let admin: Session
let source: string
beforeAll(async () => {
  t = await startTestApp()
  admin = await signup(t.app)
  source = (await createPartner(t.app, admin, leadSeller('Keyed Source'))).id
})
afterAll(() => t.close())

const post = (body: unknown, key?: string) =>
  call(t.app, 'POST', '/api/v1/leads', {
    token: admin.token,
    body,
    headers: key ? { 'idempotency-key': key } : {},
  })

describe('Idempotency-Key on lead intake', () => {
  it('a repeat with the same key and body answers the first lead again, creating nothing', async () => {
    const body = { partnerCompanyId: source, firstName: 'Kay', phone: '+1 602 555 0161' }
    const first = await post(body, 'order-1')
    const again = await post(body, 'order-1')
    expect(first.status).toBe(201)
    expect(again.status).toBe(201)
    expect(again.body.id).toBe(first.body.id)
    expect(again.headers['idempotent-replayed']).toBe('true')
    const list = await call(t.app, 'GET', `/api/v1/leads?partnerCompanyId=${source}&q=Kay`, {
      token: admin.token,
    })
    expect(list.body.items).toHaveLength(1)
  })

  it('the same key with another body is refused with 422', async () => {
    await post({ partnerCompanyId: source, firstName: 'Lou', phone: '+1 602 555 0162' }, 'order-2')
    const other = await post(
      { partnerCompanyId: source, firstName: 'Max', phone: '+1 602 555 0163' },
      'order-2',
    )
    expect(other.status).toBe(422)
    expect(other.body.type).toMatch(/\/idempotency-key-reused$/)
  })

  it('without a key, a repeat is a duplicate lead', async () => {
    const body = { partnerCompanyId: source, firstName: 'Ned', phone: '+1 602 555 0164' }
    expect((await post(body)).status).toBe(201)
    expect((await post(body)).body.type).toMatch(/\/duplicate-lead$/)
  })

  it('a key is kept per source: another source may use the same key', async () => {
    const second = (await createPartner(t.app, admin, leadSeller('Second Keyed'))).id
    const a = await post({ partnerCompanyId: source, firstName: 'Oda', phone: '+1 602 555 0165' }, 'shared')
    const b = await post({ partnerCompanyId: second, firstName: 'Pam', phone: '+1 602 555 0166' }, 'shared')
    expect(a.status).toBe(201)
    expect(b.status).toBe(201)
    expect(b.body.id).not.toBe(a.body.id)
  })
})
