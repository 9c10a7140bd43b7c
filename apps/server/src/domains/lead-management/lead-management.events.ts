import { z } from 'zod'
import { defineEvent } from '../../lib/jobs.ts'

/** A distribution's email is due: all its leads arrived, or a minute passed since the first. */
export const distributionDue = defineEvent({
  name: 'lead-management.distribution-due',
  schema: z.object({ companyId: z.uuid(), partnerCompanyId: z.uuid(), batchId: z.string().max(100) }),
})
