import { z } from 'zod'
import { defineJob } from '../../lib/jobs.ts'
import { buyerEndpointChanged } from '../partner-companies/partner-companies.events.ts'
import { sendHello } from './exchange.connection.ts'
import { pruneReceipts } from './exchange.repo.ts'

/** A Buys section's endpoint was saved: answer with the handshake. */
const handshake = defineJob({
  ...buyerEndpointChanged,
  queue: { retryLimit: 5, retryDelay: 10, retryBackoff: true },
  handle: (ctx, data) => sendHello(ctx, data.companyId, data.partnerCompanyId, data.sections),
})

/** Receipts outlive every retry of the sender (about three days) and then go. */
const pruneOldReceipts = defineJob({
  name: 'exchange.prune-receipts',
  schema: z.object({}),
  cron: '17 3 * * *',
  handle: (ctx) => pruneReceipts(ctx.db),
})

export const exchangeJobs = [handshake, pruneOldReceipts]
