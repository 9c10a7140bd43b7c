import { sql } from 'kysely'
import type { Conn } from '../../db/client.ts'
import { isUniqueViolation, nameTaken } from '../../db/constraints.ts'

export type TagRow = { id: string; name: string }

const tags = (conn: Conn, companyId: string) =>
  conn.selectFrom('tags').where('company_id', '=', companyId).select(['id', 'name'])

export const findTag = (conn: Conn, companyId: string, id: string): Promise<TagRow | undefined> =>
  tags(conn, companyId).where('id', '=', id).executeTakeFirst()

/** A company has a handful of tags: the list is whole, by name. */
export const listTags = (conn: Conn, companyId: string): Promise<TagRow[]> =>
  tags(conn, companyId).orderBy(sql`lower(name)`).orderBy('id').execute()

export const tagNameTaken = (conn: Conn, companyId: string, name: string, exceptId?: string) =>
  nameTaken(conn, 'tags', companyId, name, exceptId)

/** False when the name is taken (a concurrent insert won the unique index). */
export async function insertTag(conn: Conn, companyId: string, id: string, name: string): Promise<boolean> {
  const row = await conn
    .insertInto('tags')
    .values({ company_id: companyId, id, name })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

/** False when the new name is taken (a concurrent write won the unique index). */
export async function renameTag(conn: Conn, companyId: string, id: string, name: string): Promise<boolean> {
  try {
    await conn
      .updateTable('tags')
      .set({ name })
      .where('company_id', '=', companyId)
      .where('id', '=', id)
      .execute()
    return true
  } catch (error) {
    if (isUniqueViolation(error)) return false
    throw error
  }
}

/** Removes the tag from every partner company too (the join rows cascade). */
export async function deleteTag(conn: Conn, companyId: string, id: string) {
  await conn.deleteFrom('tags').where('company_id', '=', companyId).where('id', '=', id).execute()
}

export async function tagsOfPartnerCompanies(
  conn: Conn,
  companyId: string,
  partnerCompanyIds: string[],
): Promise<(TagRow & { partner_company_id: string })[]> {
  if (partnerCompanyIds.length === 0) return []
  return conn
    .selectFrom('partner_company_tags as pct')
    .innerJoin('tags as t', (join) =>
      join.onRef('t.company_id', '=', 'pct.company_id').onRef('t.id', '=', 'pct.tag_id'),
    )
    .where('pct.company_id', '=', companyId)
    .where('pct.partner_company_id', 'in', partnerCompanyIds)
    .select(['pct.partner_company_id', 't.id', 't.name'])
    .orderBy(sql`lower(t.name)`)
    .orderBy('t.id')
    .execute()
}
