import { sql } from 'kysely'
import type { Conn } from './client.ts'

const pgCode = (error: unknown) => (error as { code?: string } | null)?.code

/** The error a unique index raises: a concurrent write won the race the service checked for. */
export const isUniqueViolation = (error: unknown) => pgCode(error) === '23505'

/** The error a foreign key raises: other rows still refer to the one being deleted. */
export const isForeignKeyViolation = (error: unknown) => pgCode(error) === '23503'

/** Company settings whose names are unique per company, whatever their case. */
type NamedTable = 'roles' | 'tags' | 'message_campaigns' | 'office_locations'

/** Whether another row of `table` (not `exceptId`) already has `name`, in any case. */
export async function nameTaken(
  conn: Conn,
  table: NamedTable,
  companyId: string,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  const { rows } = await sql`select 1 from ${sql.table(table)}
    where company_id = ${companyId} and lower(name) = ${name.toLowerCase()}
    ${exceptId === undefined ? sql`` : sql`and id <> ${exceptId}`}
    limit 1`.execute(conn)
  return rows.length > 0
}
