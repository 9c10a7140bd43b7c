import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'
import { eventually, startSmtp } from '../../../test/helpers/smtp.ts'
import { queueMail } from './mail.service.ts'

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

const queue = (mails: Parameters<typeof queueMail>[3]) =>
  t.ctx.db.transaction().execute((tx) => queueMail(tx, t.ctx, admin.companyId, mails))

const mailState = async (id: string) =>
  (await call(t.app, 'GET', `/api/v1/mail/${id}`, { token: admin.token })).body

describe('the mail log', () => {
  it('sends each email through SMTP and shows it as sent', async () => {
    const [id] = await queue([
      { to: ['Buyer@Example.test'], subject: 'Lead 42 purchased', text: 'Hello\nthere' },
    ])
    expect(await eventually(async () => (await mailState(id as string)).state === 'sent')).toBe(true)
    const got = smtp.received.find((r) => r.mail.subject === 'Lead 42 purchased')
    expect(got?.envelopeTo).toEqual(['buyer@example.test'])
    expect(got?.mail.text?.trim()).toBe('Hello\nthere')
    expect(got?.mail.messageId).toContain(id)
    const log = await call(t.app, 'GET', '/api/v1/mail', { token: admin.token })
    expect(log.body.items[0]).toMatchObject({ id, to: ['buyer@example.test'], state: 'sent', attempts: 1 })
  })

  it('writes nothing and sends nothing when the transaction rolls back', async () => {
    await expect(
      t.ctx.db.transaction().execute(async (tx) => {
        await queueMail(tx, t.ctx, admin.companyId, [
          { to: ['x@example.test'], subject: 'Never', text: 'never' },
        ])
        throw new Error('the change failed')
      }),
    ).rejects.toThrow()
    await queue([{ to: ['y@example.test'], subject: 'Later one', text: 'later' }])
    expect(await eventually(() => smtp.received.some((r) => r.mail.subject === 'Later one'))).toBe(true)
    expect(smtp.received.some((r) => r.mail.subject === 'Never')).toBe(false)
    const log = await call(t.app, 'GET', '/api/v1/mail', { token: admin.token })
    expect(log.body.items.some((m: { subject: string }) => m.subject === 'Never')).toBe(false)
  })

  it('delivers to exactly the intended recipients whatever a subject carries (no header injection)', async () => {
    await queue([
      { to: ['only@example.test'], subject: 'Hi\r\nBcc: thief@evil.test', text: 'x\r\nBcc: thief@evil.test' },
    ])
    expect(
      await eventually(() => smtp.received.some((r) => r.envelopeTo.includes('only@example.test'))),
    ).toBe(true)
    const got = smtp.received.find((r) => r.envelopeTo.includes('only@example.test'))
    expect(got?.envelopeTo).toEqual(['only@example.test'])
    expect(got?.mail.headers.get('bcc')).toBeUndefined()
    expect(smtp.received.some((r) => r.envelopeTo.includes('thief@evil.test'))).toBe(false)
  })

  it('waits out an SMTP outage: every email arrives exactly once when the server is back', async () => {
    const port = smtp.port
    const received = smtp.received
    await smtp.close()
    const ids = await queue(
      Array.from({ length: 5 }, (_, i) => ({
        to: [`outage${i}@example.test`],
        subject: `Outage ${i}`,
        text: 'x',
      })),
    )
    expect(await eventually(async () => (await mailState(ids[0] as string)).state === 'retrying')).toBe(true)
    expect((await mailState(ids[0] as string)).error).toBeTruthy()
    smtp = await startSmtp(port, received)
    expect(
      await eventually(
        async () => (await Promise.all(ids.map(mailState))).every((m) => m.state === 'sent'),
        60_000,
      ),
    ).toBe(true)
    for (let i = 0; i < 5; i++) {
      expect(received.filter((r) => r.mail.subject === `Outage ${i}`)).toHaveLength(1)
    }
  }, 90_000)

  it('a server that starts refusing mid-batch and recovers still gets every email exactly once', async () => {
    const received = smtp.received
    const ids = await queue(
      Array.from({ length: 12 }, (_, i) => ({
        to: [`batch${i}@example.test`],
        subject: `Batch ${i}`,
        text: 'x',
      })),
    )
    await eventually(() => received.filter((r) => r.mail.subject?.startsWith('Batch ')).length >= 3, 10_000)
    smtp.control.refusing = true
    expect(
      await eventually(async () =>
        (await Promise.all(ids.map(mailState))).some((m) => m.state === 'retrying'),
      ),
    ).toBe(true)
    smtp.control.refusing = false
    expect(
      await eventually(
        async () => (await Promise.all(ids.map(mailState))).every((m) => m.state === 'sent'),
        60_000,
      ),
    ).toBe(true)
    for (let i = 0; i < 12; i++)
      expect(received.filter((r) => r.mail.subject === `Batch ${i}`)).toHaveLength(1)
  }, 90_000)

  it('is readable only with the view_mail permission, and only for the own company', async () => {
    const rep = await userWithRole(t.app, admin, 'Lead rep')
    expect((await call(t.app, 'GET', '/api/v1/mail', { token: rep.token })).status).toBe(403)
    const [id] = await queue([{ to: ['z@example.test'], subject: 'Private', text: 'x' }])
    const other = await signup(t.app)
    expect((await call(t.app, 'GET', `/api/v1/mail/${id}`, { token: other.token })).status).toBe(404)
  })
})

describe('an email the server keeps refusing', () => {
  it('ends in a visible failed state with the error, after the last attempt', async () => {
    const refusing = await startSmtp(0, [], { refusing: true })
    const app = await startTestApp({
      SMTP_URL: refusing.url,
      MAIL_RETRY_DELAY_SECONDS: '1',
      MAIL_MAX_ATTEMPTS: '2',
    })
    try {
      const owner = await signup(app.app)
      const [id] = await app.ctx.db
        .transaction()
        .execute((tx) =>
          queueMail(tx, app.ctx, owner.companyId, [
            { to: ['no@example.test'], subject: 'Doomed', text: 'x' },
          ]),
        )
      const state = async () =>
        (await call(app.app, 'GET', `/api/v1/mail/${id}`, { token: owner.token })).body
      expect(await eventually(async () => (await state()).state === 'failed', 30_000)).toBe(true)
      const mail = await state()
      expect(mail.attempts).toBe(2)
      expect(mail.error).toContain('Try again later')
    } finally {
      await app.close()
      await refusing.close()
    }
  }, 60_000)
})

describe('without SMTP', () => {
  it('keeps every email in the log as the mailbox, state logged', async () => {
    const quiet = await startTestApp()
    try {
      const owner = await signup(quiet.app)
      const [id] = await quiet.ctx.db
        .transaction()
        .execute((tx) =>
          queueMail(tx, quiet.ctx, owner.companyId, [
            { to: ['a@example.test'], subject: 'Kept', text: 'kept' },
          ]),
        )
      const mail = await call(quiet.app, 'GET', `/api/v1/mail/${id}`, { token: owner.token })
      expect(mail.body).toMatchObject({
        state: 'logged',
        subject: 'Kept',
        body: 'kept',
        to: ['a@example.test'],
      })
    } finally {
      await quiet.close()
    }
  })
})
