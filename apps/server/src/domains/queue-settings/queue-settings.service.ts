import type { QueueSettings } from '@tributary/contracts'
import type { Conn, Database } from '../../db/client.ts'
import * as repo from './queue-settings.repo.ts'

export { type SettingsJson, settingsJson } from './queue-settings.repo.ts'

// The company's queue settings as every domain reads them (intake, imports, the queue).
// Imports nothing but its repo: leads read it without depending on the queue.

const defaults: repo.QueueSettingsValues = {
  use_partner_priority: true,
  requestable_after_minutes: 0,
  available_from: '08:00',
  available_until: '21:00',
  max_assigned_per_rep: null,
  after_request: 'assigned',
  blacklist_minutes_after_request: 30,
  duplicate_window_days: 30,
}

/** The queue settings, and whether the company auto-registers leads with a supplier (seed 004). */
export type CompanySettings = QueueSettings & { autoRegistration: boolean }

/** The company's queue settings (its saved row, or the defaults) and its time zone. */
export async function queueSettingsOf(conn: Conn, companyId: string): Promise<CompanySettings> {
  return settingsFrom(await repo.findQueueSettings(conn, companyId))
}

/** The settings as `settingsJson` read them, inside another query or on their own. */
export function settingsFrom(row: repo.SettingsJson | undefined): CompanySettings {
  const v = row?.saved ? row : defaults
  return {
    usePartnerPriority: v.use_partner_priority,
    requestableAfterMinutes: v.requestable_after_minutes,
    availableFrom: v.available_from,
    availableUntil: v.available_until,
    maxAssignedPerRep: v.max_assigned_per_rep,
    afterRequest: v.after_request,
    blacklistMinutesAfterRequest: v.blacklist_minutes_after_request,
    duplicateWindowDays: v.duplicate_window_days,
    timezone: row?.timezone ?? 'America/New_York',
    autoRegistration: row?.auto_registration ?? false,
  }
}

// Dropped on every change (migration 0051); this only bounds how long an idle company stays in memory.
const CACHE_TTL_MS = 5 * 60_000

/** The settings as `queueSettingsOf` reads them, from the process's company cache (intake, claims). */
export const cachedQueueSettings = (database: Database, companyId: string): Promise<CompanySettings> =>
  database.cache.get(companyId, 'queue-settings', CACHE_TTL_MS, () => queueSettingsOf(database.db, companyId))

/** Saves the settings and the company's time zone, in the caller's transaction. */
export async function saveQueueSettings(conn: Conn, companyId: string, input: QueueSettings) {
  await repo.upsertQueueSettings(conn, companyId, {
    use_partner_priority: input.usePartnerPriority,
    requestable_after_minutes: input.requestableAfterMinutes,
    available_from: input.availableFrom,
    available_until: input.availableUntil,
    max_assigned_per_rep: input.maxAssignedPerRep,
    after_request: input.afterRequest,
    blacklist_minutes_after_request: input.blacklistMinutesAfterRequest,
    duplicate_window_days: input.duplicateWindowDays,
  })
  await repo.setCompanyTimezone(conn, companyId, input.timezone)
}
