import type { Lead } from '@tributary/contracts'
import type { Conn } from '../../db/client.ts'
import { type Actor, assertPermission, type UserActor } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { newId } from '../../lib/ids.ts'
import { queueDeliveries } from '../deliveries/deliveries.service.ts'
import { leadsByIds, loadVisibleLead, markLeadsReturned, moveLead } from '../leads/leads.records.ts'
import { notifyDistributed } from '../notifications/notifications.distribution.ts'
import { findLeadSource } from '../partner-companies/partner-companies.sources.ts'
import { salesRepRecipients } from '../sales-reps/sales-reps.service.ts'
import { recordEvent } from '../timeline/timeline.service.ts'
import { findUserById, leadNotificationUserEmails } from '../users/users.service.ts'
import { distributionDue } from './lead-management.events.ts'
import * as repo from './lead-management.repo.ts'

// Leads a supplier distributes (seed 004): one email per distribution to the default lead
// notification recipients, and Accept / Decline, each told back to the supplier.

const WAIT_FOR_BATCH_MS = 60_000

type Nominee = { name: string; email: string }

/** Who a distribution names as the supplier's nominee: the one asked for, else the user distributing. */
export async function nomineeOf(conn: Conn, actor: UserActor, asked?: Nominee): Promise<Nominee | undefined> {
  if (asked) return asked
  const user = await findUserById(conn, actor.companyId, actor.userId)
  return user ? { name: user.name, email: user.email } : undefined
}

/** The supplier's nominee arrived with its leads: the partner shows it as "assigned by supplier". */
export const noteSupplierNominee = (conn: Conn, companyId: string, nominee: Nominee) =>
  repo.saveSupplierNominee(conn, companyId, nominee)

/** A distributed lead waiting for acceptance arrived: its batch's email goes when due. */
export async function noteDistributedLead(
  conn: Conn,
  ctx: AppContext,
  companyId: string,
  partnerCompanyId: string,
  batch: { id: string; size: number },
  leadId: string,
) {
  const { arrived, first } = await repo.noteArrival(conn, companyId, partnerCompanyId, batch, leadId)
  const data = { companyId, partnerCompanyId, batchId: batch.id }
  if (arrived >= batch.size) await ctx.jobs.send(conn, distributionDue, data)
  else if (first)
    await ctx.jobs.send(conn, distributionDue, data, { startAfter: new Date(Date.now() + WAIT_FOR_BATCH_MS) })
}

async function recipients(ctx: AppContext, companyId: string) {
  const [users, reps] = await Promise.all([
    leadNotificationUserEmails(ctx.db, companyId),
    salesRepRecipients(ctx.db, companyId),
  ])
  return [...users, ...reps.map((r) => r.email)]
}

/** Sends a batch's one email, with the leads that have arrived; later calls find it sent. */
export async function sendDistributionEmail(
  ctx: AppContext,
  data: { companyId: string; partnerCompanyId: string; batchId: string },
) {
  const { companyId, partnerCompanyId, batchId } = data
  const to = await recipients(ctx, companyId)
  await ctx.db.transaction().execute(async (tx) => {
    const batch = await repo.lockBatch(tx, companyId, partnerCompanyId, batchId)
    if (!batch || batch.notified_at) return
    const supplier = await findLeadSource(tx, companyId, partnerCompanyId)
    const leads = await leadsByIds(tx, companyId, batch.lead_ids)
    await notifyDistributed(tx, ctx, companyId, to, supplier?.name ?? 'Your supplier', leads)
    await repo.markNotified(tx, companyId, partnerCompanyId, batchId)
  })
}

/**
 * Distributions whose leads still wait after the company's reminder hours: the recipients are
 * reminded once, of the leads nobody accepted or declined yet.
 */
export async function remindUndecided(ctx: AppContext) {
  for (const b of await repo.batchesToRemind(ctx.db)) {
    const to = await recipients(ctx, b.company_id)
    await ctx.db.transaction().execute(async (tx) => {
      if (!(await repo.markReminded(tx, b.company_id, b.partner_company_id, b.batch_id))) return
      if (b.waiting.length === 0) return
      const supplier = await findLeadSource(tx, b.company_id, b.partner_company_id)
      const leads = await leadsByIds(tx, b.company_id, b.waiting)
      await notifyDistributed(tx, ctx, b.company_id, to, supplier?.name ?? 'Your supplier', leads, true)
    })
  }
}

async function decide(
  ctx: AppContext,
  actor: Actor,
  id: string,
  decision: 'accepted' | 'declined',
  reason: string | null,
): Promise<Lead> {
  assertPermission(actor, 'view_leads')
  return ctx.db.transaction().execute(async (tx) => {
    const row = await loadVisibleLead(tx, actor, id, true)
    if (row.location !== 'awaiting_acceptance')
      throw new AppError('conflict', `Only a lead awaiting acceptance can be ${decision}`)
    const source = await findLeadSource(tx, actor.companyId, row.partner_company_id)
    let lead: Lead
    if (decision === 'accepted') {
      lead = await moveLead(tx, actor.companyId, id, source?.defaultLeadLocation ?? 'pending')
    } else {
      await markLeadsReturned(tx, actor.companyId, [id], reason ?? 'Declined', null)
      ;[lead] = (await leadsByIds(tx, actor.companyId, [id])) as [Lead]
    }
    await recordEvent(tx, actor.companyId, actor, 'lead', id, decision, reason ? { reason } : {})
    if (row.exchange_origin_id) {
      await queueDeliveries(tx, ctx, actor.companyId, [
        {
          id: newId(),
          type: decision === 'accepted' ? 'lead.accepted' : 'lead.declined',
          recordKind: 'lead',
          recordId: id,
          partnerCompanyId: row.partner_company_id,
          method: 'exchange',
          channel: 'reply',
          data: { recordId: row.exchange_origin_id, ...(reason && { reason }) },
        },
      ])
    }
    return lead
  })
}

/** Accept: the lead goes to its source's default location; the supplier hears of it. */
export const acceptLead = (ctx: AppContext, actor: Actor, id: string) =>
  decide(ctx, actor, id, 'accepted', null)

/** Decline: the lead leaves the desk as returned; the supplier gets it back with the reason. */
export const declineLead = (ctx: AppContext, actor: Actor, id: string, reason: string) =>
  decide(ctx, actor, id, 'declined', reason)
