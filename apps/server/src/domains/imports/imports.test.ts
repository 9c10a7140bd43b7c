import { PassThrough } from 'node:stream'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'
import { createPartner, leadSeller } from '../../../test/helpers/partners.ts'
import { eventually } from '../../../test/helpers/smtp.ts'
import { expireUploads } from './imports.jobs.ts'

let t: TestApp
let admin: Session
let sourceId: string
beforeAll(async () => {
  t = await startTestApp()
  admin = await signup(t.app)
  sourceId = (await createPartner(t.app, admin, leadSeller('CSV Source'))).id
})
afterAll(() => t.close())

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
      { row: 5, message: 'This lead duplicates an existing one' },
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
