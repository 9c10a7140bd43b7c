import type { Lead, QueueCounts, QueueSettings } from '@tributary/contracts'
import { sql } from 'kysely'
import type { Conn } from '../../db/client.ts'
import { type Actor, assertPermission, type UserActor } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { newId } from '../../lib/ids.ts'
import { canonicalTimeZone } from '../../lib/regions.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { priorities, toLead } from '../leads/leads.mapper.ts'
import { followCompanyTimeZone } from '../leads/leads.records.ts'
import {
  cachedQueueSettings,
  queueSettingsOf,
  saveQueueSettings,
} from '../queue-settings/queue-settings.service.ts'
import { zonesWithinHours } from './local-hours.ts'
import * as repo from './queue.repo.ts'
import { noteClaim } from './queue-vacuum.ts'

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
    await saveQueueSettings(tx, actor.companyId, { ...input, timezone })
    if (timezone !== before.timezone)
      await followCompanyTimeZone(tx, actor.companyId, before.timezone, timezone)
    await recordAudit(tx, actor, 'update', 'queue_settings', null, { ...input, timezone })
  })
  return getQueueSettings(ctx, actor)
}

// Any fixed number: a rep's own requests take turns, so the cap cannot be overrun.
const CLAIM_LOCK = 73_021

/** Request lead (PRODUCT §2): at most the cap of open assigned leads, then the best requestable lead. */
async function claimNextLead(
  ctx: AppContext,
  actor: UserActor,
  settings: QueueSettings,
  zones: string[] | 'all',
): Promise<Lead | null> {
  const claim = (conn: Conn) =>
    repo.claimNextLead(conn, actor.companyId, {
      userId: actor.userId,
      usePartnerPriority: settings.usePartnerPriority,
      zones,
      afterRequest: settings.afterRequest,
      blacklistMinutes: settings.blacklistMinutesAfterRequest,
      event: { id: newId(), actorLabel: actor.label },
    })
  const cap = settings.maxAssignedPerRep
  // Without a cap the claim is one self-contained statement; with one, a rep's own requests
  // take turns so two of them cannot both pass the count.
  const row =
    cap === null
      ? await claim(ctx.db)
      : await ctx.db.transaction().execute(async (tx) => {
          await sql`select pg_advisory_xact_lock(${CLAIM_LOCK}, hashtext(${actor.userId}))`.execute(tx)
          const open = await repo.countAssigned(tx, actor.companyId, actor.userId)
          if (open >= cap) {
            throw new AppError(
              'conflict',
              `You already have ${open} open lead${open === 1 ? '' : 's'}, the most allowed; work one first`,
            )
          }
          return claim(tx)
        })
  return row ? toLead(row) : null
}

/** Request lead: the best requestable lead, handed to the caller atomically (PRODUCT §2). */
export async function requestNextLead(ctx: AppContext, actor: Actor): Promise<{ lead: Lead | null }> {
  assertPermission(actor, 'request_leads')
  const settings = await cachedQueueSettings(ctx.database, actor.companyId)
  const zones = zonesWithinHours(settings.availableFrom, settings.availableUntil, settings.timezone)
  const lead = await claimNextLead(ctx, actor, settings, zones)
  if (lead) noteClaim(ctx)
  return { lead }
}

/** The Queue as counts by priority: what everyone who sees leads may know, without names or numbers. */
export async function queueCounts(ctx: AppContext, actor: Actor): Promise<QueueCounts> {
  assertPermission(actor, 'view_leads')
  const counts: QueueCounts = { high: 0, medium: 0, normal: 0, total: 0 }
  for (const row of await repo.countQueueByRank(ctx.db, actor.companyId)) {
    const n = Number(row.n)
    counts[priorities[row.priority_rank] ?? 'normal'] += n
    counts.total += n
  }
  return counts
}
