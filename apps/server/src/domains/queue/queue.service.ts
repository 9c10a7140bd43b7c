import type { Lead, QueueSettings } from '@tributary/contracts'
import type { Conn } from '../../db/client.ts'
import { type Actor, assertPermission } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { canonicalTimeZone } from '../../lib/regions.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { claimNextLead, followCompanyTimeZone } from '../leads/leads.service.ts'
import { zonesWithinHours } from './local-hours.ts'
import * as repo from './queue.repo.ts'
import { noteClaim } from './queue-vacuum.ts'

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

/** The company's queue settings (its saved row, or the defaults) and its time zone. */
export async function queueSettingsOf(conn: Conn, companyId: string): Promise<QueueSettings> {
  const row = await repo.findQueueSettings(conn, companyId)
  const v = row?.saved ? (row as repo.QueueSettingsValues) : defaults
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
  }
}

export async function getQueueSettings(ctx: AppContext, actor: Actor): Promise<QueueSettings> {
  assertPermission(actor, 'manage_settings')
  return queueSettingsOf(ctx.db, actor.companyId)
}

export async function putQueueSettings(
  ctx: AppContext,
  actor: Actor,
  input: QueueSettings,
): Promise<QueueSettings> {
  assertPermission(actor, 'manage_settings')
  if (input.availableFrom === input.availableUntil) {
    throw new AppError('bad-request', 'The available hours are empty', {
      errors: [{ path: 'availableUntil', message: 'Must differ from availableFrom' }],
    })
  }
  // One spelling per zone ('US/Eastern' is 'America/New_York'), so leads compare equal to it.
  const timezone = canonicalTimeZone(input.timezone)
  await ctx.db.transaction().execute(async (tx) => {
    const before = await queueSettingsOf(tx, actor.companyId)
    await repo.upsertQueueSettings(tx, actor.companyId, {
      use_partner_priority: input.usePartnerPriority,
      requestable_after_minutes: input.requestableAfterMinutes,
      available_from: input.availableFrom,
      available_until: input.availableUntil,
      max_assigned_per_rep: input.maxAssignedPerRep,
      after_request: input.afterRequest,
      blacklist_minutes_after_request: input.blacklistMinutesAfterRequest,
      duplicate_window_days: input.duplicateWindowDays,
    })
    if (timezone !== before.timezone) {
      await repo.setCompanyTimezone(tx, actor.companyId, timezone)
      await followCompanyTimeZone(tx, actor.companyId, before.timezone, timezone)
    }
    await recordAudit(tx, actor, 'update', 'queue_settings', null, { ...input, timezone })
  })
  return getQueueSettings(ctx, actor)
}

/** Request lead: the best requestable lead, handed to the caller atomically (PRODUCT §2). */
export async function requestNextLead(ctx: AppContext, actor: Actor): Promise<{ lead: Lead | null }> {
  assertPermission(actor, 'request_leads')
  const settings = await queueSettingsOf(ctx.db, actor.companyId)
  const zones = zonesWithinHours(settings.availableFrom, settings.availableUntil, settings.timezone)
  const lead = await claimNextLead(ctx, actor, settings, zones)
  if (lead) noteClaim(ctx)
  return { lead }
}
