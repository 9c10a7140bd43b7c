import type { Conn } from '../../db/client.ts'
import type { AppContext } from '../../lib/context.ts'
import { escapeHtml, renderTemplate, type TemplateContext, usesPlaceholder } from '../../lib/templates.ts'
import { findCampaignById } from '../campaigns/campaigns.service.ts'
import { findCompany } from '../companies/companies.lookup.ts'
import { queueMail } from '../mail/mail.service.ts'
import { findMessageCampaign } from '../message-campaigns/message-campaigns.service.ts'
import { type EventActor, recordEvent } from '../timeline/timeline.service.ts'
import { builtInTemplates } from './notification-templates.ts'

/** What sending a notification needs of the application. */
export type Notifier = Pick<AppContext, 'config' | 'jobs' | 'mailer'>
type Ctx = Notifier

/** The contact fields a notification shows of a lead or customer. */
export type RecordSummary = {
  id: string
  number: number
  firstName: string | null
  lastName: string | null
  email: string | null
  phone: string | null
  address: { street: string | null; city: string | null; region: string | null; postalCode: string | null }
}

export type SourceSummary = { name: string; contactPerson?: string | null }

function recordContext(kind: 'lead' | 'customer', r: RecordSummary, ctx: Ctx) {
  return {
    number: r.number,
    firstName: r.firstName,
    lastName: r.lastName,
    email: r.email,
    phone: r.phone,
    street: r.address.street,
    city: r.address.city,
    region: r.address.region,
    postalCode: r.address.postalCode,
    link: `${ctx.config.publicUrl}/${kind}s/${r.id}`,
  }
}

const line = (kind: 'lead' | 'customer', r: RecordSummary) =>
  `${kind === 'lead' ? 'Lead' : 'Customer'} ${r.number}: ${[r.firstName, r.lastName].filter(Boolean).join(' ') || '(no name)'}${r.phone ? `, ${r.phone}` : ''}${r.email ? `, ${r.email}` : ''}`

/**
 * Purchase notification (seed 000): the source's purchase notification emails hear of the new
 * record, and the record's timeline says so.
 */
export async function notifyPurchase(
  conn: Conn,
  ctx: Ctx,
  companyId: string,
  actor: EventActor,
  kind: 'lead' | 'customer',
  record: RecordSummary,
  source: SourceSummary & { emails: string[] },
  campaignId: string | null,
) {
  if (source.emails.length === 0) return
  const company = await findCompany(conn, companyId)
  const campaign = campaignId ? await findCampaignById(conn, companyId, campaignId) : null
  const context: TemplateContext = {
    company: { name: company?.name ?? '' },
    [kind]: recordContext(kind, record, ctx),
    partnerCompany: { name: source.name, contactPerson: source.contactPerson ?? null },
    campaign: { name: campaign?.name ?? null },
  }
  const message = renderTemplate(
    kind === 'lead' ? builtInTemplates.leadPurchased : builtInTemplates.customerPurchased,
    context,
  )
  await queueMail(conn, ctx, companyId, [
    {
      to: source.emails,
      subject: message.subject,
      text: message.text,
      html: message.html,
      related: { kind, id: record.id },
    },
  ])
  await recordEvent(conn, companyId, actor, kind, record.id, 'purchase_notification', { to: source.emails })
}

/**
 * Purchase notification of a CSV import (seed 000, issue 13.4): one email per source when the
 * import ends, with the number of leads it added from that source, instead of one per lead.
 */
export async function notifyImportPurchase(
  conn: Conn,
  ctx: Ctx,
  companyId: string,
  source: SourceSummary & { emails: string[] },
  count: number,
) {
  if (source.emails.length === 0 || count === 0) return
  const company = await findCompany(conn, companyId)
  const many = count === 1 ? 'lead' : 'leads'
  const text = [
    `${company?.name ?? 'We'} imported ${count} new ${many} from ${source.name} (CSV import).`,
    '',
    `Open the leads: ${ctx.config.publicUrl}/leads`,
  ].join('\n')
  await queueMail(conn, ctx, companyId, [
    {
      to: source.emails,
      subject: `${count} new ${many} from ${source.name}`,
      text,
      html: text
        .split('\n')
        .map((l) => escapeHtml(l))
        .join('<br>\n'),
    },
  ])
}

/**
 * One email per return batch to the source's return notification emails (seeds 000, 001):
 * the source's auto-response message campaign when it has one, else the built-in message,
 * then the list of returned records. Call-center comments appear only if the source says so, and
 * then always: after the list when the template does not show them itself.
 */
export async function notifyReturn(
  conn: Conn,
  ctx: Ctx,
  companyId: string,
  kind: 'lead' | 'customer',
  records: RecordSummary[],
  source: SourceSummary & {
    emails: string[]
    includeComments: boolean
    autoResponseMessageCampaignId: string | null
  },
  reason: string,
  comments: string | null,
) {
  const first = records[0]
  if (source.emails.length === 0 || !first) return
  const company = await findCompany(conn, companyId)
  const template =
    (source.autoResponseMessageCampaignId &&
      (await findMessageCampaign(conn, companyId, source.autoResponseMessageCampaignId))) ||
    builtInTemplates.returned
  const shownComments = source.includeComments ? comments : null
  const message = renderTemplate(template, {
    company: { name: company?.name ?? '' },
    [kind]: recordContext(kind, first, ctx),
    partnerCompany: { name: source.name, contactPerson: source.contactPerson ?? null },
    return: { reason, comments: shownComments, count: records.length },
  })
  const list = records.map((r) => line(kind, r))
  const addComments = shownComments && !usesPlaceholder(template.body, 'return', 'comments')
  const commentsText = addComments ? `\nCall center comments:\n${shownComments}\n` : ''
  const commentsHtml = addComments
    ? `<p>Call center comments:</p><p>${escapeHtml(shownComments).replace(/\r\n|\r|\n/g, '<br>\n')}</p>`
    : ''
  await queueMail(conn, ctx, companyId, [
    {
      to: source.emails,
      subject: message.subject,
      text: `${message.text.trimEnd()}\n\nReturned:\n${list.map((l) => `- ${l}`).join('\n')}\n${commentsText}`,
      html: `${message.html}<br>\n<p>Returned:</p><ul>${list.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>${commentsHtml}`,
      related: { kind, id: first.id },
    },
  ])
}
