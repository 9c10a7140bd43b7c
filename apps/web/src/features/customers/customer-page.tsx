import { useMutation, useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { Link, useParams } from 'react-router'
import { errorMessage } from '../../app/api.ts'
import { useAuth } from '../../app/auth.tsx'
import { formatAgo, formatDateTime } from '../../app/format.ts'
import { ActivityForm, CommentsCard } from '../activities/record-work.tsx'
import { contactName } from '../contacts/contact.ts'
import { ContactCard } from '../contacts/contact-card.tsx'
import { type Directory, useDirectory } from '../directory/use-directory.ts'
import { NotFoundPage } from '../errors/not-found-page.tsx'
import { SellButton } from '../exchange/sell-selected.tsx'
import { leadQuery } from '../leads/leads.api.ts'
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
import { type Customer, customerQuery, customerStatusLabels, updateCustomer } from './customers.api.ts'

/** Customers → one customer: contact, source, office location, the lead it came from, timeline. */
export function CustomerPage() {
  const { id = '' } = useParams()
  if (!isRecordId(id)) return <NotFoundPage />
  return <CustomerDetail key={id} id={id} links={companyLinks} />
}

/** The partner portal's read-only view of one of the partner's customers. */
export function PortalCustomerPage() {
  const { id = '' } = useParams()
  if (!isRecordId(id)) return <NotFoundPage />
  return <CustomerDetail key={id} id={id} links={portalLinks} />
}

function CustomerDetail({ id, links }: { id: string; links: RecordLinks }) {
  const { can, isPartner } = useAuth()
  const detail = useRecordDetail('customer', customerQuery(id), id)
  const { record: customer, timeline, changed } = detail
  const names = useDirectory([customer?.partnerCompanyId ?? null])
  const [returning, setReturning] = useState(false)
  const portal = links === portalLinks

  const breadcrumb = (
    <p className="breadcrumb">
      {portal ? <Link to="/partner">Partner portal</Link> : <Link to="/customers">Customers</Link>}
    </p>
  )
  if (!customer) return <RecordPending title="Customer" loaded={detail.loaded} />

  const name = contactName(customer, `Customer #${customer.number}`)
  const editable = !isPartner && can('manage_customers')

  // The API returns an active customer that has a source to go back to.
  const returnable =
    !isPartner && can('return_leads') && customer.status === 'active' && customer.partnerCompanyId !== null
  const sellable = !isPartner && can('sell_leads') && customer.status === 'active'

  return (
    <RecordPage title={name}>
      <header className="page-header page-header-split">
        <div>
          {breadcrumb}
          <h1 className="heading-with-badges">
            <span data-testid="record-name">{name}</span>
            <span className={`badge status-${customer.status}`}>{customerStatusLabels[customer.status]}</span>
          </h1>
          <p className="header-meta muted">
            Customer #{customer.number} · added {formatAgo(customer.createdAt)}
            {customer.partnerCompanyId ? ` from ${names.partnerName(customer.partnerCompanyId)}` : ''}
          </p>
        </div>
        {returnable || sellable ? (
          <div className="toolbar" role="toolbar" aria-label="Customer actions">
            {returnable ? (
              <button type="button" className="button" onClick={() => setReturning(true)}>
                Return
              </button>
            ) : null}
            {sellable ? (
              <SellButton
                kind="customer"
                record={{ id: customer.id, number: customer.number, name }}
                onSold={detail.changedElsewhere}
              />
            ) : null}
          </div>
        ) : null}
      </header>
      <RecordAlerts notice={detail.notice} failure={detail.failure} />
      {returning ? (
        <ReturnDialog
          kind="customer"
          records={[{ id: customer.id, number: customer.number, name }]}
          onReturned={(outcome) => {
            if (!outcome.returned.includes(customer.id)) return
            // Returned: the page says so; a failure stays in the dialog with its reason.
            setReturning(false)
            detail.returned(names.partnerName(customer.partnerCompanyId))
          }}
          onClose={() => setReturning(false)}
        />
      ) : null}
      <div className="detail-grid">
        <div className="detail-main">
          <ContactCard
            key={customer.updatedAt}
            contact={customer}
            // Notes are the company's own; a partner reads the customer without them.
            texts={isPartner ? [] : [{ name: 'notes', label: 'Notes', value: customer.notes }]}
            editable={editable}
            save={(input) => updateCustomer(customer.id, input)}
            onSaved={(saved) => changed(saved, 'Contact saved.')}
            onChange={() => detail.setNotice(null)}
          />
          {isPartner ? null : <CommentsCard kind="customers" id={customer.id} canWrite={editable} />}
          {editable ? <ActivityForm kind="customers" id={customer.id} /> : null}
          <TimelineCard timeline={timeline} names={names} links={links} />
        </div>
        <div className="detail-side">
          <CustomerFacts
            customer={customer}
            names={names}
            links={links}
            editable={editable}
            onChanged={(next) => changed(next, `Moved to ${names.officeName(next.officeLocationId)}.`)}
          />
        </div>
      </div>
    </RecordPage>
  )
}

function CustomerFacts({
  customer,
  names,
  links,
  editable,
  onChanged,
}: {
  customer: Customer
  names: Directory
  links: RecordLinks
  editable: boolean
  onChanged: (customer: Customer) => void
}) {
  const { isPartner } = useAuth()
  return (
    <section className="card detail-card" aria-labelledby="customer-facts-title">
      <div className="card-header">
        <h2 id="customer-facts-title">Customer</h2>
      </div>
      <dl className="details">
        <dt>Number</dt>
        <dd>#{customer.number}</dd>
        <dt>Source</dt>
        <dd data-testid="customer-source">
          {customer.partnerCompanyId ? (
            names.partnerName(customer.partnerCompanyId)
          ) : (
            <span className="muted">None</span>
          )}
        </dd>
        {isPartner ? null : (
          <>
            <dt>Campaign</dt>
            <dd>
              {customer.campaignId ? (
                names.campaignName(customer.campaignId)
              ) : (
                <span className="muted">—</span>
              )}
            </dd>
            <dt>Office location</dt>
            <dd>
              {editable && names.offices.length ? (
                <OfficeChooser
                  key={customer.officeLocationId}
                  customer={customer}
                  names={names}
                  onChanged={onChanged}
                />
              ) : (
                names.officeName(customer.officeLocationId)
              )}
            </dd>
          </>
        )}
        <dt>Status</dt>
        <dd>
          <span className={`badge status-${customer.status}`}>{customerStatusLabels[customer.status]}</span>
        </dd>
        {customer.returnReason ? (
          <>
            <dt>Returned because</dt>
            <dd>{customer.returnReason}</dd>
          </>
        ) : null}
        <dt>Converted from</dt>
        <dd>
          {customer.leadId ? (
            <LeadLink id={customer.leadId} links={links} />
          ) : (
            <span className="muted">No lead</span>
          )}
        </dd>
        <dt>Added</dt>
        <dd>{formatDateTime(customer.createdAt)}</dd>
        <dt>Changed</dt>
        <dd>{formatDateTime(customer.updatedAt)}</dd>
      </dl>
    </section>
  )
}

/** "Lead #12 — Ava Adams", linking back to the lead the customer came from. */
function LeadLink({ id, links }: { id: string; links: RecordLinks }) {
  const lead = useQuery(leadQuery(id))
  const label = lead.data
    ? `Lead #${lead.data.number} — ${contactName(lead.data, 'no name')}`
    : 'Open the lead'
  return <Link to={links.lead(id)}>{label}</Link>
}

/** The office location, changed in place: a drop-down and a Save button once it differs. */
function OfficeChooser({
  customer,
  names,
  onChanged,
}: {
  customer: Customer
  names: Directory
  onChanged: (customer: Customer) => void
}) {
  const id = useId()
  const [office, setOffice] = useState(customer.officeLocationId)
  const save = useMutation({
    mutationFn: () => updateCustomer(customer.id, { officeLocationId: office }),
    onSuccess: onChanged,
  })
  const busy = save.isPending
  const error = save.error ? errorMessage(save.error) : null

  return (
    <div className="inline-choice">
      <label htmlFor={id} className="visually-hidden">
        Office location
      </label>
      <select id={id} value={office} onChange={(event) => setOffice(event.target.value)}>
        {names.offices.some((o) => o.id === office) ? null : (
          <option value={office}>{names.officeName(office)}</option>
        )}
        {names.offices.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      {office !== customer.officeLocationId ? (
        <button type="button" className="button button-small" disabled={busy} onClick={() => save.mutate()}>
          Save
        </button>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}
