import type { Conn } from '../../db/client.ts'
import { escapeHtml } from '../../lib/templates.ts'
import { findCompany } from '../companies/companies.lookup.ts'
import { queueMail } from '../mail/mail.service.ts'
import type { Notifier, RecordSummary } from './notifications.service.ts'

/** A sold record as the buyer's sale notification emails show it: every field it needs. */
export type SoldRecord = RecordSummary & {
  companyName: string | null
  address: RecordSummary['address'] & { country: string | null }
  extra?: Record<string, string | null>
}

function fieldsOf(r: SoldRecord): [string, string][] {
  const rows: [string, string | null][] = [
    ['Number', String(r.number)],
    ['First name', r.firstName],
    ['Last name', r.lastName],
    ['Company', r.companyName],
    ['Phone', r.phone],
    ['Email', r.email],
    ['Street', r.address.street],
    ['City', r.address.city],
    ['State / province', r.address.region],
    ['Postal code', r.address.postalCode],
    ['Country', r.address.country],
    ...Object.entries(r.extra ?? {}),
  ]
  return rows.filter((row): row is [string, string] => Boolean(row[1]))
}

/**
 * A sale by email (Buys section delivery method `email`): one email to the buyer's sale
 * notification emails with every record of the request, as text and HTML. Returns its id.
 */
export async function notifySale(
  conn: Conn,
  ctx: Notifier,
  companyId: string,
  kind: 'lead' | 'customer',
  records: SoldRecord[],
  buyer: { name: string; emails: string[] },
): Promise<string | null> {
  const company = await findCompany(conn, companyId)
  const noun = kind === 'lead' ? 'lead' : 'customer'
  const plural = records.length === 1 ? noun : `${noun}s`
  const subject = `${company?.name ?? 'Tributary'} sold you ${records.length} ${plural}`
  const intro = `${company?.name ?? 'We'} sold ${records.length} ${plural} to ${buyer.name}.`
  const text = records
    .map((r) =>
      fieldsOf(r)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n'),
    )
    .join('\n\n---\n\n')
  const html = records
    .map(
      (r) =>
        `<table>${fieldsOf(r)
          .map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
          .join('')}</table>`,
    )
    .join('<hr>')
  const [id] = await queueMail(conn, ctx, companyId, [
    {
      to: buyer.emails,
      subject,
      text: `${intro}\n\n${text}\n`,
      html: `<p>${escapeHtml(intro)}</p>${html}`,
      related: { kind, id: (records[0] as SoldRecord).id },
    },
  ])
  return id ?? null
}

/** A delivery gave up: the company's administrators hear of it, with a link to retry it. */
export async function notifyDeliveryFailed(
  conn: Conn,
  ctx: Notifier,
  companyId: string,
  to: string[],
  delivery: { id: string; kind: string; partnerName: string; error: string },
) {
  const link = `${ctx.config.publicUrl}/deliveries?state=failed`
  const text = `The delivery of ${delivery.kind} to ${delivery.partnerName} failed for good: ${delivery.error}\n\nRetry it at ${link}\n`
  await queueMail(conn, ctx, companyId, [
    {
      to,
      subject: `Delivery to ${delivery.partnerName} failed`,
      text,
      html: `<p>${escapeHtml(text).replace(/\n/g, '<br>')}</p>`,
      related: { kind: 'delivery', id: delivery.id },
    },
  ])
}
