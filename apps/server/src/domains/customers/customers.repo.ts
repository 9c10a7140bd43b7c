import type { customerSortKeys } from '@tributary/contracts'
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely'
import type { Conn } from '../../db/client.ts'
import type { CustomersTable } from '../../db/schema.ts'
import {
  byParentName,
  cappedCount,
  key,
  parentKeys,
  type SortedRow,
  type SortKey,
  type SortOf,
  sorted,
  textKey,
  timeKey,
} from '../../lib/sort.ts'

export type CustomerRow = Selectable<CustomersTable>

export const findCustomer = (conn: Conn, companyId: string, id: string): Promise<CustomerRow | undefined> =>
  conn
    .selectFrom('customers')
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .selectAll()
    .executeTakeFirst()

export async function insertCustomer(
  conn: Conn,
  companyId: string,
  row: Omit<Insertable<CustomersTable>, 'company_id'>,
) {
  return conn
    .insertInto('customers')
    .values({ ...row, company_id: companyId })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function updateCustomer(
  conn: Conn,
  companyId: string,
  id: string,
  values: Updateable<CustomersTable>,
) {
  return conn
    .updateTable('customers')
    .set({ ...values, updated_at: sql<Date>`now()` })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export type CustomerFilter = {
  partnerCompanyId?: string
  officeLocationId?: string
  status?: CustomerRow['status']
  q?: string
}

/** The customers of a company that match a filter, nothing selected yet: lists, totals, export, bulk. */
export function matchingCustomers(conn: Conn, companyId: string, f: CustomerFilter) {
  let query = conn.selectFrom('customers').where('company_id', '=', companyId)
  if (f.partnerCompanyId) query = query.where('partner_company_id', '=', f.partnerCompanyId)
  if (f.officeLocationId) query = query.where('office_location_id', '=', f.officeLocationId)
  if (f.status) query = query.where('status', '=', f.status)
  if (f.q) {
    const q = f.q
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    query = query.where((eb) =>
      eb.or([
        eb(sql`coalesce(first_name, '') || ' ' || coalesce(last_name, '')`, 'ilike', like),
        eb('email', 'ilike', like),
        eb('company_name', 'ilike', like),
        // Only digits that fit a bigint: a longer string would fail the whole search.
        ...(/^\d{1,15}$/.test(q) ? [eb('number', '=', Number(q))] : []),
      ]),
    )
  }
  return query
}

/** The lists' orders (`?sort=`), each ending in id; `-createdAt` (newest first) is the default. */
export const customerSorts = {
  number: [key('number', 'int')],
  createdAt: [timeKey('created_at')],
  lastName: [textKey('last_name')],
  location: parentKeys,
} satisfies Record<CustomerSortName, readonly SortKey[]>

export type CustomerSortName = (typeof customerSortKeys)[number]
export type ListedCustomerRow = CustomerRow & SortedRow & { total: number }

/** Customers in a sort after the cursor's keys; with `counted`, each row carries the total too. */
export async function listCustomers(
  conn: Conn,
  companyId: string,
  f: CustomerFilter,
  limit: number,
  after: readonly (string | number)[] | undefined,
  sort: SortOf<CustomerSortName>,
  counted = true,
): Promise<ListedCustomerRow[]> {
  const base = matchingCustomers(conn, companyId, f)
  const total = counted ? cappedCount(base) : sql<number>`null`
  if (sort.name === 'location') {
    const parent = { table: 'office_locations', companyId, fk: 'office_location_id' }
    return (await byParentName(base.selectAll(), parent, sort.desc, limit, after, total).execute(conn)).rows
  }
  return sorted(
    base.selectAll().select(total.as('total')),
    customerSorts[sort.name],
    sort.desc,
    'id',
    limit,
    after,
  ).execute()
}

/** The ids of the customers matching a filter, at most `limit` (bulk actions by filter). */
export const matchingCustomerIds = async (conn: Conn, companyId: string, f: CustomerFilter, limit: number) =>
  (await matchingCustomers(conn, companyId, f).select('id').orderBy('id').limit(limit).execute()).map(
    (r) => r.id,
  )

/** The company's customers among `ids`, locked for a batch change. */
export const lockCustomers = (conn: Conn, companyId: string, ids: string[]): Promise<CustomerRow[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : conn
        .selectFrom('customers')
        .where('company_id', '=', companyId)
        .where('id', 'in', ids)
        .selectAll()
        .orderBy('id')
        .forUpdate()
        .execute()

export async function markCustomersReturned(
  conn: Conn,
  companyId: string,
  ids: string[],
  reason: string,
  comments: string | null,
) {
  if (ids.length === 0) return
  await conn
    .updateTable('customers')
    .set({
      status: 'returned',
      return_reason: reason,
      // The newest comment; the history keeps every earlier one (record_activities).
      ...(comments && { call_center_comments: comments }),
      updated_at: sql<Date>`now()`,
    })
    .where('company_id', '=', companyId)
    .where('id', 'in', ids)
    .execute()
}
