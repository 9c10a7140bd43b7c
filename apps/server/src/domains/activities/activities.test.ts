import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'
import { createLead, seller, setQueueSettings } from '../../../test/helpers/leads.ts'
import { createPartner } from '../../../test/helpers/partners.ts'

let t: TestApp
let admin: Session
let manager: Session
let rep: Session
let source: { id: string }
beforeAll(async () => {
  t = await startTestApp()
  admin = await signup(t.app)
  manager = await userWithRole(t.app, admin, 'Manager')
  rep = await userWithRole(t.app, admin, 'Lead rep')
  source = await createPartner(t.app, admin, seller('Activity Source', { defaultLeadLocation: 'pending' }))
})
afterAll(() => t.close())

const post = (session: Session, url: string, body: unknown) =>
  call(t.app, 'POST', url, { token: session.token, body })
const get = (session: Session, url: string) => call(t.app, 'GET', url, { token: session.token })

/** A lead assigned to a rep, who works it. */
async function repLead(to: Session = rep) {
  const lead = await createLead(t.app, admin, source.id)
  await call(t.app, 'PATCH', `/api/v1/leads/${lead.id}`, {
    token: manager.token,
    body: { assignedUserId: to.userId },
  })
  return lead
}

/** The instant at which the clock in `zone` reads `date` (YYYY-MM-DD) at `hhmm`. */
function localInstant(zone: string, date: string, hhmm: string): Date {
  const wanted = Date.parse(`${date}T${hhmm}:00Z`)
  let guess = wanted
  for (let i = 0; i < 3; i++) {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
        .formatToParts(new Date(guess))
        .map((p) => [p.type, p.value]),
    )
    const shown = Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:00Z`)
    guess += wanted - shown
  }
  return new Date(guess)
}
const today = (zone: string, shiftDays = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(Date.now() + shiftDays * 86_400_000))

describe('notes and calls', () => {
  it('are listed oldest first and told in the timeline, with who logged them', async () => {
    const lead = await repLead()
    const followUpAt = new Date(Date.now() + 3_600_000).toISOString()
    const note = await post(rep, `/api/v1/leads/${lead.id}/activities`, {
      kind: 'note',
      text: 'Prefers email',
    })
    expect(note.status).toBe(201)
    const callRes = await post(rep, `/api/v1/leads/${lead.id}/activities`, {
      kind: 'call',
      text: 'Left a message',
      outcome: 'voicemail',
      durationSeconds: 45,
      followUpAt,
    })
    expect(callRes.status).toBe(201)
    expect(callRes.body).toMatchObject({
      kind: 'call',
      outcome: 'voicemail',
      durationSeconds: 45,
      followUpAt: new Date(followUpAt).toISOString(),
      author: { userId: rep.userId, label: 'Lead rep' },
    })
    const listed = await get(manager, `/api/v1/leads/${lead.id}/activities`)
    expect(listed.body.items.map((a: { kind: string; text: string }) => [a.kind, a.text])).toEqual([
      ['note', 'Prefers email'],
      ['call', 'Left a message'],
    ])
    const timeline = (await get(admin, `/api/v1/leads/${lead.id}/timeline`)).body.items
    expect(
      timeline.slice(-2).map((e: { type: string; actor: { label: string } }) => [e.type, e.actor.label]),
    ).toEqual([
      ['note', 'Lead rep'],
      ['call', 'Lead rep'],
    ])
    expect(timeline.at(-1).detail).toEqual({
      activityId: callRes.body.id,
      text: 'Left a message',
      outcome: 'voicemail',
      durationSeconds: 45,
      followUpAt: new Date(followUpAt).toISOString(),
    })
  })

  it('refuse bad input field by field, in plain words, and write nothing', async () => {
    const lead = await repLead()
    const url = `/api/v1/leads/${lead.id}/activities`
    const bad = await post(rep, url, {
      kind: 'visit',
      text: ' ',
      durationSeconds: -3,
      followUpAt: 'tomorrow',
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors).toEqual([
      { path: 'kind', message: 'Kind must be Note or Call' },
      { path: 'text', message: 'Write what happened' },
      { path: 'durationSeconds', message: 'Duration seconds must be at least 0' },
      { path: 'followUpAt', message: 'Enter the follow-up as a date and time' },
    ])
    const noteWithCallFields = await post(rep, url, {
      kind: 'note',
      text: 'Hm',
      outcome: 'reached',
      durationSeconds: 60,
    })
    expect(noteWithCallFields.status).toBe(400)
    expect(noteWithCallFields.body.errors).toEqual([
      { path: 'outcome', message: 'Only a call has an outcome' },
      { path: 'durationSeconds', message: 'Only a call has a length' },
    ])
    const badOutcome = await post(rep, url, { kind: 'call', text: 'Hm', outcome: 'maybe' })
    expect(badOutcome.body.errors).toEqual([
      { path: 'outcome', message: 'Outcome must be Reached, No answer, Voicemail, Busy or Wrong number' },
    ])
    expect((await get(rep, url)).body.items).toEqual([])
  })

  it('are logged only by the rep who works the lead or a manager', async () => {
    const lead = await createLead(t.app, admin, source.id)
    await call(t.app, 'PATCH', `/api/v1/leads/${lead.id}`, {
      token: manager.token,
      body: { location: 'queue' },
    })
    await call(t.app, 'PATCH', `/api/v1/leads/${lead.id}`, {
      token: manager.token,
      body: { assignedUserId: manager.userId },
    })
    const refused = await post(rep, `/api/v1/leads/${lead.id}/activities`, { kind: 'note', text: 'Mine now' })
    expect(refused.status).toBe(403)
    const byManager = await post(manager, `/api/v1/leads/${lead.id}/activities`, {
      kind: 'note',
      text: 'Fine',
    })
    expect(byManager.status).toBe(201)
  })

  it('work on customers too', async () => {
    const customer = (await post(rep, '/api/v1/customers', { firstName: 'Cal', phone: '+1 602 555 0170' }))
      .body
    const res = await post(rep, `/api/v1/customers/${customer.id}/activities`, {
      kind: 'call',
      text: 'Renewal talk',
      outcome: 'reached',
      durationSeconds: 300,
    })
    expect(res.status).toBe(201)
    const types = (await get(admin, `/api/v1/customers/${customer.id}/timeline`)).body.items.map(
      (e: { type: string }) => e.type,
    )
    expect(types).toEqual(['created', 'call'])
    const readOnly = await userWithRole(t.app, admin, 'Read-only')
    const refused = await post(readOnly, `/api/v1/customers/${customer.id}/activities`, {
      kind: 'note',
      text: 'x',
    })
    expect(refused.status).toBe(403)
  })
})

describe('my follow-ups', () => {
  it("lists those due today in the company's zone, up to 23:30 local and not a minute into tomorrow", async () => {
    const zone = 'America/Los_Angeles'
    await setQueueSettings(t.app, admin, { timezone: zone })
    // A rep of their own, so no other test's follow-up is theirs.
    const rep = await userWithRole(t.app, admin, 'Lead rep')
    const lead = await repLead(rep)
    const date = today(zone)
    const log = (session: Session, text: string, at: Date) =>
      post(session, `/api/v1/leads/${lead.id}/activities`, {
        kind: 'note',
        text,
        followUpAt: at.toISOString(),
      })
    const lateToday = localInstant(zone, date, '23:30')
    const early = localInstant(zone, date, '00:10')
    await log(rep, 'late today', lateToday)
    await log(rep, 'early today', early)
    await log(rep, 'tomorrow just after midnight', localInstant(zone, today(zone, 1), '00:30'))
    await log(rep, 'yesterday late', localInstant(zone, today(zone, -1), '23:30'))
    await log(manager, "the manager's own", lateToday)

    const mine = await get(rep, '/api/v1/me/follow-ups')
    expect(mine.status).toBe(200)
    expect(mine.body).toMatchObject({ timeZone: zone, date })
    expect(mine.body.items.map((f: { text: string; followUpAt: string }) => [f.text, f.followUpAt])).toEqual([
      ['early today', early.toISOString()],
      ['late today', lateToday.toISOString()],
    ])
    expect(mine.body.items[0].record).toEqual({
      kind: 'lead',
      id: lead.id,
      number: lead.number,
      name: 'Lena Lead',
    })

    // In a zone ahead of UTC the same instants fall on other days.
    const tokyo = await get(rep, `/api/v1/me/follow-ups?timeZone=Asia/Tokyo`)
    expect(tokyo.body.timeZone).toBe('Asia/Tokyo')
    expect(tokyo.body.date).toBe(today('Asia/Tokyo'))
    const bad = await get(rep, '/api/v1/me/follow-ups?timeZone=Mars/Olympus')
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].path).toBe('timeZone')
  })
})
