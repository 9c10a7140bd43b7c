import { z } from 'zod'
import { defineEvent } from '../../lib/jobs.ts'

/**
 * A lead was created or updated in a company that auto-registers leads (seed 004): the
 * lead-management domain runs the rules on it. Enqueued in the change's own transaction.
 */
export const leadChanged = defineEvent({
  name: 'leads.changed',
  schema: z.object({ companyId: z.uuid(), leadId: z.uuid() }),
})
