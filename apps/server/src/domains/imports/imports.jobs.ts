import { z } from 'zod'
import { defineJob } from '../../lib/jobs.ts'
import { expireStalledUploads, runLeadImport } from './imports.run.ts'

export const runImport = defineJob({
  name: 'imports.run',
  schema: z.object({ companyId: z.uuid(), importId: z.uuid() }),
  // A running import sends a heartbeat every 5 s (pg-boss does it while the handler runs); one
  // silent for 10 s lost its worker, and the supervisor hands it to another within ~10 s more.
  // Each batch commits with its progress, so the next run resumes where the dead one stopped.
  queue: { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 3600, heartbeatSeconds: 10 },
  handle: (ctx, data) => runLeadImport(ctx, data.companyId, data.importId),
})

export const expireUploads = defineJob({
  name: 'imports.expire-uploads',
  schema: z.object({}),
  cron: '*/5 * * * *',
  handle: (ctx) => expireStalledUploads(ctx),
})

export const importJobs = [runImport, expireUploads]
