import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'
import {
  createLead,
  hoursAround,
  localHHMM,
  requestLead,
  seller,
  setQueueSettings,
} from '../../../test/helpers/leads.ts'
import { createPartner, partnerLogin } from '../../../test/helpers/partners.ts'
import { eventually } from '../../../test/helpers/smtp.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

/** The latest minute, not after now, at which `zone`'s clock reads `hhmm`. */
function lastTimeAt(zone: string, hhmm: string): Date {
  const minute = Date.now() - (Date.now() % 60_000)
  for (let back = 0; back < 24 * 60; back++) {
    const at = new Date(minute - back * 60_000)
    if (localHHMM(zone, 0, at) === hhmm) return at
  }
  throw new Error(`${zone} never reads ${hhmm}`)
}

/**
 * A company of its own per test (the queue is company-wide): a rep, a high and a normal
 * priority source, and available hours around now in the company's zone, where leads
 * without a region live.
 */
async function company(settings: Record<string, unknown> = {}) {
  const admin = await signup(t.app)
  const rep = await userWithRole(t.app, admin, 'Lead rep')
  const high = await createPartner(t.app, admin, seller('High Seller', { leadQueuePriority: 'high' }))
  const normal = await createPartner(t.app, admin, seller('Normal Seller'))
  await setQueueSettings(t.app, admin, { ...hoursAround('America/New_York'), ...settings })
  const lead = (source: { id: string }, extra: Record<string, unknown> = {}) =>
    createLead(t.app, admin, source.id, extra)
  return { admin, rep, high, normal, lead }
}

const requested = async (session: Session) => {
  const res = await requestLead(t.app, session)
  expect(res.status).toBe(200)
  return res.body.lead as {
    id: string
    location: string
    assignedUserId: string | null
    contactAfter: string
  } | null
}
const getLead = (admin: Session, id: string) =>
  call(t.app, 'GET', `/api/v1/leads/${id}`, { token: admin.token })
const setContactAfter = (id: string, at: Date) =>
  t.ctx.db.updateTable('leads').set({ contact_after: at }).where('id', '=', id).execute()

describe('requesting a lead', () => {
  it('hands the caller the best eligible lead, assigned to them', async () => {
    const c = await company()
    const lead = await c.lead(c.high)
    const got = await requested(c.rep)
    expect(got).toMatchObject({ id: lead.id, location: 'assigned', assignedUserId: c.rep.userId })
    expect((await getLead(c.admin, lead.id)).body).toMatchObject({
      location: 'assigned',
      assignedUserId: c.rep.userId,
    })
  })

  it('answers { lead: null } when nothing is eligible', async () => {
    const c = await company()
    expect(await requested(c.rep)).toBeNull()
    await c.lead(c.high, { location: 'pending' })
    expect(await requested(c.rep)).toBeNull()
  })

  it('with partner priority on, gives the higher source priority first', async () => {
    const c = await company({ usePartnerPriority: true })
    const older = await c.lead(c.normal)
    const urgent = await c.lead(c.high)
    expect((await requested(c.rep))?.id).toBe(urgent.id)
    expect((await requested(c.rep))?.id).toBe(older.id)
  })

  it("re-ranks the leads already waiting when a source's priority changes", async () => {
    const c = await company({ usePartnerPriority: true })
    const older = await c.lead(c.high)
    const waiting = await c.lead(c.normal)
    const raised = await call(t.app, 'PATCH', `/api/v1/partner-companies/${c.normal.id}`, {
      token: c.admin.token,
      body: { sellsLeads: { leadQueuePriority: 'high' } },
    })
    expect(raised.status).toBe(200)
    await call(t.app, 'PATCH', `/api/v1/partner-companies/${c.high.id}`, {
      token: c.admin.token,
      body: { sellsLeads: { leadQueuePriority: 'normal' } },
    })
    expect(await eventually(async () => (await getLead(c.admin, waiting.id)).body.priority === 'high')).toBe(
      true,
    )
    expect(await eventually(async () => (await getLead(c.admin, older.id)).body.priority === 'normal')).toBe(
      true,
    )
    expect((await requested(c.rep))?.id).toBe(waiting.id)
  })

  it('with partner priority off, gives the oldest first', async () => {
    const c = await company({ usePartnerPriority: false })
    const older = await c.lead(c.normal)
    const urgent = await c.lead(c.high)
    expect((await requested(c.rep))?.id).toBe(older.id)
    expect((await requested(c.rep))?.id).toBe(urgent.id)
  })

  it('within one priority, gives the lead waiting longest first', async () => {
    const c = await company()
    const first = await c.lead(c.high)
    const second = await c.lead(c.high)
    const third = await c.lead(c.high)
    await setContactAfter(third.id, new Date(Date.now() - 3_600_000))
    expect((await requested(c.rep))?.id).toBe(third.id)
    expect((await requested(c.rep))?.id).toBe(first.id)
    expect((await requested(c.rep))?.id).toBe(second.id)
  })

  it('puts a lead called back with a time in the past behind the leads already waiting', async () => {
    const c = await company()
    const waiting = await c.lead(c.high)
    const called = await c.lead(c.high)
    await setContactAfter(waiting.id, new Date(Date.now() - 60_000))
    await call(t.app, 'PATCH', `/api/v1/leads/${called.id}`, {
      token: c.admin.token,
      body: { assignedUserId: c.rep.userId },
    })
    const requeued = await call(t.app, 'POST', `/api/v1/leads/${called.id}/requeue`, {
      token: c.rep.token,
      body: { contactAfter: '2001-01-01T00:00:00Z' },
    })
    expect(Date.parse(requeued.body.contactAfter)).toBeGreaterThan(Date.now() - 5000)
    expect((await requested(c.rep))?.id).toBe(waiting.id)
    expect((await requested(c.rep))?.id).toBe(called.id)
  })

  it('does not give a lead whose contact-after time is still ahead', async () => {
    const c = await company({ requestableAfterMinutes: 15 })
    const lead = await c.lead(c.high)
    expect(await requested(c.rep)).toBeNull()
    await setContactAfter(lead.id, new Date(Date.now() - 1000))
    expect((await requested(c.rep))?.id).toBe(lead.id)
  })

  it("counts the available hours in the lead's local time (Honolulu vs New York)", async () => {
    const c = await company()
    // Honolulu is 5–6 hours behind New York: a two-hour window around one's clock misses the other.
    const honolulu = await c.lead(c.high, { address: { region: 'HI' } })
    const newYork = await c.lead(c.normal, { address: { region: 'NY' } })
    expect([honolulu.timezone, newYork.timezone]).toEqual(['Pacific/Honolulu', 'America/New_York'])
    await setQueueSettings(t.app, c.admin, hoursAround('America/New_York', 60, 60))
    expect((await requested(c.rep))?.id).toBe(newYork.id)
    expect(await requested(c.rep)).toBeNull()
    await setQueueSettings(t.app, c.admin, hoursAround('Pacific/Honolulu', 60, 60))
    expect((await requested(c.rep))?.id).toBe(honolulu.id)
  })

  it('with 08:00–21:00, gives exactly the leads whose local clock is inside those hours', async () => {
    // Two past instants, whole scenarios played at each (the embedded database's clock is the
    // process's): New York at 10:00, when Honolulu (5–6 hours behind) is at 04:00–05:00; and
    // New York at 21:30, when Honolulu is at 15:30–16:30.
    for (const [newYorkClock, inside] of [
      ['10:00', 'NY'],
      ['21:30', 'HI'],
    ] as const) {
      vi.useFakeTimers({ toFake: ['Date'] })
      vi.setSystemTime(lastTimeAt('America/New_York', newYorkClock))
      try {
        const c = await company({ availableFrom: '08:00', availableUntil: '21:00' })
        const leads = {
          HI: await c.lead(c.high, { address: { region: 'HI' } }),
          NY: await c.lead(c.high, { address: { region: 'NY' } }),
        }
        const got: string[] = []
        for (let lead = await requested(c.rep); lead; lead = await requested(c.rep)) got.push(lead.id)
        expect(got).toEqual([leads[inside].id])
      } finally {
        vi.useRealTimers()
      }
    }
  })

  it('takes hours that run past midnight (from later than until)', async () => {
    const c = await company()
    const lead = await c.lead(c.high)
    // One of these two windows runs past midnight; only the one around now lets the lead out.
    await setQueueSettings(t.app, c.admin, {
      availableFrom: localHHMM('America/New_York', 60),
      availableUntil: localHHMM('America/New_York', -60),
    })
    expect(await requested(c.rep)).toBeNull()
    await setQueueSettings(t.app, c.admin, hoursAround('America/New_York', 60, 60))
    expect((await requested(c.rep))?.id).toBe(lead.id)
  })

  it("uses the company's time zone for a lead without a known region", async () => {
    const c = await company({ timezone: 'Pacific/Honolulu' })
    const lead = await c.lead(c.high)
    expect(lead.timezone).toBe('Pacific/Honolulu')
    await setQueueSettings(t.app, c.admin, hoursAround('America/New_York', 60, 60))
    expect(await requested(c.rep)).toBeNull()
    await setQueueSettings(t.app, c.admin, hoursAround('Pacific/Honolulu', 60, 60))
    expect((await requested(c.rep))?.id).toBe(lead.id)
  })

  it("moves open leads without a region along when the company's time zone changes", async () => {
    const c = await company()
    const noRegion = await c.lead(c.high)
    const abroad = await c.lead(c.high, { address: { country: 'GB', region: 'Kent' } })
    const newYork = await c.lead(c.high, { address: { region: 'NY' } })
    await setQueueSettings(t.app, c.admin, { timezone: 'Pacific/Honolulu' })
    const zones = await Promise.all([noRegion, abroad, newYork].map((l) => getLead(c.admin, l.id)))
    expect(zones.map((z) => z.body.timezone)).toEqual([
      'Pacific/Honolulu',
      'Pacific/Honolulu',
      'America/New_York',
    ])
    await setQueueSettings(t.app, c.admin, hoursAround('Pacific/Honolulu', 60, 60))
    const got = [await requested(c.rep), await requested(c.rep)].map((l) => l?.id).sort()
    expect(got).toEqual([noRegion.id, abroad.id].sort())
  })

  it('after a request set to "queue", the lead stays in the queue, blacklisted for everyone', async () => {
    const c = await company({ afterRequest: 'queue', blacklistMinutesAfterRequest: 20 })
    const other = await userWithRole(t.app, c.admin, 'Lead rep')
    const lead = await c.lead(c.high)
    const got = await requested(c.rep)
    expect(got).toMatchObject({ id: lead.id, location: 'queue', assignedUserId: null })
    const until = Date.parse(got?.contactAfter as string) - Date.now()
    expect(until).toBeGreaterThan(19 * 60_000)
    expect(until).toBeLessThanOrEqual(20 * 60_000 + 5000)
    expect(await requested(other)).toBeNull()
    expect(await requested(c.rep)).toBeNull()
    await setContactAfter(lead.id, new Date(Date.now() - 1000))
    expect((await requested(other))?.id).toBe(lead.id)
  })

  it('after a request that stays assigned, a lead put back in the queue is blacklisted for everyone', async () => {
    const c = await company({ afterRequest: 'assigned', blacklistMinutesAfterRequest: 15 })
    const other = await userWithRole(t.app, c.admin, 'Lead rep')
    const lead = await c.lead(c.high)
    expect((await requested(c.rep))?.id).toBe(lead.id)
    const back = await call(t.app, 'POST', `/api/v1/leads/${lead.id}/requeue`, {
      token: c.rep.token,
      body: {},
    })
    expect(back.status).toBe(200)
    const until = Date.parse(back.body.contactAfter) - Date.now()
    expect(until).toBeGreaterThan(14 * 60_000)
    expect(until).toBeLessThanOrEqual(15 * 60_000 + 5000)
    expect(await requested(other)).toBeNull()
    // A callback later than the blacklist wins.
    await setContactAfter(lead.id, new Date(Date.now() - 1000))
    expect((await requested(other))?.id).toBe(lead.id)
    const later = new Date(Date.now() + 3 * 3_600_000).toISOString()
    const called = await call(t.app, 'POST', `/api/v1/leads/${lead.id}/requeue`, {
      token: other.token,
      body: { contactAfter: later },
    })
    expect(Date.parse(called.body.contactAfter)).toBe(Date.parse(later))
  })

  it('after a request set to "pending", the lead moves to Pending', async () => {
    const c = await company({ afterRequest: 'pending' })
    const lead = await c.lead(c.high)
    expect(await requested(c.rep)).toMatchObject({ id: lead.id, location: 'pending', assignedUserId: null })
    expect((await getLead(c.admin, lead.id)).body.location).toBe('pending')
    expect(await requested(c.rep)).toBeNull()
  })

  it('refuses with 409 when the rep already holds the most open leads allowed', async () => {
    const c = await company({ maxAssignedPerRep: 1 })
    const first = await c.lead(c.high)
    await c.lead(c.high)
    expect((await requested(c.rep))?.id).toBe(first.id)
    const capped = await requestLead(t.app, c.rep)
    expect(capped.status).toBe(409)
    await call(t.app, 'POST', `/api/v1/leads/${first.id}/invalidate`, {
      token: c.rep.token,
      body: { reason: 'Disconnected' },
    })
    expect(await requested(c.rep)).not.toBeNull()
  })

  it('needs request_leads: a Read-only user and a partner login get 403', async () => {
    const c = await company()
    await c.lead(c.high)
    const readOnly = await userWithRole(t.app, c.admin, 'Read-only')
    expect((await requestLead(t.app, readOnly)).status).toBe(403)
    const partner = await partnerLogin(t.app, c.admin)
    expect((await requestLead(t.app, { ...c.admin, token: partner.token })).status).toBe(403)
  })
})

describe('requests at the same time', () => {
  it('never hand one lead to two reps', async () => {
    const c = await company()
    const reps = [c.rep, ...(await Promise.all([1, 2].map(() => userWithRole(t.app, c.admin, 'Lead rep'))))]
    for (let i = 0; i < 6; i++) await c.lead(i % 2 ? c.high : c.normal)
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => requested(reps[i % 3] as Session)))
    const handed = answers.filter((l) => l !== null)
    expect(handed).toHaveLength(6)
    expect(new Set(handed.map((l) => l.id)).size).toBe(6)
  })

  it('never take a rep over the cap', async () => {
    const c = await company({ maxAssignedPerRep: 2 })
    for (let i = 0; i < 5; i++) await c.lead(c.high)
    const answers = await Promise.all(Array.from({ length: 5 }, () => requestLead(t.app, c.rep)))
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 409, 409, 409])
  })
})

describe('queue settings', () => {
  it('start with the defaults', async () => {
    const admin = await signup(t.app)
    const res = await call(t.app, 'GET', '/api/v1/settings/queue', { token: admin.token })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      usePartnerPriority: true,
      requestableAfterMinutes: 0,
      availableFrom: '08:00',
      availableUntil: '21:00',
      maxAssignedPerRep: null,
      afterRequest: 'assigned',
      blacklistMinutesAfterRequest: 30,
      duplicateWindowDays: 30,
      timezone: 'America/New_York',
    })
  })

  it('are read and changed only with manage_settings', async () => {
    const admin = await signup(t.app)
    const current = (await call(t.app, 'GET', '/api/v1/settings/queue', { token: admin.token })).body
    for (const role of ['Manager', 'Lead rep']) {
      const user = await userWithRole(t.app, admin, role)
      expect((await call(t.app, 'GET', '/api/v1/settings/queue', { token: user.token })).status).toBe(403)
      const put = await call(t.app, 'PUT', '/api/v1/settings/queue', { token: user.token, body: current })
      expect(put.status).toBe(403)
    }
  })

  it('are saved as given', async () => {
    const admin = await signup(t.app)
    const changed = {
      usePartnerPriority: false,
      requestableAfterMinutes: 10,
      availableFrom: '20:00',
      availableUntil: '02:30',
      maxAssignedPerRep: 5,
      afterRequest: 'queue',
      blacklistMinutesAfterRequest: 45,
      duplicateWindowDays: null,
      timezone: 'America/Chicago',
    }
    const put = await call(t.app, 'PUT', '/api/v1/settings/queue', { token: admin.token, body: changed })
    expect(put.status).toBe(200)
    expect(put.body).toEqual(changed)
    expect((await call(t.app, 'GET', '/api/v1/settings/queue', { token: admin.token })).body).toEqual(changed)
  })

  it('take hours only as HH:MM, 24-hour', async () => {
    const admin = await signup(t.app)
    const current = (await call(t.app, 'GET', '/api/v1/settings/queue', { token: admin.token })).body
    for (const [field, value] of [
      ['availableFrom', '8:00'],
      ['availableUntil', '24:00'],
      ['availableFrom', '08:60'],
      ['availableUntil', '9pm'],
    ] as const) {
      const res = await call(t.app, 'PUT', '/api/v1/settings/queue', {
        token: admin.token,
        body: { ...current, [field]: value },
      })
      expect(res.status, `${field}=${value}`).toBe(400)
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([field])
    }
  })

  it('refuse equal from and until hours', async () => {
    const admin = await signup(t.app)
    const current = (await call(t.app, 'GET', '/api/v1/settings/queue', { token: admin.token })).body
    const res = await call(t.app, 'PUT', '/api/v1/settings/queue', {
      token: admin.token,
      body: { ...current, availableFrom: '09:00', availableUntil: '09:00' },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['availableUntil'])
  })

  it('spell a time zone one way, its canonical IANA name', async () => {
    const admin = await signup(t.app)
    expect((await setQueueSettings(t.app, admin, { timezone: 'US/Eastern' })).timezone).toBe(
      'America/New_York',
    )
  })

  it('take only a real IANA time zone', async () => {
    const admin = await signup(t.app)
    const current = (await call(t.app, 'GET', '/api/v1/settings/queue', { token: admin.token })).body
    const res = await call(t.app, 'PUT', '/api/v1/settings/queue', {
      token: admin.token,
      body: { ...current, timezone: 'Mars/Olympus_Mons' },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['timezone'])
  })
})
