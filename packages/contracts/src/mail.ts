import { z } from 'zod'
import { Id, Timestamp } from './common.ts'

export const MailState = z.enum(['queued', 'retrying', 'sent', 'failed', 'logged'])

export const Mail = z
  .object({
    id: Id,
    to: z.array(z.string()),
    subject: z.string(),
    body: z.string().describe('The plain-text part'),
    html: z.string().nullable(),
    state: MailState.describe('logged: no SMTP server is configured, the mail log is the mailbox'),
    attempts: z.number().int(),
    error: z.string().nullable(),
    related: z.object({ kind: z.string(), id: Id }).nullable(),
    createdAt: Timestamp,
    sentAt: Timestamp.nullable(),
  })
  .meta({ id: 'Mail' })
export type Mail = z.infer<typeof Mail>

export const MailQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  state: MailState.optional(),
})
