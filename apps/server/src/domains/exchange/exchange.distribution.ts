import { ExchangeDecisionData, ExchangeRecordData, PartnerRulesBody } from '@tributary/contracts'
import type { Tx } from '../../db/client.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import type { Sender } from '../connections/connections.service.ts'
import { noteDistributedLead, noteSupplierNominee } from '../lead-management/distribution.ts'
import { saveSupplierRules } from '../lead-management/registration.ts'
import { lockLeadSoldTo, reopenLead } from '../leads/leads.records.ts'
import { recordEvent } from '../timeline/timeline.service.ts'
import { type Arriving, type ExchangeAnswer, parseData, receiveLead } from './exchange.incoming.ts'

// Supplier lead distribution over the exchange (seed 004): the partner's side takes in a
// distributed lead; the supplier's side hears the partner's accept or decline.

/** A lead from a supplier: straight to work when the supplier is auto-accepted, else waiting. */
export async function receiveDistributed(tx: Tx, ctx: AppContext, sender: Arriving, data: unknown) {
  const { batch, assignedBySupplier } = parseData(ExchangeRecordData, data)
  const answer = await receiveLead(tx, ctx, sender, data, { distributed: true })
  if (assignedBySupplier) await noteSupplierNominee(tx, sender.companyId, assignedBySupplier)
  if (answer.lead.location === 'awaiting_acceptance')
    await noteDistributedLead(
      tx,
      ctx,
      sender.companyId,
      sender.partnerCompanyId,
      batch ?? { id: answer.lead.id, size: 1 },
      answer.lead.id,
    )
  return { status: answer.status, body: answer.body }
}

/** The partner accepted or declined a lead this company distributed to it. */
export async function receiveDecision(
  tx: Tx,
  decision: 'accepted' | 'declined',
  sender: Sender,
  data: unknown,
): Promise<ExchangeAnswer> {
  const d = parseData(ExchangeDecisionData, data)
  const found = await lockLeadSoldTo(tx, sender.companyId, d.recordId, sender.partnerCompanyId)
  if (!found) {
    throw new AppError('unprocessable', `No lead ${d.recordId} was distributed to ${sender.partnerName}`, {
      errors: [{ path: 'data.recordId', message: 'Not a lead distributed to you, or already decided' }],
    })
  }
  // Declined, it comes back to Pending for someone else.
  if (decision === 'declined') await reopenLead(tx, sender.companyId, found.id)
  await recordEvent(
    tx,
    sender.companyId,
    { kind: 'system', label: sender.partnerName },
    'lead',
    found.id,
    decision,
    {
      [decision === 'accepted' ? 'acceptedBy' : 'declinedBy']: sender.partnerName,
      ...(d.reason && { reason: d.reason }),
    },
  )
  return { status: 200, body: { id: found.id } }
}

/** A channel partner registers one of its leads (its auto-registration rules matched). */
export async function receiveRegistered(tx: Tx, ctx: AppContext, sender: Arriving, data: unknown) {
  const answer = await receiveLead(tx, ctx, sender, data, { registered: true })
  await recordEvent(
    tx,
    sender.companyId,
    { kind: 'system', label: sender.partnerName },
    'lead',
    answer.lead.id,
    'registered',
    {
      registeredBy: sender.partnerName,
    },
  )
  return { status: answer.status, body: answer.body }
}

/** The supplier's rules for this company: in force whenever auto-registration is supplier-managed. */
export async function receiveRules(tx: Tx, sender: Sender, data: unknown): Promise<ExchangeAnswer> {
  const { groups } = parseData(PartnerRulesBody, data)
  await saveSupplierRules(tx, sender.companyId, groups)
  return { status: 200, body: { id: null } }
}
