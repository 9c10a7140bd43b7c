import { z } from 'zod'
import { defineJob } from '../../lib/jobs.ts'
import { deliverMail } from './mail.service.ts'

// With the defaults (8 attempts, 30 s first delay, doubling) the last try is about two hours
// after the first; then the mail shows as failed.
export const sendMail = defineJob({
  name: 'mail.send',
  schema: z.object({ companyId: z.uuid(), mailId: z.uuid() }),
  queue: (config) => ({
    retryLimit: config.mailMaxAttempts - 1,
    retryDelay: config.mailRetryDelaySeconds,
    retryBackoff: true,
    retryDelayMax: 3600,
    expireInSeconds: 120,
  }),
  handle: (ctx, data) => deliverMail(ctx, data.companyId, data.mailId, ctx.config.mailMaxAttempts),
})

export const mailJobs = [sendMail]
