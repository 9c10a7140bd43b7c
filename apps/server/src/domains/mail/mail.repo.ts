import { type Selectable, sql } from 'kysely'
import type { Conn } from '../../db/client.ts'
import type { MailTable } from '../../db/schema.ts'

export type MailRow = Selectable<MailTable>

export async function insertMail(
  conn: Conn,
  companyId: string,
  rows: Omit<MailRow, 'company_id' | 'attempts' | 'error' | 'created_at' | 'sent_at'>[],
) {
  if (rows.length === 0) return
  await conn
    .insertInto('mail')
    .values(rows.map((r) => ({ ...r, company_id: companyId })))
    .execute()
}

export const findMail = (conn: Conn, companyId: string, id: string) =>
  conn
    .selectFrom('mail')
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .selectAll()
    .executeTakeFirst()

/** Newest first. */
export const listMail = (
  conn: Conn,
  companyId: string,
  limit: number,
  before?: string,
  state?: MailRow['state'],
) =>
  conn
    .selectFrom('mail')
    .where('company_id', '=', companyId)
    .$if(before !== undefined, (q) => q.where('id', '<', before as string))
    .$if(state !== undefined, (q) => q.where('state', '=', state as MailRow['state']))
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()

export async function markSent(conn: Conn, companyId: string, id: string) {
  await conn
    .updateTable('mail')
    .set({ state: 'sent', sent_at: sql<Date>`now()`, attempts: sql<number>`attempts + 1`, error: null })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute()
}

export async function markAttemptFailed(
  conn: Conn,
  companyId: string,
  id: string,
  error: string,
  final: boolean,
) {
  await conn
    .updateTable('mail')
    .set({ state: final ? 'failed' : 'retrying', attempts: sql<number>`attempts + 1`, error })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute()
}
