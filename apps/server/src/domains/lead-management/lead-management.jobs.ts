import { z } from 'zod'
import { defineJob } from '../../lib/jobs.ts'
import { leadChanged } from '../leads/leads.events.ts'
import { remindUndecided, sendDistributionEmail } from './distribution.ts'
import { distributionDue } from './lead-management.events.ts'
import { registerIfMatching } from './registration.ts'

const distributionEmail = defineJob({
  ...distributionDue,
  queue: { retryLimit: 5, retryDelay: 10, retryBackoff: true },
  handle: (ctx, data) => sendDistributionEmail(ctx, data),
})

/** A lead was created or updated while auto-registration is on: run the rules on it. */
const autoRegistration = defineJob({
  ...leadChanged,
  queue: { retryLimit: 5, retryDelay: 10, retryBackoff: true },
  handle: (ctx, data) => registerIfMatching(ctx, data.companyId, data.leadId),
})

/** Every ten minutes: distributions still undecided past their company's reminder hours. */
export const acceptanceReminders = defineJob({
  name: 'lead-management.acceptance-reminders',
  schema: z.object({}),
  cron: '*/10 * * * *',
  handle: (ctx) => remindUndecided(ctx),
})

export const leadManagementJobs = [distributionEmail, autoRegistration, acceptanceReminders]
