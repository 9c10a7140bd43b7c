import { sql } from 'kysely'
import type { Conn } from '../../db/client.ts'

/** The saved settings (null columns when none are saved) and the company's time zone, in one read. */
export const findQueueSettings = (conn: Conn, companyId: string) =>
  conn
    .selectFrom('companies as c')
    .leftJoin('queue_settings as q', 'q.company_id', 'c.id')
    .where('c.id', '=', companyId)
    .select([
      'c.timezone',
      'q.company_id as saved',
      'q.use_partner_priority',
      'q.requestable_after_minutes',
      sql<string>`to_char(q.available_from, 'HH24:MI')`.as('available_from'),
      sql<string>`to_char(q.available_until, 'HH24:MI')`.as('available_until'),
      'q.max_assigned_per_rep',
      'q.after_request',
      'q.blacklist_minutes_after_request',
      'q.duplicate_window_days',
      // Read with the settings every intake reads anyway: whether new leads go through the rules.
      sql<boolean>`exists (select 1 from lead_management_settings m
        where m.company_id = c.id and m.mode <> 'disabled')`.as('auto_registration'),
    ])
    .executeTakeFirst()

export type QueueSettingsValues = {
  use_partner_priority: boolean
  requestable_after_minutes: number
  available_from: string
  available_until: string
  max_assigned_per_rep: number | null
  after_request: 'assigned' | 'queue' | 'pending'
  blacklist_minutes_after_request: number
  duplicate_window_days: number | null
}

export async function upsertQueueSettings(conn: Conn, companyId: string, v: QueueSettingsValues) {
  await conn
    .insertInto('queue_settings')
    .values({ company_id: companyId, ...v })
    .onConflict((oc) => oc.column('company_id').doUpdateSet({ ...v, updated_at: sql<Date>`now()` }))
    .execute()
}

export async function setCompanyTimezone(conn: Conn, companyId: string, timezone: string) {
  await conn.updateTable('companies').set({ timezone }).where('id', '=', companyId).execute()
}
