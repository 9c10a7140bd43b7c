import { defineJob } from '../../lib/jobs.ts'
import { leadChanged } from '../leads/leads.events.ts'
import { sendDistributionEmail } from './distribution.ts'
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

export const leadManagementJobs = [distributionEmail, autoRegistration]
