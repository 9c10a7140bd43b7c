import { useQuery } from '@tanstack/react-query'
import { type ReactNode, useId, useState } from 'react'
import { Checkbox, FormAlert, SelectField, TextField } from '../../app/form.tsx'
import { FormCheckError } from '../../app/form-errors.ts'
import { useTimeZones } from '../../app/time-zones.ts'
import { useSubmit } from '../../app/use-submit.ts'
import { ErrorView } from '../errors/error-view.tsx'
import {
  type AfterRequest,
  getQueueSettings,
  putQueueSettings,
  type QueueSettings,
} from './queue-settings.api.ts'

type DuplicateMode = 'off' | 'days' | 'never'

/** The form's text; numbers stay text until saved, so a half-typed value is not lost. */
type Draft = {
  usePartnerPriority: boolean
  requestableAfterMinutes: string
  availableFrom: string
  availableUntil: string
  maxAssignedPerRep: string
  afterRequest: AfterRequest
  blacklistMinutesAfterRequest: string
  duplicateMode: DuplicateMode
  duplicateWindowDays: string
  timezone: string
}

const fields = [
  'usePartnerPriority',
  'requestableAfterMinutes',
  'availableFrom',
  'availableUntil',
  'maxAssignedPerRep',
  'afterRequest',
  'blacklistMinutesAfterRequest',
  'duplicateWindowDays',
  'timezone',
] as const

const afterRequestOptions = [
  { value: 'assigned', label: 'Stays assigned to the rep' },
  { value: 'queue', label: 'Goes back to the queue' },
  { value: 'pending', label: 'Goes to Pending' },
]

const duplicateModes = [
  { value: 'off', label: 'Allow duplicates (no check)' },
  { value: 'days', label: 'Allow again after some days' },
  { value: 'never', label: 'Never allow a duplicate' },
]

function draftOf(s: QueueSettings): Draft {
  return {
    usePartnerPriority: s.usePartnerPriority,
    requestableAfterMinutes: String(s.requestableAfterMinutes),
    availableFrom: s.availableFrom,
    availableUntil: s.availableUntil,
    maxAssignedPerRep: s.maxAssignedPerRep === null ? '' : String(s.maxAssignedPerRep),
    afterRequest: s.afterRequest,
    blacklistMinutesAfterRequest: String(s.blacklistMinutesAfterRequest),
    duplicateMode: s.duplicateWindowDays === null ? 'never' : s.duplicateWindowDays === 0 ? 'off' : 'days',
    duplicateWindowDays: s.duplicateWindowDays ? String(s.duplicateWindowDays) : '30',
    timezone: s.timezone,
  }
}

const wholeNumber = /^-?\d+$/

/** The body to PUT, or the fields that are not whole numbers (said before asking the API). */
function settingsOf(d: Draft): { settings: QueueSettings } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const number = (field: keyof Draft & string, text: string, optional = false): number | null => {
    const trimmed = text.trim()
    if (optional && !trimmed) return null
    if (!wholeNumber.test(trimmed)) {
      errors[field] = optional ? 'A whole number, or empty for no limit' : 'A whole number, e.g. 0 or 30'
      return null
    }
    return Number(trimmed)
  }
  const requestable = number('requestableAfterMinutes', d.requestableAfterMinutes)
  const cap = number('maxAssignedPerRep', d.maxAssignedPerRep, true)
  const blacklist = number('blacklistMinutesAfterRequest', d.blacklistMinutesAfterRequest)
  const days = d.duplicateMode === 'days' ? number('duplicateWindowDays', d.duplicateWindowDays) : null
  if (Object.keys(errors).length) return { errors }
  return {
    settings: {
      usePartnerPriority: d.usePartnerPriority,
      requestableAfterMinutes: requestable ?? 0,
      availableFrom: d.availableFrom,
      availableUntil: d.availableUntil,
      maxAssignedPerRep: cap,
      afterRequest: d.afterRequest,
      blacklistMinutesAfterRequest: blacklist ?? 0,
      duplicateWindowDays: d.duplicateMode === 'off' ? 0 : d.duplicateMode === 'never' ? null : days,
      timezone: d.timezone,
    },
  }
}

/** Administration → Queue Settings: when leads can be requested, in which order, and duplicates. */
export function QueueSettingsPage() {
  const loaded = useQuery({ queryKey: ['queue-settings'], queryFn: ({ signal }) => getQueueSettings(signal) })
  let body: ReactNode
  if (loaded.error && !loaded.data)
    body = <ErrorView error={loaded.error} onRetry={() => void loaded.refetch()} />
  else if (!loaded.data) body = <p className="muted">Loading…</p>
  else body = <QueueSettingsForm settings={loaded.data} />
  return (
    <div className="page">
      <title>Queue Settings · Tributary</title>
      <header className="page-header">
        <p className="breadcrumb">Administration</p>
        <h1>Queue Settings</h1>
        <p className="page-intro muted">
          How reps get leads with Request lead: which leads are requestable, in which order, and what happens
          after a request.
        </p>
      </header>
      {body}
    </div>
  )
}

function QueueSettingsForm({ settings }: { settings: QueueSettings }) {
  const titleId = useId()
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings))
  const [notice, setNotice] = useState<string | null>(null)
  const form = useSubmit({
    fields,
    send: async () => {
      const parsed = settingsOf(draft)
      if ('errors' in parsed)
        throw new FormCheckError(parsed.errors, 'Please correct the fields marked below.')
      return putQueueSettings(parsed.settings)
    },
    onDone: (saved: QueueSettings) => {
      setDraft(draftOf(saved))
      setNotice('Queue settings saved.')
    },
  })
  const { errors, busy } = form
  const zones = useTimeZones(settings.timezone)
  const e = errors.fields
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setNotice(null)
    setDraft((d) => ({ ...d, [key]: value }))
  }

  const overnight = draft.availableUntil && draft.availableFrom && draft.availableUntil < draft.availableFrom

  return (
    <form className="card form-card" onSubmit={form.onSubmit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId} className="visually-hidden">
        Queue settings
      </h2>
      {notice ? (
        <output className="alert alert-success" aria-live="polite">
          {notice}
        </output>
      ) : null}
      <FormAlert message={errors.form} />

      <section className="form-section" aria-labelledby={`${titleId}-requesting`}>
        <h3 id={`${titleId}-requesting`}>Requesting leads</h3>
        <div className="field">
          <Checkbox
            name="usePartnerPriority"
            label="Use partner queue priority"
            hint="On: leads of High priority sources are handed out before Medium and Normal ones, then the longest waiting. Off: the longest waiting first."
            checked={draft.usePartnerPriority}
            onChange={(on) => set('usePartnerPriority', on)}
            error={e.usePartnerPriority}
          />
        </div>
        <div className="form-grid">
          <TextField
            label="Requestable after (minutes)"
            name="requestableAfterMinutes"
            type="number"
            min="0"
            value={draft.requestableAfterMinutes}
            onChange={(v) => set('requestableAfterMinutes', v)}
            error={e.requestableAfterMinutes}
            hint="How long a new lead waits in the queue before a rep can request it; 0: at once"
          />
          <TextField
            label="Available from"
            name="availableFrom"
            type="time"
            value={draft.availableFrom}
            onChange={(v) => set('availableFrom', v)}
            error={e.availableFrom}
            hint="Leads are handed out from this time of day, in the lead's local time"
          />
          <TextField
            label="Available until"
            name="availableUntil"
            type="time"
            value={draft.availableUntil}
            onChange={(v) => set('availableUntil', v)}
            error={e.availableUntil}
            hint={
              overnight
                ? 'Earlier than "from": the hours run past midnight'
                : "Up to (not including) this time, in the lead's local time"
            }
          />
          <SelectField
            label="Company time zone"
            name="timezone"
            value={draft.timezone}
            onChange={(v) => set('timezone', v)}
            options={zones}
            error={e.timezone}
            hint="A lead's local time comes from its state or province; without one, from this zone"
          />
        </div>
      </section>

      <section className="form-section" aria-labelledby={`${titleId}-after`}>
        <h3 id={`${titleId}-after`}>After a request</h3>
        <div className="form-grid">
          <SelectField
            label="Lead location after a request"
            name="afterRequest"
            value={draft.afterRequest}
            onChange={(v) => set('afterRequest', v as AfterRequest)}
            options={afterRequestOptions}
            error={e.afterRequest}
            hint="Where a requested lead goes: usually it stays with the rep who asked"
          />
          <TextField
            label="Minutes blacklisted"
            name="blacklistMinutesAfterRequest"
            type="number"
            min="0"
            value={draft.blacklistMinutesAfterRequest}
            onChange={(v) => set('blacklistMinutesAfterRequest', v)}
            error={e.blacklistMinutesAfterRequest}
            hint="After a request, a lead that goes back to the queue cannot be requested again for this long"
          />
          <TextField
            label="Most open leads per rep"
            name="maxAssignedPerRep"
            type="number"
            min="1"
            value={draft.maxAssignedPerRep}
            placeholder="No limit"
            onChange={(v) => set('maxAssignedPerRep', v)}
            error={e.maxAssignedPerRep}
            hint="A rep with this many assigned leads must work one before requesting another; empty: no limit"
          />
        </div>
      </section>

      <section className="form-section" aria-labelledby={`${titleId}-duplicates`}>
        <h3 id={`${titleId}-duplicates`}>Duplicates</h3>
        <div className="form-grid">
          <SelectField
            label="Duplicate leads"
            name="duplicateMode"
            value={draft.duplicateMode}
            onChange={(v) => set('duplicateMode', v as DuplicateMode)}
            options={duplicateModes}
            error={draft.duplicateMode === 'days' ? undefined : e.duplicateWindowDays}
            hint="A duplicate has the same phone, the same email, or the same name and address as an earlier lead"
          />
          {draft.duplicateMode === 'days' ? (
            <TextField
              label="Days before a duplicate is allowed"
              name="duplicateWindowDays"
              type="number"
              min="1"
              value={draft.duplicateWindowDays}
              onChange={(v) => set('duplicateWindowDays', v)}
              error={e.duplicateWindowDays}
              hint="A duplicate of a lead younger than this is refused, listing the lead it matches"
            />
          ) : null}
        </div>
      </section>

      <div className="form-actions form-actions-bar">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  )
}
