import { z } from 'zod'
import { defineJob } from '../../lib/jobs.ts'
import { runLeadImport } from './imports.run.ts'

export const runImport = defineJob({
  name: 'imports.run',
  schema: z.object({ companyId: z.uuid(), importId: z.uuid() }),
  queue: { retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 3600 },
  handle: (ctx, data) => runLeadImport(ctx, data.companyId, data.importId),
})

export const importJobs = [runImport]
