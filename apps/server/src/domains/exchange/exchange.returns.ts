import type { Conn } from '../../db/client.ts'
import type { AppContext } from '../../lib/context.ts'
import { newId } from '../../lib/ids.ts'
import { customerOrigins } from '../customers/customers.records.ts'
import { queueDeliveries } from '../deliveries/deliveries.service.ts'
import { leadOrigins } from '../leads/leads.records.ts'

/**
 * Returns travel back (PRODUCT §3): of the records just returned, those bought over the
 * exchange are also returned to the seller's system, by the seller's id for them, with the
 * comments when their source sends comments with returns.
 */
export async function returnToSellers(
  conn: Conn,
  ctx: AppContext,
  companyId: string,
  kind: 'lead' | 'customer',
  ids: string[],
  reason: string,
  comments: string | null,
  includeComments: (partnerCompanyId: string) => boolean,
) {
  const origins = await (kind === 'lead' ? leadOrigins : customerOrigins)(conn, companyId, ids)
  await queueDeliveries(
    conn,
    ctx,
    companyId,
    origins.map((o) => ({
      id: newId(),
      type: `${kind}.returned`,
      recordKind: kind,
      recordId: o.id,
      partnerCompanyId: o.partner_company_id,
      method: 'exchange' as const,
      channel: 'reply' as const,
      data: {
        recordId: o.origin,
        reason,
        ...(comments && includeComments(o.partner_company_id) && { comments }),
      },
    })),
  )
}
