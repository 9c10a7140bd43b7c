import { useQueries, useQuery } from '@tanstack/react-query'
import { type ReactNode, useEffect, useId, useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { ApiError, getAll } from '../../app/api.ts'
import { FormAlert, orNull, SelectField, TextAreaField, TextField } from '../../app/form.tsx'
import { noErrors } from '../../app/form-errors.ts'
import { useSubmit } from '../../app/use-submit.ts'
import {
  type ContactDraft,
  contactDraftOf,
  contactErrorPaths,
  contactInputOf,
  contactName,
} from '../contacts/contact.ts'
import { ContactFields } from '../contacts/contact-fields.tsx'
import { ErrorView } from '../errors/error-view.tsx'
import { campaignsQuery, type PartnerCompany } from '../partner-companies/partner-companies.api.ts'
import { locationLabel } from './lead-labels.ts'
import { type CreateLeadInput, createLead, type DuplicateMatch, type Lead, leadQuery } from './leads.api.ts'

const errorPaths = [
  ...contactErrorPaths,
  'partnerCompanyId',
  'campaignId',
  'location',
  'callCenterComments',
  'notes',
  'trustedFormCertUrl',
  'leadiDToken',
] as const

const reasons: Record<DuplicateMatch['reason'], string> = {
  phone: 'same phone',
  email: 'same email',
  name_address: 'same name and address',
}

/** Partner companies that sell leads and are active: the only sources a new lead may have. */
const listLeadSources = (signal: AbortSignal) =>
  getAll<PartnerCompany>('/api/v1/partner-companies?sellsLeads=true&active=true', signal).then((items) =>
    items.filter((p) => p.sellsLeads.enabled && p.active).sort((a, b) => a.name.localeCompare(b.name)),
  )

/** Leads → New lead: source and campaign, location, contact, comments and consent. */
export function NewLeadPage() {
  const sources = useQuery({ queryKey: ['lead-sources'], queryFn: ({ signal }) => listLeadSources(signal) })
  let body: ReactNode
  if (sources.error && !sources.data)
    body = <ErrorView error={sources.error} onRetry={() => void sources.refetch()} />
  else if (!sources.data) body = <p className="muted">Loading…</p>
  else body = <NewLeadForm sources={sources.data} />
  return (
    <div className="page">
      <title>New lead · Tributary</title>
      <header className="page-header">
        <p className="breadcrumb">
          <Link to="/leads">Leads</Link>
        </p>
        <h1>New lead</h1>
      </header>
      {body}
    </div>
  )
}

function NewLeadForm({ sources }: { sources: PartnerCompany[] }) {
  const navigate = useNavigate()
  const titleId = useId()
  const [source, setSource] = useState('')
  const [campaign, setCampaign] = useState('')
  const [location, setLocation] = useState('')
  const [contact, setContact] = useState<ContactDraft>(() => contactDraftOf())
  const [comments, setComments] = useState('')
  const [notes, setNotes] = useState('')
  const [trustedForm, setTrustedForm] = useState('')
  const [leadiD, setLeadiD] = useState('')

  // A lead's campaign must be one of its source's inbound campaigns.
  const campaigns = useQuery({
    ...campaignsQuery(source),
    select: (list) => list.filter((c) => c.direction === 'inbound'),
  })
  const chosen = sources.find((p) => p.id === source)
  const defaultLocation = chosen?.sellsLeads.defaultLeadLocation
  const forced = Boolean(chosen?.sellsLeads.forceDefaultLeadLocation)

  const form = useSubmit({
    fields: errorPaths,
    send: createLead,
    onDone: (lead: Lead) =>
      navigate(`/leads/${lead.id}`, { state: { notice: `Lead #${lead.number} added.` } }),
  })
  const duplicates = duplicateMatches(form.error)
  // A refused duplicate shows its matches instead of errors.
  const errors = duplicates.length ? noErrors : form.errors
  const { busy } = form
  const e = errors.fields
  useEffect(() => {
    if (form.error) window.scrollTo({ top: 0 })
  }, [form.error])

  const input = (): CreateLeadInput => ({
    ...contactInputOf(contact),
    partnerCompanyId: source,
    campaignId: campaign || null,
    callCenterComments: orNull(comments),
    notes: orNull(notes),
    trustedFormCertUrl: orNull(trustedForm),
    leadiDToken: orNull(leadiD),
    ...(location === 'pending' || location === 'queue' ? { location } : {}),
  })

  const locationOptions = [
    { value: 'pending', label: 'Pending' },
    { value: 'queue', label: 'Queue' },
  ]

  return (
    <form
      className="card form-card form-required-bold"
      onSubmit={(event) => form.submit(input(), event)}
      noValidate
      aria-labelledby={titleId}
    >
      <h2 id={titleId} className="visually-hidden">
        New lead
      </h2>
      <p className="form-legend">Fields in bold are required.</p>
      <FormAlert message={errors.form} />
      {duplicates.length ? <DuplicateNotice matches={duplicates} /> : null}

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
            placeholder="Choose a source…"
            options={sources.map((p) => ({ value: p.id, label: p.name }))}
            error={e.partnerCompanyId}
            hint={
              sources.length
                ? 'Partner companies that sell leads'
                : 'No active partner company sells leads yet'
            }
            required
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
            hint={
              source && campaigns.data && !campaigns.data.length
                ? 'This source has no inbound campaigns'
                : "The source's inbound campaigns"
            }
          />
          <SelectField
            label="Location"
            name="location"
            value={forced ? '' : location}
            onChange={setLocation}
            placeholder={
              defaultLocation
                ? `The source's default (${locationLabel(defaultLocation)})`
                : "The source's default"
            }
            options={locationOptions}
            disabled={forced}
            error={e.location}
            hint={
              forced && defaultLocation
                ? `${chosen?.name} always puts its leads in ${locationLabel(defaultLocation)}`
                : 'Pending: needs a manager first. Queue: reps can request it.'
            }
          />
        </div>
      </section>

      <section className="form-section" aria-labelledby={`${titleId}-contact`}>
        <h3 id={`${titleId}-contact`}>Contact</h3>
        <ContactFields draft={contact} onChange={setContact} errors={e} />
        <div className="form-grid form-grid-2">
          <TextAreaField
            label="Call-center comments"
            name="callCenterComments"
            value={comments}
            onChange={setComments}
            error={e.callCenterComments}
          />
          <TextAreaField label="Notes" name="notes" value={notes} onChange={setNotes} error={e.notes} />
        </div>
      </section>

      <section className="form-section" aria-labelledby={`${titleId}-consent`}>
        <h3 id={`${titleId}-consent`}>Consent</h3>
        <div className="form-grid form-grid-2">
          <TextField
            label="TrustedForm Certificate URL"
            name="trustedFormCertUrl"
            type="url"
            value={trustedForm}
            onChange={setTrustedForm}
            error={e.trustedFormCertUrl}
            placeholder="https://cert.trustedform.com/…"
            hint="Kept with the lead as given, and carried along when it is sold"
            autoComplete="off"
          />
          <TextField
            label="LeadiD Token"
            name="leadiDToken"
            value={leadiD}
            onChange={setLeadiD}
            error={e.leadiDToken}
            autoComplete="off"
          />
        </div>
      </section>

      <div className="form-actions form-actions-bar">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add lead'}
        </button>
        <Link className="button" to="/leads">
          Cancel
        </Link>
      </div>
    </form>
  )
}

/** A refused duplicate: the leads it matches, each with a link and the reason. */
function DuplicateNotice({ matches }: { matches: DuplicateMatch[] }) {
  const _key = matches.map((m) => m.id).join(',')
  // Each match is cached like any lead; one that cannot be read is shown by its id alone.
  const leads = useQueries({ queries: matches.map((m) => ({ ...leadQuery(m.id), retry: false })) })
  const byId = new Map(leads.flatMap((q) => (q.data ? [[q.data.id, q.data] as const] : [])))
  // One line per lead, all its reasons together.
  const reasonsById = new Map<string, string[]>()
  for (const m of matches)
    reasonsById.set(m.id, [...(reasonsById.get(m.id) ?? []), reasons[m.reason] ?? m.reason])

  return (
    <div className="alert alert-error duplicate-notice" role="alert">
      <p>
        <strong>This lead is already here.</strong> Nothing was added: it matches{' '}
        {reasonsById.size === 1 ? 'a lead' : `${reasonsById.size} leads`} within the duplicate window of the
        queue settings.
      </p>
      <ul>
        {[...reasonsById].map(([id, why]) => {
          const lead = byId.get(id)
          return (
            <li key={id}>
              {lead ? (
                <Link to={`/leads/${id}`}>
                  Lead #{lead.number} — {contactName(lead, 'no name')}
                </Link>
              ) : leads.some((q) => q.isPending) ? (
                'Loading…'
              ) : (
                'A lead you cannot open'
              )}{' '}
              <span className="muted">({why.join(', ')})</span>
            </li>
          )
        })}
      </ul>
    </div>
  )
}

/** The leads a refused duplicate matches (422 duplicate-lead), or none. */
function duplicateMatches(error: unknown): DuplicateMatch[] {
  if (!(error instanceof ApiError && error.is('duplicate-lead'))) return []
  return Array.isArray(error.extensions.matches) ? (error.extensions.matches as DuplicateMatch[]) : []
}
