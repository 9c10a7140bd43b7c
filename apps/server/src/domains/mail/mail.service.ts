import type { Mail } from '@tributary/contracts'
import type { Conn } from '../../db/client.ts'
import { type Actor, assertPermission } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { idAfter, toPage } from '../../lib/cursor.ts'
import { notFound } from '../../lib/errors.ts'
import { newId } from '../../lib/ids.ts'
import { sendMail } from './mail.jobs.ts'
import * as repo from './mail.repo.ts'

export type NewMail = {
  to: string[]
  subject: string
  text: string
  html?: string | null
  related?: { kind: string; id: string }
}

const toMail = (r: repo.MailRow): Mail => ({
  id: r.id,
  to: r.to_addresses,
  subject: r.subject,
  body: r.text_body,
  html: r.html_body,
  state: r.state,
  attempts: r.attempts,
  error: r.error,
  related: r.related_kind && r.related_id ? { kind: r.related_kind, id: r.related_id } : null,
  createdAt: r.created_at.toISOString(),
  sentAt: r.sent_at?.toISOString() ?? null,
})

/**
 * Writes the emails in the caller's transaction and, when SMTP is configured, their send
 * jobs too: an email exists, and goes out, only if the change that causes it commits.
 */
export async function queueMail(
  conn: Conn,
  ctx: Pick<AppContext, 'jobs' | 'mailer'>,
  companyId: string,
  mails: NewMail[],
) {
  const rows = mails
    .filter((m) => m.to.length > 0)
    .map((m) => ({
      id: newId(),
      to_addresses: [...new Set(m.to.map((a) => a.toLowerCase()))],
      subject: m.subject.replace(/[\r\n]+/g, ' '),
      text_body: m.text,
      html_body: m.html ?? null,
      state: ctx.mailer ? ('queued' as const) : ('logged' as const),
      related_kind: m.related?.kind ?? null,
      related_id: m.related?.id ?? null,
    }))
  await repo.insertMail(conn, companyId, rows)
  if (ctx.mailer) {
    for (const row of rows) await ctx.jobs.send(conn, sendMail, { companyId, mailId: row.id })
  }
  return rows.map((r) => r.id)
}

export async function listMail(
  ctx: AppContext,
  actor: Actor,
  query: { limit: number; cursor?: string; state?: Mail['state'] },
) {
  assertPermission(actor, 'view_mail')
  const rows = await repo.listMail(
    ctx.db,
    actor.companyId,
    query.limit + 1,
    idAfter(query.cursor),
    query.state,
  )
  return toPage(rows, query.limit, (r) => [r.id], toMail)
}

export async function getMail(ctx: AppContext, actor: Actor, id: string): Promise<Mail> {
  assertPermission(actor, 'view_mail')
  const row = await repo.findMail(ctx.db, actor.companyId, id)
  if (!row) throw notFound('Mail')
  return toMail(row)
}
