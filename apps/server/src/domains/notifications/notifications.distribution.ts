import type { Conn } from '../../db/client.ts'
import { escapeHtml } from '../../lib/templates.ts'
import { queueMail } from '../mail/mail.service.ts'
import type { Notifier, RecordSummary } from './notifications.service.ts'

/**
 * New leads from a supplier wait for acceptance (seed 004): the default lead notification
 * recipients get one email per distribution, with a link to accept or decline them.
 */
export async function notifyDistributed(
  conn: Conn,
  ctx: Notifier,
  companyId: string,
  to: string[],
  supplier: string,
  leads: RecordSummary[],
  reminder = false,
) {
  const first = leads[0]
  if (to.length === 0 || !first) return
  const link = `${ctx.config.publicUrl}/leads?location=awaiting_acceptance`
  const lines = leads.map(
    (l) => `Lead ${l.number}: ${[l.firstName, l.lastName].filter(Boolean).join(' ') || '(no name)'}`,
  )
  const count = `${leads.length} lead${leads.length === 1 ? '' : 's'}`
  const intro = reminder
    ? `Reminder: ${count} from ${supplier} still wait${leads.length === 1 ? 's' : ''} to be accepted or declined.`
    : `${supplier} sent you ${leads.length} new lead${leads.length === 1 ? '' : 's'} to accept or decline.`
  await queueMail(conn, ctx, companyId, [
    {
      to,
      subject: reminder
        ? `Reminder: ${count} from ${supplier} to accept or decline`
        : `${leads.length} new lead${leads.length === 1 ? '' : 's'} from ${supplier}`,
      text: `${intro}\n\n${lines.map((l) => `- ${l}`).join('\n')}\n\nAccept or decline them at ${link}\n`,
      html: `<p>${escapeHtml(intro)}</p><ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul><p><a href="${escapeHtml(link)}">Accept or decline them</a></p>`,
      related: { kind: 'lead', id: first.id },
    },
  ])
}
