import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { formatDateTime } from '../../app/format.ts'
import { type CallOutcome, callOutcomeLabels } from '../activities/activities.api.ts'
import type { Directory } from '../directory/use-directory.ts'
import { locationLabel } from '../leads/lead-labels.ts'
import type { TimelineEvent } from './timeline.api.ts'

/** Where a lead or customer opens: the company's pages, or the partner portal's. */
export type RecordLinks = { lead: (id: string) => string; customer: (id: string) => string }

export const companyLinks: RecordLinks = {
  lead: (id) => `/leads/${id}`,
  customer: (id) => `/customers/${id}`,
}

export const portalLinks: RecordLinks = {
  lead: (id) => `/partner/leads/${id}`,
  customer: (id) => `/partner/customers/${id}`,
}

type Names = Pick<Directory, 'partnerName' | 'campaignName' | 'userName'>

const fieldLabels: Record<string, string> = {
  firstName: 'first name',
  lastName: 'last name',
  companyName: 'company name',
  email: 'email',
  phone: 'phone',
  address: 'address',
  notes: 'notes',
  callCenterComments: 'call-center comments',
  officeLocationId: 'office location',
}

const via: Record<string, string> = {
  api: 'Added',
  import: 'Imported from a CSV file',
  seed: 'Added with the demo data',
  exchange: 'Received through the exchange',
}

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null)

function list(words: string[]): string {
  if (words.length < 2) return words.join('')
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
}

/** "Requeued" → what a person reads: a sentence, and the comment or reason quoted under it. */
export function describeEvent(
  event: TimelineEvent,
  names: Names,
  links: RecordLinks,
): { what: ReactNode; quote?: string } {
  const d = event.detail
  switch (event.type) {
    case 'created': {
      const fromLead = text(d.fromLeadId)
      if (fromLead) {
        return {
          what: (
            <>
              Created by converting <Link to={links.lead(fromLead)}>the lead</Link>
            </>
          ),
        }
      }
      const parts = [via[text(d.via) ?? ''] ?? 'Added']
      const location = text(d.location)
      if (location) parts.push(`to ${locationLabel(location)}`)
      const source = text(d.partnerCompanyId)
      if (source) parts.push(`from ${names.partnerName(source)}`)
      const campaign = text(d.campaignId) && names.campaignName(text(d.campaignId))
      if (campaign) parts.push(`(campaign ${campaign})`)
      return { what: parts.join(' ') }
    }
    case 'updated': {
      const fields = Array.isArray(d.fields) ? d.fields.filter((f): f is string => typeof f === 'string') : []
      return {
        what: fields.length ? `Changed the ${list(fields.map((f) => fieldLabels[f] ?? f))}` : 'Changed',
      }
    }
    case 'assigned': {
      const user = text(d.userName) ?? (text(d.userId) ? names.userName(text(d.userId)) : null)
      return { what: user ? `Assigned to ${user}` : 'Assigned' }
    }
    case 'moved':
      return {
        what: `Moved from ${locationLabel(text(d.from) ?? '?')} to ${locationLabel(text(d.to) ?? '?')}`,
      }
    case 'requested': {
      const location = text(d.location)
      const until = text(d.blacklistedUntil)
      if (location && location !== 'assigned') {
        return {
          what: `Requested from the queue; it went to ${locationLabel(location)}${
            until ? `, not requestable again until ${formatDateTime(until)}` : ''
          }`,
        }
      }
      return { what: 'Requested from the queue and assigned' }
    }
    case 'requeued': {
      const callback = text(d.contactAfter)
      const comment = text(d.comment)
      return {
        what: `Put back in the queue${callback ? `, callback ${formatDateTime(callback)}` : ''}`,
        ...(comment ? { quote: comment } : {}),
      }
    }
    case 'invalidated': {
      const reason = text(d.reason)
      return { what: 'Marked invalid', ...(reason ? { quote: reason } : {}) }
    }
    case 'converted': {
      const customer = text(d.customerId)
      return {
        what: customer ? (
          <>
            Converted to <Link to={links.customer(customer)}>a customer</Link>
          </>
        ) : (
          'Converted to a customer'
        ),
      }
    }
    case 'invalid':
      return { what: 'Marked invalid' }
    case 'returned': {
      // Returned to us by the buyer we sold it to, over the exchange.
      if (text(d.via) === 'exchange') {
        const comments = text(d.comments)
        return {
          what: `Returned by ${text(d.returnedBy) ?? 'the buyer'}: ${text(d.reason) ?? 'no reason given'}`,
          ...(comments ? { quote: comments } : {}),
        }
      }
      const quote = [text(d.reason), text(d.comments)].filter(Boolean).join('\n')
      return { what: 'Returned to its source', ...(quote ? { quote } : {}) }
    }
    case 'commented': {
      const comment = text(d.text)
      const what =
        text(d.via) === 'earlier' ? 'Call-center comment (kept from before)' : 'Added a call-center comment'
      return { what, ...(comment ? { quote: comment } : {}) }
    }
    case 'note':
    case 'call': {
      const outcome = text(d.outcome)
      const seconds = typeof d.durationSeconds === 'number' ? d.durationSeconds : null
      const followUp = text(d.followUpAt)
      const parts = [
        event.type === 'note' ? 'Wrote a note' : 'Called',
        outcome ? callOutcomeLabels[outcome as CallOutcome]?.toLowerCase() : null,
        seconds !== null ? `${Math.round(seconds / 60)} min` : null,
        followUp ? `follow up ${formatDateTime(followUp)}` : null,
      ]
      const body = text(d.text)
      return { what: parts.filter(Boolean).join(' · '), ...(body ? { quote: body } : {}) }
    }
    case 'purchase_notification':
    case 'return_notification': {
      const to = Array.isArray(d.to) ? d.to.filter((a): a is string => typeof a === 'string') : []
      const what = event.type === 'purchase_notification' ? 'Purchase notification' : 'Return notification'
      return { what: to.length ? `${what} emailed to ${list(to)}` : `${what} emailed` }
    }
    case 'sold': {
      const price = text(d.price)
      const how =
        text(d.method) === 'email' ? ' by email' : text(d.method) === 'exchange' ? ' over the exchange' : ''
      return { what: `Sold to ${text(d.partnerName) ?? 'a partner'}${how}${price ? ` for ${price}` : ''}` }
    }
    case 'distributed':
      return { what: `Distributed to ${text(d.partnerName) ?? 'a channel partner'}` }
    case 'accepted':
      return { what: text(d.acceptedBy) ? `Accepted by ${text(d.acceptedBy)}` : 'Accepted' }
    case 'declined': {
      // The supplier's copy names the partner and its reason; the partner's own quotes the reason.
      const by = text(d.declinedBy)
      const reason = text(d.reason)
      if (by) return { what: `Declined by ${by}: ${reason ?? 'no reason given'}` }
      return { what: 'Declined', ...(reason ? { quote: reason } : {}) }
    }
    case 'registered': {
      const by = text(d.registeredBy)
      if (by) return { what: `Registered by ${by}` }
      const supplier = text(d.partnerCompanyId)
      const group = typeof d.group === 'number' ? ` (rule group ${d.group + 1})` : ''
      return { what: `Registered with ${supplier ? names.partnerName(supplier) : 'the supplier'}${group}` }
    }
    default: {
      const words = event.type.replace(/[_-]/g, ' ')
      const particulars = Object.entries(d)
        .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
        .map(([key, value]) => `${key}: ${String(value)}`)
      return {
        what: words.charAt(0).toUpperCase() + words.slice(1),
        ...(particulars.length ? { quote: particulars.join(', ') } : {}),
      }
    }
  }
}

/** A record's history, oldest first: when, what, and who. */
export function Timeline({
  events,
  names,
  links,
}: {
  events: TimelineEvent[]
  names: Names
  links: RecordLinks
}) {
  if (!events.length) return <p className="muted">Nothing has happened yet.</p>
  return (
    <ol className="timeline" aria-label="Timeline">
      {events.map((event) => {
        const { what, quote } = describeEvent(event, names, links)
        return (
          <li key={event.id} className={`timeline-item timeline-${event.type}`}>
            <p className="timeline-what">{what}</p>
            {quote ? <blockquote className="timeline-quote">{quote}</blockquote> : null}
            <p className="timeline-meta">
              <time dateTime={event.at}>{formatDateTime(event.at)}</time> · {event.actor.label}
            </p>
          </li>
        )
      })}
    </ol>
  )
}
