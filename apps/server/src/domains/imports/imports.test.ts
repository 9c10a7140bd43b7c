import { PassThrough } from 'node:stream'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'
import { createPartner, leadSeller } from '../../../test/helpers/partners.ts'
import { eventually, startSmtp } from '../../../test/helpers/smtp.ts'
import { expireUploads } from './imports.jobs.ts'

let smtp: Awaited<ReturnType<typeof startSmtp>>
let t: TestApp
let admin: Session
let sourceId: string
beforeAll(async () => {
  smtp = await startSmtp()
  t = await startTestApp({ SMTP_URL: smtp.url, MAIL_RETRY_DELAY_SECONDS: '1' })
  admin = await signup(t.app)
  sourceId = (await createPartner(t.app, admin, leadSeller('CSV Source'))).id
})
afterAll(async () => {
  await t.close()
  await smtp.close()
})

const upload = (csv: string, query = '', session: Session = admin) =>
  t.app
    .inject({
      method: 'POST',
      url: `/api/v1/leads/import${query}`,
      headers: { authorization: `Bearer ${session.token}`, 'content-type': 'text/csv' },
      payload: csv,
    })
    .then((res) => ({ status: res.statusCode, body: res.json() }))

async function finished(id: string, session: Session = admin) {
  const until = Date.now() + 60_000
  for (;;) {
    const res = await call(t.app, 'GET', `/api/v1/imports/${id}`, { token: session.token })
    if (['done', 'failed'].includes(res.body.state) || Date.now() > until) return res.body
    await new Promise((r) => setTimeout(r, 200))
  }
}

describe('CSV import of leads', () => {
  it('imports good rows, reports each bad row by number and field, and finishes with full progress', async () => {
    const csv = [
      'firstName,lastName,phone,email,region,postalCode',
      'Ann,Archer,(602) 555-0101,ann@example.test,AZ,85001',
      'Bob,Baker,not a phone,,AZ,85002',
      'Cy,Cole,(602) 555-0103,,ZZ,85003',
      'Dee,Dunn,(602) 555-0104,,AZ,85004',
      'Ann,Again,(602) 555-0101,,AZ,85005',
    ].join('\n')
    const started = await upload(csv, `?partnerCompanyId=${sourceId}`)
    expect(started.status).toBe(202)
    expect(['queued', 'running', 'done']).toContain(started.body.state)
    const done = await finished(started.body.id)
    expect(done).toMatchObject({
      state: 'done',
      progress: 1,
      processedRows: 5,
      createdRows: 2,
      failedRows: 3,
    })
    expect(done.errors).toEqual([
      { row: 2, path: 'phone', message: 'Enter a phone number with its area code' },
      { row: 3, path: 'address.region', message: 'Enter a US state or province code (two letters)' },
      { row: 5, message: 'This lead repeats row 1 of the file' },
    ])
    const leads = await call(t.app, 'GET', `/api/v1/leads?partnerCompanyId=${sourceId}`, {
      token: admin.token,
    })
    expect(leads.body.items.map((l: { firstName: string }) => l.firstName).sort()).toEqual(['Ann', 'Dee'])
    const timeline = await call(t.app, 'GET', `/api/v1/leads/${leads.body.items[0].id}/timeline`, {
      token: admin.token,
    })
    expect(timeline.body.items[0]).toMatchObject({ type: 'created', detail: { via: 'import' } })
    expect(timeline.body.items[0].actor.label).toContain('CSV import')
  })

  it('imports thousands of rows a batch at a time', async () => {
    const rows = Array.from(
      { length: 2000 },
      (_, i) => `Lead${i},+1480555${String(i).padStart(4, '0')},${sourceId}`,
    )
    const started = await upload(['firstName,phone,partnerCompanyId', ...rows].join('\n'))
    const done = await finished(started.body.id)
    expect(done).toMatchObject({ state: 'done', processedRows: 2000, createdRows: 2000, failedRows: 0 })
  })

  it('fails the whole import on columns it does not know, creating nothing', async () => {
    const started = await upload('firstName,shoeSize\nZed,44\n', `?partnerCompanyId=${sourceId}`)
    const done = await finished(started.body.id)
    expect(done.state).toBe('failed')
    expect(done.failure).toContain('shoeSize')
    expect(done.createdRows).toBe(0)
  })

  it('fails an import whose CSV is broken (an unclosed quote), with the parser’s reason', async () => {
    const started = await upload('firstName,phone\n"Unclosed,+16025550100\n', `?partnerCompanyId=${sourceId}`)
    const done = await finished(started.body.id)
    expect(done.state).toBe('failed')
    expect(done.failure).toMatch(/quote/i)
  })

  it('refuses an empty file and a body that is not text/csv', async () => {
    expect((await upload('')).status).toBe(400)
    const json = await call(t.app, 'POST', '/api/v1/leads/import', { token: admin.token, body: { rows: [] } })
    expect(json.status).toBe(400)
  })

  it('needs the create_leads permission, and another company cannot read the import', async () => {
    const reader = await userWithRole(t.app, admin, 'Read-only')
    expect((await upload('firstName\nX', '', reader)).status).toBe(403)
    const started = await upload(`firstName,phone\nOwn,+16025559999`, `?partnerCompanyId=${sourceId}`)
    const other = await signup(t.app)
    expect(
      (await call(t.app, 'GET', `/api/v1/imports/${started.body.id}`, { token: other.token })).status,
    ).toBe(404)
  })

  it('gives up an upload that stopped arriving, keeps one still arriving, and refuses the late end', async () => {
    const company = await signup(t.app)
    const send = () => {
      const body = new PassThrough()
      body.write('firstName,phone\nSlow,+16025550111\n')
      const answer = t.app.inject({
        method: 'POST',
        url: `/api/v1/leads/import?partnerCompanyId=${sourceId}`,
        headers: { authorization: `Bearer ${company.token}`, 'content-type': 'text/csv' },
        payload: body,
      })
      return { body, answer }
    }
    const uploading = () =>
      t.ctx.db
        .selectFrom('imports')
        .where('company_id', '=', company.companyId)
        .where('state', '=', 'uploading')
        .select('id')
        .execute()
    const stalled = send()
    expect(await eventually(async () => (await uploading()).length === 1)).toBe(true)
    const [{ id } = { id: '' }] = await uploading()
    const arriving = send()
    expect(await eventually(async () => (await uploading()).length === 2)).toBe(true)
    // As if its server had been killed 20 minutes ago, mid-file.
    await sql`update imports set created_at = now() - interval '20 minutes' where id = ${id}`.execute(
      t.ctx.db,
    )
    await t.ctx.jobs.boss.send(expireUploads.name, {})
    const state = async () =>
      (await call(t.app, 'GET', `/api/v1/imports/${id}`, { token: company.token })).body
    expect(await eventually(async () => (await state()).state === 'failed')).toBe(true)
    expect((await state()).failure).toMatch(/upload stopped/)
    expect(await uploading()).toHaveLength(1)
    stalled.body.end()
    expect((await stalled.answer).statusCode).toBe(409)
    arriving.body.end()
    expect((await arriving.answer).statusCode).toBe(202)
  })
})

describe('an import people can use', () => {
  const errorsCsv = (id: string, session: Session = admin) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${id}/errors.csv`,
      headers: { authorization: `Bearer ${session.token}` },
    })

  it('reads ordinary headers and the source by name, and gives back the refused rows with all their problems', async () => {
    const company = await signup(t.app)
    await createPartner(t.app, company, leadSeller('Sunny Leads'))
    const header = 'First Name,Last Name,Phone Number,E-mail,Zip,Source'
    const broken = [
      'Bo,Bad,555,,85002,Sunny Leads',
      '"Cy, Jr.",Cole,(602) 555-0103,not-an-email,ABCDE,Sunny Leads',
      'Di,Dunn,(602) 555-0104,,85004,Nobody Leads',
    ]
    const csv = [
      header,
      'Ann,Archer,(602) 555-0101,ann@example.test,85001,sunny leads',
      broken[0],
      broken[1],
      'Eve,East,(602) 555-0105,,85005,Sunny Leads',
      broken[2],
    ].join('\r\n')
    const started = await upload(csv, '', company)
    expect(started.status).toBe(202)
    const done = await finished(started.body.id, company)
    expect(done).toMatchObject({ state: 'done', processedRows: 5, createdRows: 2, failedRows: 3 })
    expect(done.errors).toEqual([
      { row: 2, path: 'phone', message: 'Enter a phone number with its area code' },
      { row: 3, path: 'email', message: 'Enter an email address like name@example.com' },
      { row: 3, path: 'address.postalCode', message: 'Enter a US postal code' },
      { row: 5, path: 'partnerCompanyId', message: 'No source is named “Nobody Leads”' },
    ])
    const res = await errorsCsv(started.body.id, company)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/csv/)
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=".*errors\.csv"/)
    expect(res.body.split('\r\n')).toEqual([
      `${header},error`,
      `${broken[0]},"Enter a phone number with its area code"`,
      `${broken[1]},"Enter an email address like name@example.com; Enter a US postal code"`,
      `${broken[2]},"No source is named “Nobody Leads”"`,
      '',
    ])
    // Fixed, the refused rows import (the error column is ignored when mapped to nothing).
    const fixed = res.body
      .replace('555,', '(602) 555-0102,')
      .replace('not-an-email', 'cy@example.test')
      .replace('ABCDE', '85003')
      .replace('Nobody Leads,', 'Sunny Leads,')
    const again = await upload(
      fixed,
      `?columns=firstName,lastName,phone,email,postalCode,partnerCompanyId,`,
      company,
    )
    expect(await finished(again.body.id, company)).toMatchObject({
      state: 'done',
      createdRows: 3,
      failedRows: 0,
    })
  })

  it('lists past imports newest first with their counts, for the company only', async () => {
    const company = await signup(t.app)
    const source = await createPartner(t.app, company, leadSeller('Listed Leads'))
    const first = await upload(`phone\n+16025550181\nbad`, `?partnerCompanyId=${source.id}`, company)
    await finished(first.body.id, company)
    const second = await upload(`phone\n+16025550182`, `?partnerCompanyId=${source.id}`, company)
    await finished(second.body.id, company)
    const list = await call(t.app, 'GET', '/api/v1/imports?limit=1', { token: company.token })
    expect(list.status).toBe(200)
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: second.body.id, state: 'done', createdRows: 1, failedRows: 0 }),
    ])
    const next = await call(t.app, 'GET', `/api/v1/imports?cursor=${list.body.nextCursor}`, {
      token: company.token,
    })
    expect(next.body.items).toEqual([
      expect.objectContaining({
        id: first.body.id,
        createdRows: 1,
        failedRows: 1,
        createdBy: expect.any(String),
      }),
    ])
    const other = await signup(t.app)
    expect((await call(t.app, 'GET', '/api/v1/imports', { token: other.token })).body.items).toEqual([])
    expect((await errorsCsv(first.body.id, other)).statusCode).toBe(404)
  })

  it('imports by the mapping chosen on upload, ignoring unmapped columns, and remembers it for the company', async () => {
    const company = await signup(t.app)
    const source = await createPartner(t.app, company, leadSeller('Mapped Leads'))
    const csv = 'Nombre,Tel,Shoe Size,Origin\nMia,+16025550191,44,Mapped Leads\n'
    const started = await upload(csv, '?columns=firstName,phone,,partnerCompanyId', company)
    expect(await finished(started.body.id, company)).toMatchObject({ state: 'done', createdRows: 1 })
    const leads = await call(t.app, 'GET', `/api/v1/leads?partnerCompanyId=${source.id}`, {
      token: company.token,
    })
    expect(leads.body.items).toMatchObject([{ firstName: 'Mia', phone: '+16025550191' }])
    const mapping = await call(t.app, 'GET', '/api/v1/imports/mapping', { token: company.token })
    expect(mapping.body).toEqual({
      columns: { nombre: 'firstName', tel: 'phone', shoesize: null, origin: 'partnerCompanyId' },
    })
    const other = await signup(t.app)
    expect((await call(t.app, 'GET', '/api/v1/imports/mapping', { token: other.token })).body).toEqual({
      columns: {},
    })
  })

  it('refuses a mapping that names an unknown field or one field twice', async () => {
    const unknown = await upload('a\nb', '?columns=shoeSize')
    expect(unknown.status).toBe(400)
    expect(unknown.body.errors).toEqual([
      { path: 'columns', message: 'Column 1 is mapped to “shoeSize”, which is not a lead field' },
    ])
    const twice = await upload('a,b\nx,y', '?columns=phone,phone')
    expect(twice.status).toBe(400)
    expect(twice.body.errors[0].message).toMatch(/phone.*more than one column/)
  })

  it('sends one purchase notification per source for the whole import, not one per lead', async () => {
    const company = await signup(t.app)
    const seller = (name: string, email: string) => ({
      ...leadSeller(name),
      sellsLeads: { ...leadSeller(name).sellsLeads, purchaseNotificationEmails: [email] },
    })
    await createPartner(t.app, company, seller('North Leads', 'north@seller.test'))
    await createPartner(t.app, company, seller('South Leads', 'south@seller.test'))
    const rows = Array.from(
      { length: 6 },
      (_, i) =>
        `Lead ${i},+1602555${String(300 + i).padStart(4, '0')},${i < 4 ? 'North Leads' : 'South Leads'}`,
    )
    const started = await upload(
      ['Name,Phone,Source', ...rows].join('\n'),
      '?columns=firstName,phone,partnerCompanyId',
      company,
    )
    expect(await finished(started.body.id, company)).toMatchObject({ state: 'done', createdRows: 6 })
    const to = (address: string) => smtp.received.filter((r) => r.envelopeTo.includes(address))
    expect(
      await eventually(() => to('north@seller.test').length > 0 && to('south@seller.test').length > 0),
    ).toBe(true)
    // Time for any further (wrong) mail to arrive.
    await new Promise((r) => setTimeout(r, 1500))
    expect(to('north@seller.test').map((r) => r.mail.subject)).toEqual(['4 new leads from North Leads'])
    expect(to('south@seller.test').map((r) => r.mail.subject)).toEqual(['2 new leads from South Leads'])
  })
})
