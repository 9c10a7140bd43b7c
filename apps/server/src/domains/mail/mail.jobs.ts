import { z } from 'zod'
import type { AppContext } from '../../lib/context.ts'
import { defineJob } from '../../lib/jobs.ts'
import * as repo from './mail.repo.ts'

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

/** The send job's work: at most one successful send per row; failures count toward the final state. */
async function deliverMail(ctx: AppContext, companyId: string, mailId: string, maxAttempts: number) {
  const mail = await repo.findMail(ctx.db, companyId, mailId)
  if (!mail || !['queued', 'retrying'].includes(mail.state)) return
  if (!ctx.mailer) {
    await repo.markAttemptFailed(ctx.db, companyId, mailId, 'SMTP is no longer configured', true)
    return
  }
  try {
    await ctx.mailer.send({
      id: mail.id,
      to: mail.to_addresses,
      subject: mail.subject,
      text: mail.text_body,
      html: mail.html_body,
    })
  } catch (error) {
    const final = mail.attempts + 1 >= maxAttempts
    await repo.markAttemptFailed(ctx.db, companyId, mailId, (error as Error).message.slice(0, 500), final)
    if (!final) throw error
    return
  }
  await repo.markSent(ctx.db, companyId, mailId)
}

export const mailJobs = [sendMail]
