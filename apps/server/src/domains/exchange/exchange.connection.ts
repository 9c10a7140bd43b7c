import type { ConnectionCredentials, ConnectionStatus } from '@tributary/contracts'
import type { Conn } from '../../db/client.ts'
import { type Actor, assertPermission } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError, notFound } from '../../lib/errors.ts'
import { newId } from '../../lib/ids.ts'
import { recordAudit } from '../audit/audit.service.ts'
import {
  exchangeUrl,
  findConnection,
  issueCredentials,
  saveReplyChannel,
} from '../connections/connections.service.ts'
import { lastDeliveryTo, queueDeliveries } from '../deliveries/deliveries.service.ts'
import {
  type BuysSection,
  findBuyer,
  findCustomerSource,
  findLeadSource,
} from '../partner-companies/partner-companies.sources.ts'

// Setting up a connection: the buyer issues posting credentials to a partner that sells to it;
// the seller pastes them into its Buys section, and saving that sends a signed hello carrying
// the seller's own reply channel. Test connection sends a ping that creates nothing.

/** Post URL, Source ID and secret in one paste. */
export const connectionCode = (c: { postUrl: string; sourceId: string; secret: string }) =>
  `trbx1_${Buffer.from(JSON.stringify(c)).toString('base64url')}`

async function sellsToUs(conn: Conn, companyId: string, id: string) {
  const [leads, customers] = await Promise.all([
    findLeadSource(conn, companyId, id),
    findCustomerSource(conn, companyId, id),
  ])
  if (!leads) throw notFound('Partner company')
  return { name: leads.name, sells: leads.enabled || Boolean(customers?.enabled) }
}

/** POST /partner-companies/{id}/connection: new credentials, or a new secret (the old one works a day). */
export async function generateCredentials(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<ConnectionCredentials> {
  assertPermission(actor, 'manage_partner_companies')
  const partner = await sellsToUs(ctx.db, actor.companyId, id)
  if (!partner.sells)
    throw new AppError(
      'unprocessable',
      `${partner.name} does not sell to you: switch on Sells Leads or Sells Customers before connecting`,
    )
  return ctx.db.transaction().execute(async (tx) => {
    const credentials = await issueCredentials(ctx, tx, actor.companyId, id)
    await recordAudit(tx, actor, 'update', 'partner_company', id, { postingCredentials: 'issued' })
    const { postUrl, sourceId, secret } = credentials
    return { postUrl, sourceId, secret, connectionCode: connectionCode({ postUrl, sourceId, secret }) }
  })
}

export async function connectionStatus(ctx: AppContext, actor: Actor, id: string): Promise<ConnectionStatus> {
  assertPermission(actor, 'manage_partner_companies')
  await sellsToUs(ctx.db, actor.companyId, id)
  const [row, last, url] = await Promise.all([
    findConnection(ctx.db, actor.companyId, id),
    lastDeliveryTo(ctx.db, actor.companyId, id),
    exchangeUrl(ctx, ctx.db, actor.companyId),
  ])
  const lastReceivedAt = row?.last_received_at?.toISOString() ?? null
  const lastSentAt = row?.last_sent_at?.toISOString() ?? null
  return {
    inbound: row ? { postUrl: url, sourceId: row.source_id, issuedAt: row.issued_at.toISOString() } : null,
    replyChannel: Boolean(row?.reply_post_url),
    connected: Boolean(lastReceivedAt || lastSentAt),
    lastReceivedAt,
    lastSentAt,
    lastDelivery: last
      ? { id: last.id, kind: last.type, state: last.state, at: last.created_at.toISOString() }
      : null,
  }
}

const channelOf = (section: BuysSection) => (section === 'buysLeads' ? 'buys_leads' : 'buys_customers')

/** Test connection: a signed ping to the buyer's Post URL, followed on the Deliveries page. */
export async function testConnection(ctx: AppContext, actor: Actor, id: string, section: BuysSection) {
  assertPermission(actor, 'manage_partner_companies')
  const buyer = await findBuyer(ctx.db, actor.companyId, id, section)
  if (!buyer) throw notFound('Partner company')
  if (!buyer.enabled || buyer.deliveryMethod !== 'exchange' || !buyer.postUrl)
    throw new AppError('unprocessable', `${buyer.name} has no exchange connection in this section to test`)
  const deliveryId = newId()
  await ctx.db.transaction().execute((tx) =>
    queueDeliveries(tx, ctx, actor.companyId, [
      {
        id: deliveryId,
        type: 'ping',
        partnerCompanyId: id,
        method: 'exchange',
        channel: channelOf(section),
        data: {},
      },
    ]),
  )
  return { deliveryId }
}

/**
 * The handshake, after a Buys section's endpoint was saved: this company issues (or renews)
 * credentials for the buyer to post back with, and sends them in a connection.hello. They
 * travel sealed in the delivery and are opened only to be signed and sent.
 */
export async function sendHello(
  ctx: AppContext,
  companyId: string,
  partnerCompanyId: string,
  sections: BuysSection[],
) {
  await ctx.db.transaction().execute(async (tx) => {
    const section = sections[0] as BuysSection
    const buyer = await findBuyer(tx, companyId, partnerCompanyId, section)
    if (
      !buyer?.enabled ||
      buyer.deliveryMethod !== 'exchange' ||
      !buyer.postUrl ||
      !buyer.sourceId ||
      !buyer.sealedSecret
    )
      return
    const known = await findConnection(tx, companyId, partnerCompanyId)
    // The buyer's hello gave us this endpoint before: one secret per direction, the new one.
    if (known?.reply_post_url === buyer.postUrl && known.reply_source_id === buyer.sourceId)
      await saveReplyChannel(ctx, tx, companyId, partnerCompanyId, {
        postUrl: buyer.postUrl,
        sourceId: buyer.sourceId,
        secret: ctx.secrets.open(buyer.sealedSecret),
      })
    const reply = await issueCredentials(ctx, tx, companyId, partnerCompanyId)
    const hello = { postUrl: reply.postUrl, sourceId: reply.sourceId, secret: reply.secret }
    await queueDeliveries(tx, ctx, companyId, [
      {
        id: newId(),
        type: 'connection.hello',
        partnerCompanyId,
        method: 'exchange',
        channel: channelOf(section),
        data: { sealed: ctx.secrets.seal(JSON.stringify(hello)) },
      },
    ])
  })
}
