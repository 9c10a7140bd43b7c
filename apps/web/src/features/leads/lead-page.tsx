import { useMutation, useQuery } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { errorMessage } from '../../app/api.ts'
import { useAuth } from '../../app/auth.tsx'
import { formatAgo, formatDateTime } from '../../app/format.ts'
import { ActivityForm, CommentsCard } from '../activities/record-work.tsx'
import { contactName } from '../contacts/contact.ts'
import { ContactCard } from '../contacts/contact-card.tsx'
import { customerQuery } from '../customers/customers.api.ts'
import { type Directory, useDirectory } from '../directory/use-directory.ts'
import { NotFoundPage } from '../errors/not-found-page.tsx'
import { SellButton } from '../exchange/sell-selected.tsx'
import { DecideButtons } from '../lead-management/decide-dialog.tsx'
import {
  isRecordId,
  RecordAlerts,
  RecordPage,
  RecordPending,
  TimelineCard,
  useRecordDetail,
} from '../records/record-page.tsx'
import { ReturnDialog } from '../returns/return-dialog.tsx'
import { companyLinks, portalLinks, type RecordLinks } from '../timeline/timeline.tsx'
import { AssignDialog, ConvertDialog, InvalidateDialog, RequeueDialog } from './lead-actions.tsx'
import { LocationBadge, PriorityBadge } from './lead-badges.tsx'
import { type Lead, leadQuery, updateLead } from './leads.api.ts'
import { formatInZone, zoneLabel } from './local-time.ts'

/** Leads → one lead: contact, source and assignment, consent, the actions its location allows, timeline. */
export function LeadPage() {
  const { id = '' } = useParams()
  if (!isRecordId(id)) return <NotFoundPage />
  return <LeadDetail key={id} id={id} links={companyLinks} />
}

/** The partner portal's read-only view of one of the partner's leads. */
export function PortalLeadPage() {
  const { id = '' } = useParams()
  if (!isRecordId(id)) return <NotFoundPage />
  return <LeadDetail key={id} id={id} links={portalLinks} />
}

type DialogName = 'none' | 'requeue' | 'invalidate' | 'convert' | 'assign' | 'return'

function LeadDetail({ id, links }: { id: string; links: RecordLinks }) {
  const navigate = useNavigate()
  const { me, can, isPartner } = useAuth()
  const detail = useRecordDetail('lead', leadQuery(id), id)
  const { record: lead, timeline, setNotice, setFailure } = detail
  const names = useDirectory([lead?.partnerCompanyId ?? null])
  const [dialog, setDialog] = useState<DialogName>('none')
  const portal = links === portalLinks

  const moving = useMutation({
    mutationFn: (location: 'pending' | 'queue') => updateLead(id, { location }),
    onSuccess: (next, location) =>
      changed(next, `Moved to ${location === 'queue' ? 'the Queue' : 'Pending'}.`),
    onError: (error) => {
      setNotice(null)
      setFailure(`Could not move the lead: ${errorMessage(error)}`)
    },
  })
  const move = (location: 'pending' | 'queue') => moving.mutate(location)

  if (!lead) return <RecordPending title="Lead" portal={portal} loaded={detail.loaded} />

  const name = contactName(lead, `Lead #${lead.number}`)
  const manager = can('assign_leads')
  // The rep it is assigned to works it; so does anyone who assigns leads (the API checks the same).
  const mayWork = !isPartner && (lead.assignedUserId === me.user?.id || manager)
  const open = ['pending', 'queue', 'assigned'].includes(lead.location)

  function changed(next: Lead, message: string) {
    setDialog('none')
    detail.changed(next, message)
  }

  const actions: ReactNode[] = []
  if (!isPartner && lead.location === 'awaiting_acceptance') {
    const record = { id: lead.id, number: lead.number, name }
    actions.push(<DecideButtons key="decide" record={record} onDecided={detail.changedElsewhere} />)
  }
  if (mayWork && lead.location === 'assigned') {
    actions.push(
      <button key="requeue" type="button" className="button" onClick={() => setDialog('requeue')}>
        Put back in queue
      </button>,
    )
  }
  if (mayWork && open && can('manage_customers')) {
    actions.push(
      <button
        key="convert"
        type="button"
        className="button button-primary"
        onClick={() => setDialog('convert')}
      >
        Convert to customer
      </button>,
    )
  }
  if (manager && lead.location === 'pending') {
    actions.push(
      <button
        key="to-queue"
        type="button"
        className="button"
        disabled={moving.isPending}
        onClick={() => void move('queue')}
      >
        Move to Queue
      </button>,
    )
  }
  if (manager && lead.location === 'queue') {
    actions.push(
      <button
        key="to-pending"
        type="button"
        className="button"
        disabled={moving.isPending}
        onClick={() => void move('pending')}
      >
        Move to Pending
      </button>,
    )
  }
  if (manager && open) {
    actions.push(
      <button key="assign" type="button" className="button" onClick={() => setDialog('assign')}>
        {lead.assignedUserId ? 'Reassign' : 'Assign'}
      </button>,
    )
  }
  // The API returns any lead not yet converted, sold or returned (an invalid one too).
  if (!isPartner && can('return_leads') && !['converted', 'sold', 'returned'].includes(lead.location)) {
    actions.push(
      <button key="return" type="button" className="button" onClick={() => setDialog('return')}>
        Return
      </button>,
    )
  }
  if (!isPartner && can('sell_leads') && !['sold', 'returned'].includes(lead.location)) {
    const record = { id: lead.id, number: lead.number, name }
    actions.push(<SellButton key="sell" kind="lead" record={record} onSold={detail.changedElsewhere} />)
  }
  if (mayWork && open) {
    actions.push(
      <button
        key="invalidate"
        type="button"
        className="button button-danger-quiet"
        onClick={() => setDialog('invalidate')}
      >
        Mark invalid
      </button>,
    )
  }

  return (
    <RecordPage title={name} portal={portal}>
      <header className="page-header page-header-split">
        <div>
          <Breadcrumb links={links} />
          <h1>
            <span data-testid="record-name">{name}</span>
            <LocationBadge location={lead.location} />
            <PriorityBadge priority={lead.priority} />
          </h1>
          <p className="header-meta muted">
            Lead #{lead.number} · added {formatAgo(lead.createdAt)} from{' '}
            {names.partnerName(lead.partnerCompanyId)}
          </p>
        </div>
        {actions.length ? (
          <div className="toolbar" role="toolbar" aria-label="Lead actions">
            {actions}
          </div>
        ) : null}
      </header>
      <RecordAlerts notice={detail.notice} failure={detail.failure} />
      <div className="detail-grid">
        <div className="detail-main">
          <ContactCard
            key={lead.updatedAt}
            contact={lead}
            // Notes are the company's own; a partner reads the lead without them. Call-center
            // comments are a history of their own (CommentsCard).
            texts={isPartner ? [] : [{ name: 'notes' as const, label: 'Notes', value: lead.notes }]}
            editable={mayWork}
            save={(input) => updateLead(lead.id, input)}
            onSaved={(saved) => changed(saved, 'Contact saved.')}
            onChange={() => setNotice(null)}
          />
          {isPartner ? null : <CommentsCard kind="leads" id={lead.id} canWrite={mayWork} />}
          {mayWork ? <ActivityForm kind="leads" id={lead.id} /> : null}
          <TimelineCard timeline={timeline} names={names} links={links} />
        </div>
        <div className="detail-side">
          <LeadFacts lead={lead} names={names} links={links} />
          <section className="card detail-card" aria-labelledby="consent-title">
            <div className="card-header">
              <h2 id="consent-title">Consent</h2>
            </div>
            <dl className="details">
              <dt>TrustedForm certificate</dt>
              <dd>
                {lead.trustedFormCertUrl?.startsWith('https://') ? (
                  <a
                    href={lead.trustedFormCertUrl}
                    target="_blank"
                    rel="noreferrer noopener"
                    className="break"
                  >
                    {lead.trustedFormCertUrl}
                  </a>
                ) : (
                  lead.trustedFormCertUrl || <span className="muted">—</span>
                )}
              </dd>
              <dt>LeadiD token</dt>
              <dd className="break">{lead.leadiDToken || <span className="muted">—</span>}</dd>
            </dl>
          </section>
        </div>
      </div>
      {dialog === 'requeue' ? (
        <RequeueDialog
          lead={lead}
          onClose={() => setDialog('none')}
          onDone={(next) => {
            const message = `Put back in the queue; requestable again from ${formatInZone(next.contactAfter, next.timezone)} (${zoneLabel(next.timezone)} time).`
            // Without view_queue a queue lead is out of sight until requested again.
            if (can('view_queue')) changed(next, message)
            else navigate('/leads', { state: { notice: message } })
          }}
        />
      ) : null}
      {dialog === 'invalidate' ? (
        <InvalidateDialog
          lead={lead}
          onClose={() => setDialog('none')}
          onDone={(next) => changed(next, 'Marked invalid.')}
        />
      ) : null}
      {dialog === 'convert' ? (
        <ConvertDialog
          lead={lead}
          offices={names.offices}
          onClose={() => setDialog('none')}
          onDone={(customer) =>
            navigate(links.customer(customer.id), {
              state: { notice: `Lead #${lead.number} converted to customer #${customer.number}.` },
            })
          }
        />
      ) : null}
      {dialog === 'return' ? (
        <ReturnDialog
          kind="lead"
          records={[{ id: lead.id, number: lead.number, name }]}
          onReturned={(outcome) => {
            if (!outcome.returned.includes(lead.id)) return
            // Returned: the page says so; a failure stays in the dialog with its reason.
            setDialog('none')
            detail.returned(names.partnerName(lead.partnerCompanyId))
          }}
          onClose={() => setDialog('none')}
        />
      ) : null}
      {dialog === 'assign' ? (
        <AssignDialog
          lead={lead}
          users={names.users}
          onClose={() => setDialog('none')}
          onDone={(next) => changed(next, `Assigned to ${names.userName(next.assignedUserId)}.`)}
        />
      ) : null}
    </RecordPage>
  )
}

/** Source, campaign, where the lead sits and who has it, and the particulars of its location. */
function LeadFacts({ lead, names, links }: { lead: Lead; names: Directory; links: RecordLinks }) {
  const { isPartner } = useAuth()
  const source = names.partnerName(lead.partnerCompanyId)
  return (
    <section className="card detail-card" aria-labelledby="lead-facts-title">
      <div className="card-header">
        <h2 id="lead-facts-title">Lead</h2>
      </div>
      <dl className="details">
        <dt>Number</dt>
        <dd>#{lead.number}</dd>
        <dt>Source</dt>
        <dd data-testid="lead-source">
          {isPartner ? source : <Link to={`/leads?tab=all&source=${lead.partnerCompanyId}`}>{source}</Link>}
        </dd>
        {isPartner ? null : (
          <>
            <dt>Campaign</dt>
            <dd>
              {lead.campaignId ? names.campaignName(lead.campaignId) : <span className="muted">—</span>}
            </dd>
          </>
        )}
        <dt>Location</dt>
        <dd>
          <LocationBadge location={lead.location} />
        </dd>
        <dt>Priority</dt>
        <dd>
          <PriorityBadge priority={lead.priority} />
        </dd>
        {isPartner ? null : (
          <>
            <dt>Assigned to</dt>
            <dd>
              {lead.assignedUserId ? (
                names.userName(lead.assignedUserId)
              ) : (
                <span className="muted">Nobody</span>
              )}
            </dd>
          </>
        )}
        {lead.location === 'queue' ? (
          <>
            <dt>Requestable from</dt>
            <dd>
              {formatInZone(lead.contactAfter, lead.timezone)} ({zoneLabel(lead.timezone)} time)
            </dd>
          </>
        ) : null}
        <dt>Local time zone</dt>
        <dd>{lead.timezone.replace(/_/g, ' ')}</dd>
        {lead.invalidReason ? (
          <>
            <dt>Invalid because</dt>
            <dd>{lead.invalidReason}</dd>
          </>
        ) : null}
        {lead.returnReason ? (
          <>
            <dt>Returned because</dt>
            <dd>{lead.returnReason}</dd>
          </>
        ) : null}
        {lead.customerId ? (
          <>
            <dt>Customer</dt>
            <dd>
              <CustomerLink id={lead.customerId} links={links} />
            </dd>
          </>
        ) : null}
        {lead.externalPartnerCompanyId || lead.externalCampaignId ? (
          <>
            <dt>Sender's IDs</dt>
            <dd className="break">
              {[lead.externalPartnerCompanyId, lead.externalCampaignId].filter(Boolean).join(' / ')}
            </dd>
          </>
        ) : null}
        <dt>Added</dt>
        <dd>{formatDateTime(lead.createdAt)}</dd>
        <dt>Changed</dt>
        <dd>{formatDateTime(lead.updatedAt)}</dd>
      </dl>
    </section>
  )
}

/** "Customer #228 — Ben Hill", linking to the customer the lead became. */
function CustomerLink({ id, links }: { id: string; links: RecordLinks }) {
  const customer = useQuery(customerQuery(id))
  const label = customer.data
    ? `Customer #${customer.data.number} — ${contactName(customer.data, 'no name')}`
    : 'Open the customer'
  return <Link to={links.customer(id)}>{label}</Link>
}

function Breadcrumb({ links }: { links: RecordLinks }) {
  return (
    <p className="breadcrumb">
      {links === portalLinks ? <Link to="/partner">Partner portal</Link> : <Link to="/leads">Leads</Link>}
    </p>
  )
}
