import { sql } from 'kysely'
import type { Conn } from '../../db/client.ts'

const reps = (conn: Conn, companyId: string) =>
  conn
    .selectFrom('sales_reps')
    .where('company_id', '=', companyId)
    .select(['id', 'name', 'email', 'lead_notifications'])

export type SalesRepRow = Awaited<ReturnType<typeof listSalesReps>>[number]

export const listSalesReps = (conn: Conn, companyId: string) =>
  reps(conn, companyId).orderBy(sql`lower(name)`).orderBy('id').execute()

export const findSalesRep = (conn: Conn, companyId: string, id: string) =>
  reps(conn, companyId).where('id', '=', id).executeTakeFirst()

/** False when the email is taken by another rep of the company. */
export async function insertSalesRep(
  conn: Conn,
  companyId: string,
  rep: { id: string; name: string; email: string },
) {
  const row = await conn
    .insertInto('sales_reps')
    .values({ company_id: companyId, ...rep })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

/** 'taken' when the email is another rep's; false when there is no such rep. */
export async function updateSalesRep(
  conn: Conn,
  companyId: string,
  id: string,
  rep: { name: string; email: string },
): Promise<boolean | 'taken'> {
  const clash = await conn
    .selectFrom('sales_reps')
    .where('company_id', '=', companyId)
    .where(sql`lower(email)`, '=', rep.email.toLowerCase())
    .where('id', '<>', id)
    .select('id')
    .executeTakeFirst()
  if (clash) return 'taken'
  const row = await conn
    .updateTable('sales_reps')
    .set(rep)
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

export async function deleteSalesRep(conn: Conn, companyId: string, id: string) {
  const row = await conn
    .deleteFrom('sales_reps')
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

/** Exactly `ids` are lead notification recipients afterwards. */
export async function setRecipients(conn: Conn, companyId: string, ids: string[]) {
  await sql`update sales_reps set lead_notifications = (id = any(${ids}::uuid[]))
    where company_id = ${companyId}`.execute(conn)
}
