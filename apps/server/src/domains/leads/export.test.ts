import { parse } from 'csv-parse/sync'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, type Session, signup, userWithRole } from '../../../test/helpers/client.ts'
import { createLead, seller } from '../../../test/helpers/leads.ts'
import { createPartner } from '../../../test/helpers/partners.ts'

let t: TestApp
let admin: Session
let source: { id: string }
beforeAll(async () => {
  t = await startTestApp()
  admin = await signup(t.app)
  source = await createPartner(t.app, admin, seller('=Export Seller'))
})
afterAll(() => t.close())

const exportCsv = async (query = '', session: Session = admin) => {
  const res = await call(t.app, 'GET', `/api/v1/leads/export.csv${query}`, { token: session.token })
  return { ...res, rows: res.status === 200 ? (parse(res.body as string) as string[][]) : [] }
}

describe('GET /api/v1/leads/export.csv', () => {
  it('has a header row of human names and escapes every cell a spreadsheet would run as a formula', async () => {
    const lead = await createLead(t.app, admin, source.id, {
      firstName: '=HYPERLINK("http://evil.test")',
      lastName: '+SUM(A1:A9)',
      companyName: '-2+3',
      email: null,
      address: { street: '@cmd', city: 'Trimmed', region: 'AZ', country: 'US' },
    })
    // Intake trims contact fields, so a leading tab or CR can only come from elsewhere (an import, SQL).
    await sql`update leads set city = chr(9) || 'Tabbed', region = chr(13) || 'CR' where id = ${lead.id}`.execute(
      t.ctx.db,
    )
    const res = await exportCsv()
    expect(res.status).toBe(200)
    expect(res.contentType).toMatch(/^text\/csv/)
    expect(res.headers['content-disposition']).toBe('attachment; filename="leads.csv"')
    const [header, ...rows] = res.rows
    expect(header).toEqual([
      'Number',
      'First name',
      'Last name',
      'Company',
      'Email',
      'Phone',
      'Street',
      'City',
      'State',
      'ZIP',
      'Country',
      'Source',
      'Campaign',
      'Location',
      'Priority',
      'Assigned to',
      'Added',
    ])
    const row = rows.find((r) => r[0] === String(lead.number)) ?? []
    expect(row.slice(1, 8)).toEqual([
      `'=HYPERLINK("http://evil.test")`,
      "'+SUM(A1:A9)",
      "'-2+3",
      '',
      expect.stringMatching(/^'\+1602/),
      "'@cmd",
      "'\tTabbed",
    ])
    expect(row[8]).toBe("'\rCR")
    expect(row[11]).toBe("'=Export Seller")
    expect(row.slice(13, 15)).toEqual(['queue', 'normal'])
  })

  it('exports what the list shows: its filters, its order, only this company, across many batches', async () => {
    const other = await signup(t.app)
    const theirs = await createPartner(t.app, other, seller('Not Ours'))
    await createLead(t.app, other, theirs.id)
    const bulkSource = await createPartner(t.app, admin, seller('Bulk Export'))
    // More than five batches of 1,000.
    await sql`insert into leads (company_id, id, first_name, last_name, phone, country, timezone,
        partner_company_id, location, priority_rank, contact_after)
      select ${admin.companyId}, gen_random_uuid(), 'Row', 'Number ' || g, '+1602555' || lpad(g::text, 4, '0'),
        'US', 'America/New_York', ${bulkSource.id}, case when g % 2 = 0 then 'queue' else 'pending' end, 2, now()
      from generate_series(1, 5001) g`.execute(t.ctx.db)

    const list = async (query: string) => {
      const numbers: string[] = []
      let cursor: string | null = null
      do {
        const res = await call(
          t.app,
          'GET',
          `/api/v1/leads?${query}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          { token: admin.token },
        )
        numbers.push(...res.body.items.map((l: { number: number }) => String(l.number)))
        cursor = res.body.nextCursor
      } while (cursor)
      return numbers
    }
    const query = `partnerCompanyId=${bulkSource.id}&location=pending&sort=-lastName`
    const exported = await exportCsv(`?${query}`)
    const numbers = exported.rows.slice(1).map((r) => r[0])
    expect(numbers).toHaveLength(2501)
    expect(numbers).toEqual(await list(query))
    expect(new Set(exported.rows.slice(1).map((r) => r[13]))).toEqual(new Set(['pending']))

    const everything = await exportCsv()
    expect(everything.rows).toHaveLength(1 + 5002)
    expect(everything.rows.some((r) => r[11] === 'Not Ours')).toBe(false)
  })

  it('follows the list permissions: a rep exports neither Pending nor Queue leads, only what they may see', async () => {
    const rep = await userWithRole(t.app, admin, 'Lead rep')
    const theirs = await createLead(t.app, admin, source.id)
    const assigned = await call(t.app, 'POST', '/api/v1/leads/bulk', {
      token: admin.token,
      body: { action: 'assign', userId: rep.userId, leadIds: [theirs.id] },
    })
    expect(assigned.body.done).toEqual([theirs.id])
    const res = await exportCsv('', rep)
    expect(res.status).toBe(200)
    expect(res.rows.slice(1).map((r) => r[0])).toEqual([String(theirs.number)])
    expect(res.rows.slice(1).some((r) => r[13] === 'pending' || r[13] === 'queue')).toBe(false)
    expect((await exportCsv('?location=pending', rep)).status).toBe(403)
  })
})
