import type { Customer } from '@tributary/contracts'
import type { Conn } from '../../db/client.ts'
import { type Actor, assertPermission, assertUser, type UserActor } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { addCustomerFromLead } from '../customers/customers.service.ts'
import { queueSettingsOf } from '../queue-settings/queue-settings.service.ts'
import { recordEvent } from '../timeline/timeline.service.ts'
import { toLead } from './leads.mapper.ts'
import { loadVisibleLead } from './leads.records.ts'
import * as repo from './leads.repo.ts'

/** The rep the lead is assigned to may work it; so may anyone who assigns leads. */
function assertMayWork(actor: UserActor, row: repo.LeadRow) {
  if (row.assigned_user_id === actor.userId || actor.permissions.has('assign_leads')) return
  throw new AppError('forbidden', 'Only the rep the lead is assigned to, or a manager, can do this')
}

function assertLocation(row: repo.LeadRow, allowed: repo.LeadRow['location'][], action: string) {
  if (!allowed.includes(row.location)) {
    throw new AppError('conflict', `A lead in ${row.location.replace('_', ' ')} cannot be ${action}`)
  }
}

async function move(
  ctx: AppContext,
  actor: Actor,
  id: string,
  work: (tx: Conn, row: repo.LeadRow, actor: UserActor) => Promise<repo.LeadRow>,
) {
  assertUser(actor)
  assertPermission(actor, 'view_leads')
  return ctx.db.transaction().execute(async (tx) => {
    const row = await loadVisibleLead(tx, actor, id, true)
    assertMayWork(actor, row)
    return toLead(await work(tx, row, actor))
  })
}

/** Back to the queue — e.g. not home — requestable again at the callback time. */
export const requeueLead = (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { contactAfter?: string; comment?: string },
) =>
  move(ctx, actor, id, async (tx, row, user) => {
    assertLocation(row, ['assigned'], 'put back in the queue')
    // A callback in the past means now: it must not jump the lead ahead of those already waiting.
    const now = Date.now()
    // A lead a rep requested stays blacklisted after it goes back, whatever "after request" says.
    const { blacklistMinutesAfterRequest } = await queueSettingsOf(tx, user.companyId)
    const blacklistedUntil = row.last_requested_by ? now + blacklistMinutesAfterRequest * 60_000 : now
    const callback = input.contactAfter ? Date.parse(input.contactAfter) : now
    const contactAfter = new Date(Math.max(now, callback, blacklistedUntil))
    const updated = await repo.updateLead(tx, user.companyId, id, {
      location: 'queue',
      assigned_user_id: null,
      contact_after: contactAfter,
    })
    await recordEvent(tx, user.companyId, user, 'lead', id, 'requeued', {
      contactAfter: contactAfter.toISOString(),
      ...(input.comment && { comment: input.comment }),
    })
    return updated
  })

export const invalidateLead = (ctx: AppContext, actor: Actor, id: string, reason: string) =>
  move(ctx, actor, id, async (tx, row, user) => {
    assertLocation(row, ['pending', 'queue', 'assigned'], 'marked invalid')
    const updated = await repo.updateLead(tx, user.companyId, id, {
      location: 'invalid',
      assigned_user_id: null,
      invalid_reason: reason,
    })
    await recordEvent(tx, user.companyId, user, 'lead', id, 'invalidated', { reason })
    return updated
  })

/** The lead becomes a customer in an office location; both point at each other. */
export async function convertLead(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { officeLocationId?: string },
): Promise<{ customer: Customer }> {
  assertPermission(actor, 'manage_customers')
  let customer: Customer | undefined
  await move(ctx, actor, id, async (tx, row, user) => {
    assertLocation(row, ['assigned', 'pending', 'queue'], 'converted')
    customer = await addCustomerFromLead(tx, user, row, input.officeLocationId)
    const updated = await repo.updateLead(tx, user.companyId, id, {
      location: 'converted',
      customer_id: customer.id,
    })
    await recordEvent(tx, user.companyId, user, 'lead', id, 'converted', { customerId: customer.id })
    return updated
  })
  return { customer: customer as Customer }
}
