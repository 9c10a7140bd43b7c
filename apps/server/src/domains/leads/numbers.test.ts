import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { call, type Session, signup } from '../../../test/helpers/client.ts'
import { freshDatabase } from '../../../test/helpers/database.ts'
import { createLead, leadBody, seller, uniquePhone } from '../../../test/helpers/leads.ts'
import { createPartner } from '../../../test/helpers/partners.ts'
import { loadMigrations, migrate } from '../../db/migrate.ts'

// Lead and customer numbers are each company's own (issue 11, item 8): no tenant can count another's.
let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

/** A fresh company with a source that sells it leads and customers. */
async function company(): Promise<{ admin: Session; sourceId: string }> {
  const admin = await signup(t.app)
  const offices = await call(t.app, 'GET', '/api/v1/office-locations', { token: admin.token })
  const source = await createPartner(
    t.app,
    admin,
    seller(
      'Numbered Source',
      {},
      { sellsCustomers: { enabled: true, defaultOfficeLocationId: offices.body.items[0].id } },
    ),
  )
  return { admin, sourceId: source.id }
}

const postCustomer = (admin: Session, sourceId: string) =>
  call(t.app, 'POST', '/api/v1/customers', {
    token: admin.token,
    body: { partnerCompanyId: sourceId, firstName: 'Cora', phone: uniquePhone() },
  })

const csvUpload = (admin: Session, sourceId: string, csv: string) =>
  t.app
    .inject({
      method: 'POST',
      url: `/api/v1/leads/import?partnerCompanyId=${sourceId}`,
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/csv' },
      payload: csv,
    })
    .then((res) => res.json() as { id: string })

async function importDone(admin: Session, id: string) {
  const until = Date.now() + 60_000
  for (;;) {
    const res = await call(t.app, 'GET', `/api/v1/imports/${id}`, { token: admin.token })
    if (['done', 'failed'].includes(res.body.state) || Date.now() > until) return res.body
    await new Promise((r) => setTimeout(r, 200))
  }
}

describe('record numbers', () => {
  it('start at 1 in every company, for leads and for customers, whatever the other companies hold', async () => {
    const first = await company()
    const second = await company()
    expect((await createLead(t.app, first.admin, first.sourceId)).number).toBe(1)
    expect((await createLead(t.app, first.admin, first.sourceId)).number).toBe(2)
    expect((await postCustomer(first.admin, first.sourceId)).body.number).toBe(1)
    // The second company's first lead is not #3, and its first customer not #2.
    expect((await createLead(t.app, second.admin, second.sourceId)).number).toBe(1)
    expect((await postCustomer(second.admin, second.sourceId)).body.number).toBe(1)
    expect((await postCustomer(first.admin, first.sourceId)).body.number).toBe(2)
    expect((await createLead(t.app, first.admin, first.sourceId)).number).toBe(3)
  })

  it('number a converted lead as the next customer of its company', async () => {
    const { admin, sourceId } = await company()
    await postCustomer(admin, sourceId)
    const lead = await createLead(t.app, admin, sourceId)
    const converted = await call(t.app, 'POST', `/api/v1/leads/${lead.id}/convert`, {
      token: admin.token,
      body: {},
    })
    expect(converted.status).toBe(201)
    expect(converted.body.customer.number).toBe(2)
  })

  it('number imported leads after the ones posted, in the importing company only', async () => {
    const { admin, sourceId } = await company()
    const other = await company()
    await createLead(t.app, admin, sourceId)
    const started = await csvUpload(
      admin,
      sourceId,
      ['firstName,phone', 'Ivy,+1 480 555 7001', 'Ida,+1 480 555 7002', 'Ike,+1 480 555 7003'].join('\n'),
    )
    expect(await importDone(admin, started.id)).toMatchObject({ state: 'done', createdRows: 3 })
    const leads = await call(t.app, 'GET', '/api/v1/leads?limit=10', { token: admin.token })
    expect(leads.body.items.map((l: { number: number }) => l.number).sort()).toEqual([1, 2, 3, 4])
    expect((await createLead(t.app, other.admin, other.sourceId)).number).toBe(1)
  })

  it('never repeat a number when many leads arrive at once', async () => {
    const { admin, sourceId } = await company()
    const answers = await Promise.all(
      Array.from({ length: 60 }, () =>
        call(t.app, 'POST', '/api/v1/leads', { token: admin.token, body: leadBody(sourceId) }),
      ),
    )
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201))
    const numbers = answers.map((a) => a.body.number as number)
    expect(new Set(numbers).size).toBe(60)
    expect(Math.min(...numbers)).toBe(1)
    expect(Math.max(...numbers)).toBe(60)
  })

  it('spend no number on a refused duplicate', async () => {
    const { admin, sourceId } = await company()
    const phone = uniquePhone()
    expect((await createLead(t.app, admin, sourceId, { phone })).number).toBe(1)
    const duplicate = await call(t.app, 'POST', '/api/v1/leads', {
      token: admin.token,
      body: leadBody(sourceId, { phone }),
    })
    expect(duplicate.status).toBe(422)
    expect((await createLead(t.app, admin, sourceId)).number).toBe(2)
  })
})

describe('record numbers of a database made before they were per company', () => {
  it('keep every existing number; each company goes on from its own highest', async () => {
    const { database, drop } = await freshDatabase()
    try {
      const db = database.db
      // The schema as it was before 0050, as a running deployment has it.
      const before = (await loadMigrations()).filter((m) => m.id < 50)
      await sql`create table schema_migrations (id integer primary key, name text not null,
        applied_at timestamptz not null default now())`.execute(db)
      for (const m of before) {
        await sql.raw(m.sql).execute(db)
        await sql`insert into schema_migrations (id, name) values (${m.id}, ${m.name})`.execute(db)
      }
      const a = '01900000-0000-7000-8000-00000000000a'
      const b = '01900000-0000-7000-8000-00000000000b'
      await sql`insert into companies (id, slug, name) values (${a}, 'a', 'A'), (${b}, 'b', 'B')`.execute(db)
      await sql`set session_replication_role = replica`.execute(db)
      // One shared sequence: A's leads 1 and 3, B's lead 2 and customer 4.
      for (const [company, table] of [
        [a, 'leads'],
        [b, 'leads'],
        [a, 'leads'],
        [b, 'customers'],
      ] as const) {
        const columns =
          table === 'leads'
            ? sql`(company_id, id, timezone, partner_company_id, location, priority_rank, contact_after)
                values (${company}, gen_random_uuid(), 'UTC', gen_random_uuid(), 'pending', 0, now())`
            : sql`(company_id, id, office_location_id) values (${company}, gen_random_uuid(), gen_random_uuid())`
        await sql`insert into ${sql.table(table)} ${columns}`.execute(db)
      }
      await sql`set session_replication_role = origin`.execute(db)
      expect(await migrate(db)).toContain('0050_record_numbers_per_company.sql')
      const next = async (company: string, kind: string) =>
        (await sql<{ n: string }>`select record_number(${company}, ${kind}) as n`.execute(db)).rows[0]?.n
      const numbers = await sql<{ company_id: string; number: string }>`
        select company_id, number from leads union all select company_id, number from customers
        order by number`.execute(db)
      expect(numbers.rows.map((r) => Number(r.number))).toEqual([1, 2, 3, 4])
      expect(Number(await next(a, 'lead'))).toBe(4)
      expect(Number(await next(a, 'customer'))).toBe(1)
      expect(Number(await next(b, 'lead'))).toBe(3)
      expect(Number(await next(b, 'customer'))).toBe(5)
    } finally {
      await drop()
    }
  })
})
