import { type Insertable, type Selectable, sql, type Updateable } from 'kysely'
import type { Conn } from '../../db/client.ts'
import type { CustomersTable } from '../../db/schema.ts'

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

/** Newest first. `created_key` is `created_at` to the microsecond, for exact cursors. */
export function listCustomers(
  conn: Conn,
  companyId: string,
  f: CustomerFilter,
  limit: number,
  after?: readonly [string, string],
) {
  let query = conn
    .selectFrom('customers')
    .where('company_id', '=', companyId)
    .selectAll()
    .select(
      sql<string>`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('created_key'),
    )
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
  if (after)
    query = query.where(sql<boolean>`(created_at, id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`)
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
}

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
