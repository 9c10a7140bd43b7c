import { sql } from 'kysely'
import type { Conn } from '../../db/client.ts'

export const listIgnored = (conn: Conn, companyId: string) =>
  conn
    .selectFrom('ignored_companies')
    .where('company_id', '=', companyId)
    .select(['id', 'name'])
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .execute()

/** False when a company with the same key is already ignored. */
export async function insertIgnored(
  conn: Conn,
  companyId: string,
  row: { id: string; name: string; name_key: string },
) {
  const inserted = await conn
    .insertInto('ignored_companies')
    .values({ company_id: companyId, ...row })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted !== undefined
}

/** 'taken' when another ignored company has the key; false when there is no such one. */
export async function renameIgnored(
  conn: Conn,
  companyId: string,
  id: string,
  row: { name: string; name_key: string },
): Promise<boolean | 'taken'> {
  const clash = await conn
    .selectFrom('ignored_companies')
    .where('company_id', '=', companyId)
    .where('name_key', '=', row.name_key)
    .where('id', '<>', id)
    .select('id')
    .executeTakeFirst()
  if (clash) return 'taken'
  const updated = await conn
    .updateTable('ignored_companies')
    .set(row)
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst()
  return updated !== undefined
}

export async function deleteIgnored(conn: Conn, companyId: string, id: string) {
  const row = await conn
    .deleteFrom('ignored_companies')
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

export async function isIgnored(conn: Conn, companyId: string, nameKey: string) {
  const row = await conn
    .selectFrom('ignored_companies')
    .where('company_id', '=', companyId)
    .where('name_key', '=', nameKey)
    .select('id')
    .executeTakeFirst()
  return row !== undefined
}
