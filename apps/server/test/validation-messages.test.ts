import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { type Call, call, isProblem, type Session, signup } from './helpers/client.ts'
import { seller, uniquePhone } from './helpers/leads.ts'
import { createPartner } from './helpers/partners.ts'

/**
 * Issue 13 §7: a refused request says, field by field and all at once, what to do, in words
 * that name the field: never zod's own wording ("Invalid UUID", "Invalid option").
 */

let t: TestApp
let admin: Session
let source: { id: string }
beforeAll(async () => {
  t = await startTestApp()
  admin = await signup(t.app)
  source = await createPartner(t.app, admin, seller('Messages Source'))
})
afterAll(() => t.close())

const post = (path: string, body: unknown) => call(t.app, 'POST', path, { token: admin.token, body })
const messages = (res: Call) =>
  Object.fromEntries(
    ((res.body.errors ?? []) as { path: string; message: string }[]).map((e) => [e.path, e.message]),
  )
const zodWording = /^Invalid|Too (small|big)|expected .* received/i

describe('validation messages in plain words', () => {
  it('an empty source on a new lead says "Choose a source", not "Invalid UUID"', async () => {
    const res = await post('/api/v1/leads', { partnerCompanyId: '', firstName: 'Ava', phone: uniquePhone() })
    expect(res.status).toBe(400)
    expect(isProblem(res)).toBe(true)
    expect(messages(res)).toEqual({ partnerCompanyId: 'Choose a source' })
  })

  it('a location that is not offered names the choices', async () => {
    const res = await post('/api/v1/leads', {
      partnerCompanyId: source.id,
      location: 'assigned',
      phone: uniquePhone(),
    })
    expect(res.status).toBe(400)
    expect(messages(res)).toEqual({ location: 'Location must be Pending or Queue' })
  })

  it('a phone number without its area code asks for one', async () => {
    const res = await post('/api/v1/leads', {
      partnerCompanyId: source.id,
      firstName: 'Ava',
      phone: '555 0100',
    })
    expect(res.status).toBe(400)
    expect(messages(res)).toEqual({ phone: 'Enter a phone number with its area code' })
  })

  it('every field that is wrong is named in the same answer', async () => {
    const res = await post('/api/v1/office-locations', {
      name: '',
      timezone: 'Mars/Olympus',
      address: { street: null, city: null, region: null, postalCode: null, country: 'USA' },
    })
    expect(res.status).toBe(400)
    const byPath = messages(res)
    expect(Object.keys(byPath).sort()).toEqual(['address.country', 'name', 'timezone'])
    expect(byPath.name).toBe('Enter a name')
    for (const message of Object.values(byPath)) expect(message).not.toMatch(zodWording)
  })

  it('an email list names the address that is wrong', async () => {
    const res = await post('/api/v1/partner-companies', {
      name: 'Plain Words Inc.',
      sellsLeads: {
        enabled: true,
        defaultLeadLocation: 'pending',
        purchaseNotificationEmails: ['ok@x.test', 'nope'],
      },
    })
    expect(res.status).toBe(400)
    expect(messages(res)).toEqual({
      'sellsLeads.purchaseNotificationEmails.1': 'Enter an email address like name@example.com',
    })
  })

  it('a missing required field asks for it', async () => {
    const res = await post('/api/v1/tags', {})
    expect(res.status).toBe(400)
    expect(messages(res)).toEqual({ name: 'Enter a name' })
  })

  it('limits and numbers say the limit, naming the field', async () => {
    const long = await post('/api/v1/tags', { name: 'x'.repeat(61) })
    expect(messages(long)).toEqual({ name: 'Name must be at most 60 characters' })
    const queue = await call(t.app, 'PUT', '/api/v1/settings/queue', {
      token: admin.token,
      body: {
        usePartnerPriority: 'yes',
        requestableAfterMinutes: -1,
        availableFrom: '08:00',
        availableUntil: '20:00',
        maxAssignedPerRep: 0,
        afterRequest: 'assigned',
        blacklistMinutesAfterRequest: 0,
        duplicateWindowDays: 0,
        timezone: 'America/Phoenix',
      },
    })
    expect(queue.status).toBe(400)
    expect(messages(queue)).toEqual({
      usePartnerPriority: 'Use partner priority must be yes or no',
      requestableAfterMinutes: 'Requestable delay must be at least 0',
      maxAssignedPerRep: 'Cap per rep must be at least 1',
    })
  })

  it('a field the request may not carry is named', async () => {
    const res = await post('/api/v1/tags', { name: 'Fine', colour: 'red' })
    expect(res.status).toBe(400)
    expect(Object.values(messages(res))).toEqual(['Colour is not known here'])
  })

  it('an address that is not an id says so', async () => {
    const res = await call(t.app, 'GET', '/api/v1/leads/not-an-id', { token: admin.token })
    expect(res.status).toBe(400)
    expect(messages(res)).toEqual({ id: 'This is not the id of a record' })
  })
})
