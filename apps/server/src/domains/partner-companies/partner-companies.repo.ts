import type { partnerCompanySortKeys } from '@tributary/contracts'
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely'
import type { Conn } from '../../db/client.ts'
import type { PartnerCompaniesTable } from '../../db/schema.ts'
import { cappedCount, type SortKey, type SortOf, sorted, timeKey } from '../../lib/sort.ts'

export type PartnerRow = Selectable<PartnerCompaniesTable>
export type PartnerColumns = Omit<Insertable<PartnerCompaniesTable>, 'company_id' | 'id'>

export const findPartnerCompany = (
  conn: Conn,
  companyId: string,
  id: string,
): Promise<PartnerRow | undefined> =>
  conn
    .selectFrom('partner_companies')
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .selectAll()
    .executeTakeFirst()

export type PartnerFilter = {
  sellsLeads?: boolean
  sellsCustomers?: boolean
  buysLeads?: boolean
  buysCustomers?: boolean
  active?: boolean
  tagId?: string
  tagName?: string
  q?: string
}

/** The lists' orders (`?sort=`), each ending in id; by name (the default) without case. */
export const partnerSorts = {
  name: [{ order: sql`lower(p.name)`, select: sql`lower(p.name)`, kind: 'text' }],
  createdAt: [timeKey('p.created_at')],
} satisfies Record<(typeof partnerCompanySortKeys)[number], readonly SortKey[]>

/** Partner companies in a sort after the cursor's keys, each row with the total matching the filter. */
export function listPartnerCompanies(
  conn: Conn,
  companyId: string,
  filter: PartnerFilter,
  limit: number,
  after: readonly (string | number)[] | undefined,
  sort: SortOf<keyof typeof partnerSorts>,
) {
  let query = conn.selectFrom('partner_companies as p').where('p.company_id', '=', companyId)
  const flags = ['sellsLeads', 'sellsCustomers', 'buysLeads', 'buysCustomers', 'active'] as const
  const columns = {
    sellsLeads: 'p.sells_leads',
    sellsCustomers: 'p.sells_customers',
    buysLeads: 'p.buys_leads',
    buysCustomers: 'p.buys_customers',
    active: 'p.active',
  } as const
  for (const flag of flags) {
    const value = filter[flag]
    if (value !== undefined) query = query.where(columns[flag], '=', value)
  }
  if (filter.tagId || filter.tagName) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('partner_company_tags as pt')
          .innerJoin('tags as t', (j) =>
            j.onRef('t.company_id', '=', 'pt.company_id').onRef('t.id', '=', 'pt.tag_id'),
          )
          .whereRef('pt.company_id', '=', 'p.company_id')
          .whereRef('pt.partner_company_id', '=', 'p.id')
          .$if(filter.tagId !== undefined, (q) => q.where('t.id', '=', filter.tagId as string))
          .$if(filter.tagName !== undefined, (q) =>
            q.where(sql`lower(t.name)`, '=', (filter.tagName as string).toLowerCase()),
          )
          .select(sql`1`.as('one')),
      ),
    )
  }
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    query = query.where((eb) =>
      eb.or([
        eb('p.name', 'ilike', like),
        eb('p.contact_person', 'ilike', like),
        eb('p.email', 'ilike', like),
      ]),
    )
  }
  return sorted(
    query.selectAll('p').select(cappedCount(query).as('total')),
    partnerSorts[sort.name],
    sort.desc,
    'p.id',
    limit,
    after,
  ).execute()
}

export async function insertPartnerCompany(
  conn: Conn,
  companyId: string,
  id: string,
  values: PartnerColumns,
) {
  await conn
    .insertInto('partner_companies')
    .values({ ...values, company_id: companyId, id })
    .execute()
}

export async function updatePartnerCompany(
  conn: Conn,
  companyId: string,
  id: string,
  values: Updateable<PartnerCompaniesTable>,
) {
  await conn
    .updateTable('partner_companies')
    .set({ ...values, updated_at: sql<Date>`now()` })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute()
}

export async function deletePartnerCompany(conn: Conn, companyId: string, id: string) {
  await conn
    .deleteFrom('partner_companies')
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute()
}

export async function usernameTaken(conn: Conn, companyId: string, username: string, exceptId?: string) {
  const row = await conn
    .selectFrom('partner_companies')
    .where('company_id', '=', companyId)
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .$if(exceptId !== undefined, (q) => q.where('id', '<>', exceptId as string))
    .select('id')
    .executeTakeFirst()
  return row !== undefined
}

export async function applyTag(conn: Conn, companyId: string, partnerCompanyId: string, tagId: string) {
  await conn
    .insertInto('partner_company_tags')
    .values({ company_id: companyId, partner_company_id: partnerCompanyId, tag_id: tagId })
    .onConflict((oc) => oc.doNothing())
    .execute()
}

export async function removeTag(conn: Conn, companyId: string, partnerCompanyId: string, tagId: string) {
  await conn
    .deleteFrom('partner_company_tags')
    .where('company_id', '=', companyId)
    .where('partner_company_id', '=', partnerCompanyId)
    .where('tag_id', '=', tagId)
    .execute()
}

/** The company's slug, for the partner login URL shown on every partner company. */
export async function companySlug(conn: Conn, companyId: string): Promise<string> {
  const row = await conn.selectFrom('companies').where('id', '=', companyId).select('slug').executeTakeFirst()
  return row?.slug ?? ''
}

export async function setBuysEnabled(
  conn: Conn,
  companyId: string,
  id: string,
  column: 'buys_leads' | 'buys_customers',
  enabled: boolean,
) {
  await conn
    .updateTable('partner_companies')
    .set({ [column]: enabled, updated_at: sql`now()` })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute()
}

export async function setBuysSecret(
  conn: Conn,
  companyId: string,
  id: string,
  e: { postUrl: string; sourceId: string; secretSealed: string },
) {
  for (const p of ['bl', 'bc'] as const) {
    await conn
      .updateTable('partner_companies')
      .set({ [`${p}_secret`]: e.secretSealed })
      .where('company_id', '=', companyId)
      .where('id', '=', id)
      .where(`${p}_post_url`, '=', e.postUrl)
      .where(`${p}_source_id`, '=', e.sourceId)
      .execute()
  }
}

/** The ids of the partner companies with each of these names (any case): lower(name) → ids. */
export async function idsByNames(conn: Conn, companyId: string, names: string[]) {
  const found = new Map<string, string[]>()
  if (names.length === 0) return found
  const rows = await conn
    .selectFrom('partner_companies')
    .where('company_id', '=', companyId)
    .where(
      sql<string>`lower(name)`,
      'in',
      names.map((n) => n.toLowerCase()),
    )
    .select([sql<string>`lower(name)`.as('key'), 'id'])
    .execute()
  for (const r of rows) found.set(r.key, [...(found.get(r.key) ?? []), r.id])
  return found
}
