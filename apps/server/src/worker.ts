import { authJobs } from './domains/auth/auth.jobs.ts'
import { deliveryJobs } from './domains/deliveries/deliveries.jobs.ts'
import { exchangeJobs } from './domains/exchange/exchange.jobs.ts'
import { idempotencyJobs } from './domains/idempotency/idempotency.jobs.ts'
import { importJobs } from './domains/imports/imports.jobs.ts'
import { leadManagementJobs } from './domains/lead-management/lead-management.jobs.ts'
import { leadJobs } from './domains/leads/leads.jobs.ts'
import { mailJobs } from './domains/mail/mail.jobs.ts'
import type { AppContext } from './lib/context.ts'
import { type JobDefinition, startWorkers } from './lib/jobs.ts'

/** Every domain's jobs, from its `<domain>.jobs.ts`. */
export const jobDefinitions: JobDefinition[] = [
  ...authJobs,
  ...importJobs,
  ...idempotencyJobs,
  ...mailJobs,
  ...deliveryJobs,
  ...exchangeJobs,
  ...leadManagementJobs,
  ...leadJobs,
]

export const startWorker = (ctx: AppContext, pollingIntervalSeconds?: number) =>
  startWorkers(ctx, jobDefinitions, pollingIntervalSeconds)
