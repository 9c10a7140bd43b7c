import { z } from 'zod'
import { defineEvent } from '../../lib/jobs.ts'

/**
 * A Buys section got a new or changed Post URL, Source ID or secret: the exchange answers with
 * its handshake (connection.hello). Enqueued in the save's transaction; handled above this domain.
 */
export const buyerEndpointChanged = defineEvent({
  name: 'partner-companies.buyer-endpoint-changed',
  schema: z.object({
    companyId: z.uuid(),
    partnerCompanyId: z.uuid(),
    sections: z.array(z.enum(['buysLeads', 'buysCustomers'])).min(1),
  }),
})

/** A lead source's queue priority changed: the leads waiting in the queue take the new one. */
export const sourcePriorityChanged = defineEvent({
  name: 'partner-companies.priority-changed',
  schema: z.object({
    companyId: z.uuid(),
    partnerCompanyId: z.uuid(),
    priority: z.enum(['high', 'medium', 'normal']),
  }),
})
