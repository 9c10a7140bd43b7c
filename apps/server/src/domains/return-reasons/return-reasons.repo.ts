import { sql } from 'kysely'
import type { Conn } from '../../db/client.ts'

const reasons = (conn: Conn, companyId: string) =>
  conn.selectFrom('return_reasons').where('company_id', '=', companyId).select(['id', 'name', 'position'])

export const listReturnReasons = (conn: Conn, companyId: string) =>
  reasons(conn, companyId).orderBy('position').orderBy(sql`lower(name)`).execute()

export const findReturnReason = (conn: Conn, companyId: string, id: string) =>
  reasons(conn, companyId).where('id', '=', id).executeTakeFirst()

export const findReturnReasonByName = (conn: Conn, companyId: string, name: string) =>
  reasons(conn, companyId).where(sql`lower(name)`, '=', name.toLowerCase()).executeTakeFirst()

export async function insertReturnReasons(
  conn: Conn,
  companyId: string,
  rows: { id: string; name: string; position: number }[],
) {
  await conn
    .insertInto('return_reasons')
    .values(rows.map((r) => ({ ...r, company_id: companyId })))
    .execute()
}

export async function updateReturnReason(
  conn: Conn,
  companyId: string,
  id: string,
  v: { name?: string; position?: number },
) {
  await conn
    .updateTable('return_reasons')
    .set(v)
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute()
}

export async function deleteReturnReason(conn: Conn, companyId: string, id: string) {
  await conn.deleteFrom('return_reasons').where('company_id', '=', companyId).where('id', '=', id).execute()
}
