import type { Conn } from '../../db/client.ts'

export const findCompanyBySlug = (conn: Conn, slug: string) =>
  conn
    .selectFrom('companies')
    .where('slug', '=', slug)
    .select(['id', 'slug', 'name', 'timezone'])
    .executeTakeFirst()

export const findCompany = (conn: Conn, id: string) =>
  conn
    .selectFrom('companies')
    .where('id', '=', id)
    .select(['id', 'slug', 'name', 'timezone', 'currency'])
    .executeTakeFirst()

/** Inserts unless the slug is taken; answers whether it was inserted. */
export async function insertCompany(conn: Conn, company: { id: string; slug: string; name: string }) {
  const row = await conn
    .insertInto('companies')
    .values(company)
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

export const companySettings = (conn: Conn, id: string) =>
  conn
    .selectFrom('companies')
    .where('id', '=', id)
    .select(['name', 'currency', 'timezone'])
    .executeTakeFirstOrThrow()

export async function setCurrency(conn: Conn, id: string, currency: string) {
  await conn.updateTable('companies').set({ currency }).where('id', '=', id).execute()
}
