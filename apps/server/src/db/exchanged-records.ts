import { sql } from 'kysely'
import type { Conn } from './client.ts'

// What the exchange records on a lead or customer, the same way in both tables: the buyer it
// was sold to, and the seller's id for a record that was bought. leads.records.ts and
// customers.records.ts expose these for their own table.

export type RecordTable = 'leads' | 'customers'

const soldState = {
  leads: sql`location = 'sold', assigned_user_id = null`,
  customers: sql`status = 'sold'`,
}
const isSold = { leads: sql`location = 'sold'`, customers: sql`status = 'sold'` }

export async function markSold(
  conn: Conn,
  table: RecordTable,
  companyId: string,
  ids: string[],
  buyerId: string,
) {
  if (ids.length === 0) return
  await sql`update ${sql.table(table)} set ${soldState[table]}, sold_to_partner_company_id = ${buyerId},
    updated_at = now() where company_id = ${companyId} and id = any(${ids}::uuid[])`.execute(conn)
}

export async function setOrigin(
  conn: Conn,
  table: RecordTable,
  companyId: string,
  id: string,
  origin: string,
) {
  await sql`update ${sql.table(table)} set exchange_origin_id = ${origin}
    where company_id = ${companyId} and id = ${id}`.execute(conn)
}

/** The seller's ids of the records among `ids` that were bought over the exchange. */
export async function originsOf(conn: Conn, table: RecordTable, companyId: string, ids: string[]) {
  if (ids.length === 0) return []
  const { rows } = await sql<{ id: string; origin: string; partner_company_id: string }>`
    select id, exchange_origin_id as origin, partner_company_id from ${sql.table(table)}
    where company_id = ${companyId} and id = any(${ids}::uuid[]) and exchange_origin_id is not null`.execute(
    conn,
  )
  return rows
}

/** A record this company sold to `buyerId` and that is still sold, locked; undefined otherwise. */
export async function lockSoldTo(
  conn: Conn,
  table: RecordTable,
  companyId: string,
  id: string,
  buyerId: string,
) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
  const { rows } = await sql<{ id: string }>`select id from ${sql.table(table)}
    where company_id = ${companyId} and id = ${id}::uuid and sold_to_partner_company_id = ${buyerId}
      and ${isSold[table]} for update`.execute(conn)
  return rows[0]
}
