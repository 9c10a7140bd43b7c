import type { Customer, Lead } from '@tributary/contracts'
import type { Tx } from '../../db/client.ts'
import { type Actor, assertPermission, type UserActor } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { appendComments } from '../activities/activities.service.ts'
import { lockVisibleCustomers, markCustomersReturned } from '../customers/customers.records.ts'
import { returnToSellers } from '../exchange/exchange.returns.ts'
import { lockVisibleLeads, markLeadsReturned } from '../leads/leads.records.ts'
import { notifyReturn, type RecordSummary } from '../notifications/notifications.service.ts'
import { findCustomerSource, findLeadSource } from '../partner-companies/partner-companies.sources.ts'
import { resolveReturnReason } from '../return-reasons/return-reasons.service.ts'
import { recordEvents } from '../timeline/timeline.service.ts'

export type ReturnInput = { ids: string[]; reason: string; callCenterComments?: string | undefined }
export type ReturnOutcome = { returned: string[]; failed: { id: string; detail: string }[] }

type Source = {
  id: string
  name: string
  contactPerson: string | null
  returnNotificationEmails: string[]
  autoResponseMessageCampaignId: string | null
  includeCallCenterCommentsWithReturn?: boolean
  returnWindowDays?: number | null
}

/**
 * The shared shape of a return batch: each id is checked on its own (the rest still go),
 * the accepted ones move together, and each source gets one email for its part of the batch.
 */
async function returnBatch<R extends RecordSummary & { createdAt: string }>(
  tx: Tx,
  ctx: AppContext,
  actor: UserActor,
  kind: 'lead' | 'customer',
  input: ReturnInput,
  load: () => Promise<Map<string, R>>,
  refusal: (record: R, source: Source | null) => string | null,
  sourceOf: (record: R) => Promise<Source | null>,
  mark: (ids: string[], reason: string, comments: string | null) => Promise<void>,
): Promise<ReturnOutcome> {
  const reason = await resolveReturnReason(tx, actor.companyId, input.reason)
  const comments = input.callCenterComments || null
  const records = await load()
  const outcome: ReturnOutcome = { returned: [], failed: [] }
  const bySource = new Map<string, { source: Source; records: R[] }>()
  for (const id of new Set(input.ids)) {
    const record = records.get(id)
    if (!record) {
      outcome.failed.push({ id, detail: `No such ${kind}` })
      continue
    }
    const source = await sourceOf(record)
    const refused = refusal(record, source)
    if (refused) {
      outcome.failed.push({ id, detail: refused })
      continue
    }
    outcome.returned.push(id)
    if (source) {
      const group = bySource.get(source.id) ?? { source, records: [] }
      group.records.push(record)
      bySource.set(source.id, group)
    }
  }
  await mark(outcome.returned, reason, comments)
  // A new entry in each record's comments: earlier ones are never replaced. The source's email and
  // the exchange's return carry this return's comments only — why it came back (seed 000) — not the
  // earlier entries, which are the company's own call-center work (and, at intake, the source's).
  await appendComments(tx, actor.companyId, actor, kind, outcome.returned, comments, 'return')
  await recordEvents(
    tx,
    actor.companyId,
    actor,
    kind,
    outcome.returned.map((id) => ({
      recordId: id,
      type: 'returned',
      detail: { reason, ...(comments && { comments }) },
    })),
  )
  for (const { source, records: batch } of bySource.values()) {
    const emails = source.returnNotificationEmails
    if (emails.length === 0) continue
    await notifyReturn(
      tx,
      ctx,
      actor.companyId,
      kind,
      batch,
      {
        name: source.name,
        contactPerson: source.contactPerson,
        emails,
        includeComments: source.includeCallCenterCommentsWithReturn ?? true,
        autoResponseMessageCampaignId: source.autoResponseMessageCampaignId,
      },
      reason,
      comments,
    )
    await recordEvents(
      tx,
      actor.companyId,
      actor,
      kind,
      batch.map((r) => ({ recordId: r.id, type: 'return_notification', detail: { to: emails } })),
    )
  }
  const includeComments = new Map(
    [...bySource].map(([id, g]) => [id, g.source.includeCallCenterCommentsWithReturn ?? true]),
  )
  await returnToSellers(
    tx,
    ctx,
    actor.companyId,
    kind,
    outcome.returned,
    reason,
    comments,
    (id) => includeComments.get(id) ?? true,
  )
  return outcome
}

const dayMs = 86_400_000

/** Returns leads to their source (PRODUCT §3): only leads not yet converted, sold or returned. */
export async function returnLeads(ctx: AppContext, actor: Actor, input: ReturnInput): Promise<ReturnOutcome> {
  assertPermission(actor, 'return_leads')
  return ctx.db.transaction().execute((tx) => {
    const sources = new Map<string, Promise<Source | null>>()
    return returnBatch<Lead>(
      tx,
      ctx,
      actor,
      'lead',
      input,
      () => lockVisibleLeads(tx, actor, input.ids),
      (lead, source) => {
        if (['converted', 'sold', 'returned'].includes(lead.location))
          return `The lead is already ${lead.location}`
        const window = source?.returnWindowDays
        if (window && Date.now() - Date.parse(lead.createdAt) > window * dayMs) {
          return `The lead is older than ${source.name}'s return window of ${window} days`
        }
        return null
      },
      (lead) => {
        const id = lead.partnerCompanyId
        if (!sources.has(id)) sources.set(id, findLeadSource(tx, actor.companyId, id))
        return sources.get(id) as Promise<Source | null>
      },
      (ids, reason, comments) => markLeadsReturned(tx, actor.companyId, ids, reason, comments),
    )
  })
}

export async function returnCustomers(
  ctx: AppContext,
  actor: Actor,
  input: ReturnInput,
): Promise<ReturnOutcome> {
  assertPermission(actor, 'return_leads')
  return ctx.db.transaction().execute((tx) => {
    const sources = new Map<string, Promise<Source | null>>()
    return returnBatch<Customer>(
      tx,
      ctx,
      actor,
      'customer',
      input,
      () => lockVisibleCustomers(tx, actor, input.ids),
      (customer) => {
        if (customer.status !== 'active') return `The customer is already ${customer.status}`
        return customer.partnerCompanyId ? null : 'The customer has no source to return it to'
      },
      (customer) => {
        const id = customer.partnerCompanyId
        if (!id) return Promise.resolve(null)
        if (!sources.has(id)) sources.set(id, findCustomerSource(tx, actor.companyId, id))
        return sources.get(id) as Promise<Source | null>
      },
      (ids, reason, comments) => markCustomersReturned(tx, actor.companyId, ids, reason, comments),
    )
  })
}
