import { sql } from 'kysely'
import type { Conn } from '../../db/client.ts'

/**
 * The settings of the company aliased `c` as one JSON value: read on its own, or inside a query
 * that reads other things for the same request (the exchange's sender lookup).
 */
export const settingsJson = sql<SettingsJson>`(select jsonb_build_object(
    'timezone', c.timezone,
    'saved', q.company_id is not null,
    'use_partner_priority', q.use_partner_priority,
    'requestable_after_minutes', q.requestable_after_minutes,
    'available_from', to_char(q.available_from, 'HH24:MI'),
    'available_until', to_char(q.available_until, 'HH24:MI'),
    'max_assigned_per_rep', q.max_assigned_per_rep,
    'after_request', q.after_request,
    'blacklist_minutes_after_request', q.blacklist_minutes_after_request,
    'duplicate_window_days', q.duplicate_window_days,
    -- Read with the settings every intake reads anyway: whether new leads go through the rules.
    'auto_registration', exists (select 1 from lead_management_settings m
      where m.company_id = c.id and m.mode <> 'disabled'))
  from (select) one left join queue_settings q on q.company_id = c.id)`

export const findQueueSettings = async (conn: Conn, companyId: string) =>
  (
    await sql<{ settings: SettingsJson }>`select ${settingsJson} as settings from companies c
    where c.id = ${companyId}`.execute(conn)
  ).rows[0]?.settings

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

export type SettingsJson = QueueSettingsValues & {
  timezone: string
  saved: boolean
  auto_registration: boolean
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
