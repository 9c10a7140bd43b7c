import type { PartnerRules, RuleGroup } from '@tributary/contracts'
import { type Actor, assertPermission } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError, fieldError, notFound } from '../../lib/errors.ts'
import { recordForExchange } from '../../lib/exchange-record.ts'
import { newId } from '../../lib/ids.ts'
import { queueDeliveries } from '../deliveries/deliveries.service.ts'
import { isIgnoredCompany } from '../ignored-companies/ignored-companies.service.ts'
import { leadWithNames } from '../leads/leads.records.ts'
import { findBuyer } from '../partner-companies/partner-companies.sources.ts'
import { recordEvent } from '../timeline/timeline.service.ts'
import * as repo from './lead-management.repo.ts'
import { factsOf, matchingGroup } from './rules.ts'

// Auto-registration (seed 004): a lead created or updated while the rules are on is registered
// with the supplier when a group matches — once, and never for an ignored company.

export async function registerIfMatching(ctx: AppContext, companyId: string, leadId: string) {
  const settings = await repo.findSettings(ctx.db, companyId)
  const supplier = settings?.supplier_partner_company_id
  if (!settings || settings.mode === 'disabled' || !supplier) return
  const groups = (settings.mode === 'own' ? settings.own_groups : settings.supplier_groups) as RuleGroup[]
  const found = await leadWithNames(ctx.db, companyId, leadId)
  // The supplier's own leads never go back to it.
  if (!found || found.lead.partnerCompanyId === supplier) return
  if (await isIgnoredCompany(ctx.db, companyId, found.lead.companyName)) return
  const group = matchingGroup(groups, factsOf(found.lead, found.source, found.campaign))
  if (group === null) return
  await ctx.db.transaction().execute(async (tx) => {
    const deliveryId = newId()
    if (!(await repo.claimRegistration(tx, companyId, { leadId, partnerCompanyId: supplier, deliveryId })))
      return
    await queueDeliveries(tx, ctx, companyId, [
      {
        id: deliveryId,
        type: 'lead.registered',
        recordKind: 'lead',
        recordId: leadId,
        partnerCompanyId: supplier,
        method: 'exchange',
        channel: 'reply',
        data: recordForExchange('lead', found.lead, null),
      },
    ])
    await recordEvent(
      tx,
      companyId,
      { kind: 'system', label: 'Auto-registration' },
      'lead',
      leadId,
      'registered',
      {
        partnerCompanyId: supplier,
        deliveryId,
        group,
      },
    )
  })
}

/** A supplier sets the rules a channel partner registers leads by; they travel as rules.updated. */
export async function sendPartnerRules(
  ctx: AppContext,
  actor: Actor,
  partnerCompanyId: string,
  groups: RuleGroup[],
) {
  assertPermission(actor, 'manage_partner_companies')
  const partner = await findBuyer(ctx.db, actor.companyId, partnerCompanyId, 'buysLeads')
  if (!partner) throw fieldError('partnerCompanyId', 'No such partner company', 'not-found')
  if (!partner.enabled || partner.deliveryMethod !== 'exchange')
    throw new AppError('unprocessable', `${partner.name} is not connected by exchange (Buys Leads)`)
  const deliveryId = newId()
  await ctx.db.transaction().execute(async (tx) => {
    await queueDeliveries(tx, ctx, actor.companyId, [
      {
        id: deliveryId,
        type: 'rules.updated',
        partnerCompanyId,
        method: 'exchange',
        channel: 'buys_leads',
        data: { groups },
      },
    ])
    await repo.savePartnerRules(tx, actor.companyId, { partnerCompanyId, groups, deliveryId })
  })
  return { deliveryId }
}

/** The rules last sent to a channel partner, and when; none sent: no groups and no time. */
export async function getPartnerRules(
  ctx: AppContext,
  actor: Actor,
  partnerCompanyId: string,
): Promise<PartnerRules> {
  assertPermission(actor, 'manage_partner_companies')
  if (!(await findBuyer(ctx.db, actor.companyId, partnerCompanyId, 'buysLeads')))
    throw notFound('Partner company')
  const row = await repo.findPartnerRules(ctx.db, actor.companyId, partnerCompanyId)
  return row
    ? { groups: row.groups as RuleGroup[], deliveryId: row.delivery_id, sentAt: row.sent_at.toISOString() }
    : { groups: [], deliveryId: null, sentAt: null }
}

/** The supplier's rules arrived: in `supplier` mode they are the rules in force from now on. */
export const saveSupplierRules = (
  conn: import('../../db/client.ts').Conn,
  companyId: string,
  groups: RuleGroup[],
) => repo.saveSupplierGroups(conn, companyId, groups)
