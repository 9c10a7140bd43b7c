import { z } from 'zod'
import type { AppContext } from '../../lib/context.ts'
import { defineJob, type JobDefinition } from '../../lib/jobs.ts'
import { attemptDeliveries } from './deliveries.send.ts'

// One job per attempt: the handler schedules the next one itself (its own backoff with
// jitter, Retry-After on 429), so pg-boss's own retries only cover a crashed worker, found by
// the job's expiry (a request times out after 15 s, well inside it).
const payload = z.object({ companyId: z.uuid(), deliveryId: z.uuid() })
type Payload = z.infer<typeof payload>

const attempt = (ctx: AppContext, jobs: Payload[]) =>
  attemptDeliveries(ctx, jobs, (conn, job, startAfter) =>
    ctx.jobs.send(conn, sendDelivery, job, { startAfter }),
  )

export const sendDelivery: JobDefinition<typeof payload> = defineJob({
  name: 'deliveries.send',
  schema: payload,
  queue: { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 30 },
  // Most of an attempt is waiting on the receiver: many at once keep the exchange flowing,
  // and a batch is read and recorded in a few statements.
  concurrency: { workers: 2, batch: 16 },
  handle: (ctx, data) => attempt(ctx, [data]),
  handleBatch: attempt,
})

export const deliveryJobs = [sendDelivery]
