import type {
  Customer,
  DistributeLeadsBody,
  Lead,
  SellCustomersBody,
  SellLeadsBody,
  SellResult,
} from '@tributary/contracts'
import type { Tx } from '../../db/client.ts'
import type { DeliveryChannel } from '../../db/schema.ts'
import { type Actor, assertPermission, type UserActor } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { fieldError } from '../../lib/errors.ts'
import { recordForExchange } from '../../lib/exchange-record.ts'
import { newId } from '../../lib/ids.ts'
import { priceToMinor } from '../../lib/money.ts'
import { findCampaignById } from '../campaigns/campaigns.service.ts'
import { lockVisibleCustomers, markCustomersSold } from '../customers/customers.records.ts'
import { type DeliveryDraft, queueDeliveries } from '../deliveries/deliveries.service.ts'
import { nomineeOf } from '../lead-management/distribution.ts'
import { lockVisibleLeads, markLeadsSold } from '../leads/leads.records.ts'
import { notifySale, type SoldRecord } from '../notifications/notifications.sales.ts'
import { type BuysSection, findBuyer } from '../partner-companies/partner-companies.sources.ts'
import { recordEvents } from '../timeline/timeline.service.ts'

type Kind = 'lead' | 'customer'
type Sellable = (Lead | Customer) & SoldRecord

const kinds = {
  lead: {
    section: 'buysLeads' as BuysSection,
    channel: 'buys_leads' as DeliveryChannel,
    noun: 'leads',
    lock: (tx: Tx, actor: UserActor, ids: string[]) => lockVisibleLeads(tx, actor, ids),
    mark: markLeadsSold,
    refusal: (r: Sellable) => {
      const location = (r as Lead).location
      return location === 'sold' || location === 'returned' ? `The lead is already ${location}` : null
    },
  },
  customer: {
    section: 'buysCustomers' as BuysSection,
    channel: 'buys_customers' as DeliveryChannel,
    noun: 'customers',
    lock: (tx: Tx, actor: UserActor, ids: string[]) => lockVisibleCustomers(tx, actor, ids),
    mark: markCustomersSold,
    refusal: (r: Sellable) =>
      (r as Customer).status === 'active' ? null : `The customer is already ${(r as Customer).status}`,
  },
}

async function outboundCampaign(
  ctx: AppContext,
  actor: UserActor,
  buyer: { id: string; name: string },
  id?: string,
) {
  if (!id) return null
  const campaign = await findCampaignById(ctx.db, actor.companyId, id)
  if (!campaign || campaign.partnerCompanyId !== buyer.id)
    throw fieldError('campaignId', `Not a campaign of ${buyer.name}`, 'unprocessable')
  if (campaign.direction !== 'outbound')
    throw fieldError('campaignId', 'Sales go out through outbound campaigns', 'unprocessable')
  return campaign
}

/**
 * Sells leads or customers to a partner that buys them (PRODUCT §4): each id succeeds or
 * fails on its own; the sold ones, their timeline events and their deliveries (an email to the
 * buyer, or one exchange delivery per record) commit together.
 */
async function sell(
  ctx: AppContext,
  actor: Actor,
  kind: Kind,
  ids: string[],
  input: {
    partnerCompanyId: string
    campaignId?: string | undefined
    price?: string | undefined
    nominee?: { name: string; email: string } | undefined
  },
  as: 'sale' | 'distribution' = 'sale',
): Promise<SellResult> {
  assertPermission(actor, 'sell_leads')
  const k = kinds[kind]
  const buyer = await findBuyer(ctx.db, actor.companyId, input.partnerCompanyId, k.section)
  if (!buyer) throw fieldError('partnerCompanyId', 'No such partner company', 'unprocessable')
  if (!buyer.enabled)
    throw fieldError('partnerCompanyId', `${buyer.name} does not buy ${k.noun}`, 'unprocessable')
  if (!buyer.active) throw fieldError('partnerCompanyId', `${buyer.name} is inactive`, 'unprocessable')
  if (as === 'distribution' && buyer.deliveryMethod !== 'exchange')
    throw fieldError('partnerCompanyId', `${buyer.name} is not connected by exchange`, 'unprocessable')
  const campaign = await outboundCampaign(ctx, actor, buyer, input.campaignId)
  const priceMinor = input.price === undefined ? null : priceToMinor(input.price)
  // A distribution names the supplier's nominee, shown to the partner as "assigned by supplier".
  const nominee = as === 'distribution' ? await nomineeOf(ctx.db, actor, input.nominee) : undefined
  return ctx.db.transaction().execute(async (tx) => {
    const records = (await k.lock(tx, actor, ids)) as Map<string, Sellable>
    const failed: SellResult['failed'] = []
    const sold: Sellable[] = []
    for (const id of new Set(ids)) {
      const record = records.get(id)
      const refused = record ? k.refusal(record) : `No such ${kind}`
      if (refused || !record) failed.push({ id, detail: refused ?? `No such ${kind}` })
      else sold.push(record)
    }
    await k.mark(
      tx,
      actor.companyId,
      sold.map((r) => r.id),
      buyer.id,
    )
    const method = buyer.deliveryMethod
    const mailId =
      method === 'email' && sold.length > 0
        ? await notifySale(tx, ctx, actor.companyId, kind, sold, {
            name: buyer.name,
            emails: buyer.saleNotificationEmails,
          })
        : null
    const batch = { id: newId(), size: sold.length }
    const drafts: DeliveryDraft[] = sold.map((r) => ({
      id: newId(),
      type: as === 'sale' ? `${kind}.sold` : 'lead.distributed',
      recordKind: kind,
      recordId: r.id,
      partnerCompanyId: buyer.id,
      method,
      channel: k.channel,
      data: {
        ...recordForExchange(kind, r, campaign, batch),
        ...(nominee && { assignedBySupplier: nominee }),
      },
      mailId,
      priceMinor,
    }))
    await queueDeliveries(tx, ctx, actor.companyId, drafts)
    await recordEvents(
      tx,
      actor.companyId,
      actor,
      kind,
      drafts.map((d) => ({
        recordId: d.recordId as string,
        type: as === 'sale' ? 'sold' : 'distributed',
        detail: {
          partnerCompanyId: buyer.id,
          partnerName: buyer.name,
          deliveryId: d.id,
          method,
          ...(input.price !== undefined && { price: input.price }),
        },
      })),
    )
    return {
      deliveries: drafts.map((d) => ({ id: d.id, [`${kind}Id`]: d.recordId, state: 'pending' as const })),
      failed,
    }
  })
}

export const sellLeads = (ctx: AppContext, actor: Actor, input: SellLeadsBody) =>
  sell(ctx, actor, 'lead', input.leadIds, input)

/** Supplier → channel partner (seed 004): a sale in all but name, awaiting the partner's decision. */
export const distributeLeads = (ctx: AppContext, actor: Actor, input: DistributeLeadsBody) =>
  sell(ctx, actor, 'lead', input.leadIds, input, 'distribution')

export const sellCustomers = (ctx: AppContext, actor: Actor, input: SellCustomersBody) =>
  sell(ctx, actor, 'customer', input.customerIds, input)
