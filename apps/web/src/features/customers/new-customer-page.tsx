import { useQuery } from '@tanstack/react-query'
import { type ReactNode, useEffect, useId, useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { getAll } from '../../app/api.ts'
import { FormAlert, orNull, SelectField, TextAreaField } from '../../app/form.tsx'
import { useSubmit } from '../../app/use-submit.ts'
import { type ContactDraft, contactDraftOf, contactErrorPaths, contactInputOf } from '../contacts/contact.ts'
import { ContactFields } from '../contacts/contact-fields.tsx'
import { ErrorView } from '../errors/error-view.tsx'
import { listOfficeLocations, type OfficeLocation } from '../office-locations/office-locations.api.ts'
import { campaignsQuery, type PartnerCompany } from '../partner-companies/partner-companies.api.ts'
import { type CreateCustomerInput, type Customer, createCustomer } from './customers.api.ts'

const errorPaths = [
  ...contactErrorPaths,
  'partnerCompanyId',
  'campaignId',
  'officeLocationId',
  'notes',
] as const

/** What the form offers: partner companies that sell customers (active), and the office locations. */
const loadChoices = async (signal: AbortSignal) => {
  const [sources, offices] = await Promise.all([
    getAll<PartnerCompany>('/api/v1/partner-companies?sellsCustomers=true&active=true', signal),
    listOfficeLocations(signal),
  ])
  return {
    sources: sources
      .filter((p) => p.sellsCustomers.enabled && p.active)
      .sort((a, b) => a.name.localeCompare(b.name)),
    offices,
  }
}

/** Customers → New customer: an optional source and campaign, the office location, the contact. */
export function NewCustomerPage() {
  const choices = useQuery({ queryKey: ['customer-choices'], queryFn: ({ signal }) => loadChoices(signal) })
  let body: ReactNode
  if (choices.error && !choices.data)
    body = <ErrorView error={choices.error} onRetry={() => void choices.refetch()} />
  else if (!choices.data) body = <p className="muted">Loading…</p>
  else body = <NewCustomerForm sources={choices.data.sources} offices={choices.data.offices} />
  return (
    <div className="page">
      <title>New customer · Tributary</title>
      <header className="page-header">
        <p className="breadcrumb">
          <Link to="/customers">Customers</Link>
        </p>
        <h1>New customer</h1>
      </header>
      {body}
    </div>
  )
}

function NewCustomerForm({ sources, offices }: { sources: PartnerCompany[]; offices: OfficeLocation[] }) {
  const navigate = useNavigate()
  const titleId = useId()
  const [source, setSource] = useState('')
  const [campaign, setCampaign] = useState('')
  const [office, setOffice] = useState('')
  const [contact, setContact] = useState<ContactDraft>(() => contactDraftOf())
  const [notes, setNotes] = useState('')
  const form = useSubmit({
    fields: errorPaths,
    send: createCustomer,
    onDone: (customer: Customer) =>
      navigate(`/customers/${customer.id}`, { state: { notice: `Customer #${customer.number} added.` } }),
  })
  const { errors, busy } = form
  const e = errors.fields
  useEffect(() => {
    if (form.error) window.scrollTo({ top: 0 })
  }, [form.error])
  const campaigns = useQuery(campaignsQuery(source))
  const chosen = sources.find((p) => p.id === source)
  const sourceOffice = offices.find((o) => o.id === chosen?.sellsCustomers.defaultOfficeLocationId)
  const defaultOffice = sourceOffice
    ? `The source's default (${sourceOffice.name})`
    : `The first office (${offices[0]?.name ?? 'none yet'})`

  const input = (): CreateCustomerInput => ({
    ...contactInputOf(contact),
    notes: orNull(notes),
    partnerCompanyId: source || null,
    campaignId: campaign || null,
    ...(office ? { officeLocationId: office } : {}),
  })

  return (
    <form
      className="card form-card"
      onSubmit={(event) => form.submit(input(), event)}
      noValidate
      aria-labelledby={titleId}
    >
      <h2 id={titleId} className="visually-hidden">
        New customer
      </h2>
      <FormAlert message={errors.form} />
      <section className="form-section">
        <div className="form-grid">
          <SelectField
            label="Source"
            name="partnerCompanyId"
            value={source}
            onChange={(value) => {
              setSource(value)
              setCampaign('')
            }}
            placeholder="None"
            options={sources.map((p) => ({ value: p.id, label: p.name }))}
            error={e.partnerCompanyId}
            hint="Optional: a partner company that sells customers"
          />
          <SelectField
            label="Campaign"
            name="campaignId"
            value={campaign}
            onChange={setCampaign}
            placeholder={source ? 'None' : 'Choose a source first'}
            options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            disabled={!source}
            error={e.campaignId}
          />
          <SelectField
            label="Office Location"
            name="officeLocationId"
            value={office}
            onChange={setOffice}
            placeholder={defaultOffice}
            options={offices.map((o) => ({ value: o.id, label: o.name }))}
            error={e.officeLocationId}
            hint="The branch that serves the customer"
          />
        </div>
      </section>
      <section className="form-section" aria-labelledby={`${titleId}-contact`}>
        <h3 id={`${titleId}-contact`}>Contact</h3>
        <ContactFields draft={contact} onChange={setContact} errors={e} />
        <TextAreaField label="Notes" name="notes" value={notes} onChange={setNotes} error={e.notes} />
      </section>
      <div className="form-actions form-actions-bar">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add customer'}
        </button>
        <Link className="button" to="/customers">
          Cancel
        </Link>
      </div>
    </form>
  )
}
