import { defineJob } from '../../lib/jobs.ts'
import { sendDistributionEmail } from './distribution.ts'
import { distributionDue } from './lead-management.events.ts'

const distributionEmail = defineJob({
  ...distributionDue,
  queue: { retryLimit: 5, retryDelay: 10, retryBackoff: true },
  handle: (ctx, data) => sendDistributionEmail(ctx, data),
})

export const leadManagementJobs = [distributionEmail]
