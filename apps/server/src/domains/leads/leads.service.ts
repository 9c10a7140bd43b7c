import type {
  ActivityBody,
  CommentEntry,
  Lead,
  LeadFilter,
  LeadQuery,
  PageQuery,
  UpdateLeadBody,
} from '@tributary/contracts'
import type { Tx } from '../../db/client.ts'
import { type Actor, assertPermission } from '../../lib/actor.ts'
import { contactTimeZone, duplicateKeys, normaliseContact } from '../../lib/contact.ts'
import type { AppContext } from '../../lib/context.ts'
import { idAfter } from '../../lib/cursor.ts'
import { AppError, fieldError } from '../../lib/errors.ts'
import { afterCursor, parseSort, sortedPage, totalOf } from '../../lib/sort.ts'
import {
  appendComments,
  listActivities,
  listComments,
  logActivity,
} from '../activities/activities.service.ts'
import { queueSettingsOf } from '../queue-settings/queue-settings.service.ts'
import { listTimeline, recordEvent } from '../timeline/timeline.service.ts'
import { findUserById } from '../users/users.service.ts'
import { leadChanged } from './leads.events.ts'
import { forActor, toLead } from './leads.mapper.ts'
import { loadVisibleLead } from './leads.records.ts'
import * as repo from './leads.repo.ts'

/** The repo filter of what the actor may list; null when a partner asks for another source's leads. */
export function visibleFilter(actor: Actor, query: LeadFilter): repo.LeadFilter | null {
  const filter: repo.LeadFilter = {
    location: query.location,
    partnerCompanyId: query.partnerCompanyId,
    campaignId: query.campaignId,
    q: query.q,
  }
  if (query.assignedUserId) {
    if (query.assignedUserId === 'me' && actor.kind !== 'user')
      throw new AppError('forbidden', 'Only users have leads')
    filter.assignedUserId =
      query.assignedUserId === 'me' ? (actor as { userId: string }).userId : query.assignedUserId
  }
  if (actor.kind === 'partner') {
    // A partner login sees only the leads it sourced.
    if (query.partnerCompanyId && query.partnerCompanyId !== actor.partnerCompanyId) return null
    filter.partnerCompanyId = actor.partnerCompanyId
  } else {
    assertPermission(actor, 'view_leads')
    if (!actor.permissions.has('view_pending_leads')) {
      if (query.location === 'pending') assertPermission(actor, 'view_pending_leads')
      filter.excludeLocation = 'pending'
    }
    // Without view_queue the Queue is counts by priority (GET /queue/counts), not a list of people.
    if (!actor.permissions.has('view_queue')) {
      if (query.location === 'queue') assertPermission(actor, 'view_queue')
      filter.excludeQueue = true
    }
  }
  return filter
}

export async function listLeads(ctx: AppContext, actor: Actor, query: LeadQuery) {
  const filter = visibleFilter(actor, query)
  if (!filter) return { items: [], nextCursor: null, total: 0 }
  const sort = parseSort<repo.LeadSortName>(query.sort)
  const after = afterCursor(query.cursor, query.sort, repo.leadSorts[sort.name])
  const rows = await repo.listLeads(ctx.db, actor.companyId, filter, query.limit + 1, after, sort)
  return {
    ...sortedPage(rows, query.limit, query.sort, (r) => forActor(toLead(r), actor)),
    ...(await totalOf(rows, after, () =>
      repo.listLeads(ctx.db, actor.companyId, filter, 1, undefined, sort),
    )),
  }
}

export async function getLead(ctx: AppContext, actor: Actor, id: string): Promise<Lead> {
  return forActor(toLead(await loadVisibleLead(ctx.db, actor, id)), actor)
}

export async function leadTimeline(ctx: AppContext, actor: Actor, id: string, query: PageQuery) {
  const after = idAfter(query.cursor)
  await loadVisibleLead(ctx.db, actor, id)
  return listTimeline(ctx.db, actor.companyId, 'lead', id, query, after, actor)
}

const contactKeys = ['firstName', 'lastName', 'companyName', 'email', 'phone', 'address', 'notes'] as const

/** The rep the lead is assigned to works it, and so does anyone who assigns leads. */
function assertMayWork(actor: Actor & { kind: 'user' }, row: { assigned_user_id: string | null }) {
  if (!actor.permissions.has('assign_leads') && row.assigned_user_id !== actor.userId) {
    throw new AppError('forbidden', 'Only the rep the lead is assigned to, or a manager, can change it')
  }
}

/**
 * Adds an entry to the lead's call-center comments (earlier ones stay) and shows it as the newest,
 * in the caller's transaction on the locked lead.
 */
async function addComment(tx: Tx, actor: Actor, row: repo.LeadRow, text: string) {
  const [entry] = await appendComments(tx, actor.companyId, actor, 'lead', [row.id], text, 'comment')
  const lead = await repo.updateLead(tx, actor.companyId, row.id, { call_center_comments: text })
  return { lead, entry: entry as CommentEntry }
}

export async function leadComments(ctx: AppContext, actor: Actor, id: string, query: PageQuery) {
  assertPermission(actor, 'view_leads')
  const after = idAfter(query.cursor)
  await loadVisibleLead(ctx.db, actor, id)
  return listComments(ctx.db, actor.companyId, 'lead', id, query.limit, after)
}

export async function commentOnLead(ctx: AppContext, actor: Actor, id: string, text: string) {
  assertPermission(actor, 'view_leads')
  return ctx.db.transaction().execute(async (tx) => {
    const row = await loadVisibleLead(tx, actor, id, true)
    assertMayWork(actor, row)
    return (await addComment(tx, actor, row, text)).entry
  })
}

export async function leadActivities(ctx: AppContext, actor: Actor, id: string, query: PageQuery) {
  assertPermission(actor, 'view_leads')
  const after = idAfter(query.cursor)
  await loadVisibleLead(ctx.db, actor, id)
  return listActivities(ctx.db, actor.companyId, 'lead', id, query.limit, after)
}

/** A note or a call on a lead the caller works, with a follow-up time if given. */
export async function logLeadActivity(ctx: AppContext, actor: Actor, id: string, input: ActivityBody) {
  assertPermission(actor, 'view_leads')
  return ctx.db.transaction().execute(async (tx) => {
    const row = await loadVisibleLead(tx, actor, id, true)
    assertMayWork(actor, row)
    return logActivity(tx, actor.companyId, actor, 'lead', id, input)
  })
}

/** Contact fields and notes; managers also move Pending ↔ Queue and assign. */
export async function updateLead(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateLeadBody,
): Promise<Lead> {
  assertPermission(actor, 'view_leads')
  const moving = input.location !== undefined || input.assignedUserId !== undefined
  if (moving) assertPermission(actor, 'assign_leads')
  const editing = contactKeys.some((k) => input[k] !== undefined)
  // Comments are a history: a new text is added as an entry, an empty one erases nothing.
  const comment = input.callCenterComments?.trim()
  // Looked up before the transaction: users are read through ctx.db, which on PGlite would
  // wait for this very transaction to end.
  const assignee =
    input.assignedUserId === undefined
      ? undefined
      : await findUserById(ctx.db, actor.companyId, input.assignedUserId)
  return ctx.db.transaction().execute(async (tx) => {
    let row = await loadVisibleLead(tx, actor, id, true)
    // Read once: the zone of an edited address, and whether the update goes through the rules.
    const settings = await queueSettingsOf(tx, actor.companyId)
    if (editing || comment) assertMayWork(actor, row)
    if (editing) {
      const merged = normaliseContact({
        firstName: input.firstName !== undefined ? input.firstName : row.first_name,
        lastName: input.lastName !== undefined ? input.lastName : row.last_name,
        companyName: input.companyName !== undefined ? input.companyName : row.company_name,
        email: input.email !== undefined ? input.email : row.email,
        phone: input.phone !== undefined ? input.phone : row.phone,
        address: input.address ?? {
          street: row.street,
          city: row.city,
          region: row.region,
          postalCode: row.postal_code,
          country: row.country,
        },
      })
      const keys = duplicateKeys(merged)
      // A new region can mean a new time zone, and so other hours in the queue.
      const companyZone = input.address && settings.timezone
      row = await repo.updateLead(tx, actor.companyId, id, {
        ...merged,
        ...(companyZone && { timezone: contactTimeZone(merged, companyZone) }),
        email_key: keys.email,
        name_address_key: keys.nameAddress,
        ...(input.notes !== undefined && { notes: input.notes }),
      })
      const changed = contactKeys.filter((k) => input[k] !== undefined)
      await recordEvent(tx, actor.companyId, actor, 'lead', id, 'updated', { fields: changed })
    }
    if (comment && comment !== row.call_center_comments)
      row = (await addComment(tx, actor, row, comment)).lead
    if (input.assignedUserId !== undefined) {
      if (!['pending', 'queue', 'assigned'].includes(row.location)) {
        throw new AppError('conflict', `A lead in ${row.location} cannot be assigned`)
      }
      if (!assignee || assignee.disabled)
        throw fieldError('assignedUserId', 'No such active user', 'unprocessable')
      row = await repo.updateLead(tx, actor.companyId, id, {
        location: 'assigned',
        assigned_user_id: assignee.id,
      })
      await recordEvent(tx, actor.companyId, actor, 'lead', id, 'assigned', {
        userId: assignee.id,
        userName: assignee.name,
      })
    } else if (input.location !== undefined && input.location !== row.location) {
      if (!['pending', 'queue'].includes(row.location)) {
        throw new AppError('conflict', `A lead in ${row.location} cannot be moved to ${input.location}`)
      }
      const from = row.location
      row = await repo.updateLead(tx, actor.companyId, id, {
        location: input.location,
        assigned_user_id: null,
      })
      await recordEvent(tx, actor.companyId, actor, 'lead', id, 'moved', { from, to: input.location })
    }
    // Auto-registration rules run on every update (seed 004), through the lead-management domain.
    if (settings.autoRegistration)
      await ctx.jobs.send(tx, leadChanged, { companyId: actor.companyId, leadId: id })
    return toLead(row)
  })
}
