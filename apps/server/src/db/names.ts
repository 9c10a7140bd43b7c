import type { Conn } from './client.ts'

type NamedTable = 'partner_companies' | 'campaigns' | 'users' | 'office_locations'

/**
 * Every name of a company's sources, campaigns, users or offices by id, read once: what an export
 * shows for the ids a row holds, without a join per row. These tables hold tens or hundreds of rows.
 */
export async function namesById<T extends NamedTable>(
  conn: Conn,
  companyId: string,
  tables: readonly T[],
): Promise<Record<T, Map<string, string>>> {
  const read = tables.map(async (table) => {
    const rows = await conn
      .selectFrom(table as NamedTable)
      .where('company_id', '=', companyId)
      .select(['id', 'name'])
      .execute()
    return [table, new Map(rows.map((r) => [r.id, r.name]))] as const
  })
  return Object.fromEntries(await Promise.all(read)) as Record<T, Map<string, string>>
}
