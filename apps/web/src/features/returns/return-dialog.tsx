import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Dialog } from '../../app/dialog.tsx'
import { FormAlert, SelectField, TextAreaField } from '../../app/form.tsx'
import { FormCheckError } from '../../app/form-errors.ts'
import { useSubmit } from '../../app/use-submit.ts'
import { listReturnReasons } from '../return-reasons/return-reasons.api.ts'
import {
  maxCommentsLength,
  maxPerReturn,
  type ReturnKind,
  type ReturnOutcome,
  returnRecords,
} from './returns.api.ts'
import './returns.css'

/** A lead or customer to return, as the dialog names it: "#212 Kim Garcia". */
export type ReturnTarget = { id: string; number: number; name: string }

/** Singular and plural: ['lead', 'leads']. */
export const kindNouns: Record<ReturnKind, [string, string]> = {
  lead: ['lead', 'leads'],
  customer: ['customer', 'customers'],
}

/** "3 leads", "1 customer". */
export function countOf(kind: ReturnKind, count: number): string {
  const [one, many] = kindNouns[kind]
  return `${count} ${count === 1 ? one : many}`
}

const shownBeforeSubmit = 8

/**
 * Return: a reason from the company's list and call-center comments, then what happened to each
 * record (returned, or failed with why). `onReturned` runs as soon as the answer is in, so the
 * page behind refreshes while the results are read.
 */
export function ReturnDialog({
  kind,
  records,
  onReturned,
  onClose,
}: {
  kind: ReturnKind
  records: readonly ReturnTarget[]
  onReturned: (outcome: ReturnOutcome) => void
  onClose: () => void
}) {
  const reasons = useQuery({
    queryKey: ['return-reasons'],
    queryFn: ({ signal }) => listReturnReasons(signal),
  })
  const [reason, setReason] = useState('')
  const [comments, setComments] = useState('')
  const [outcome, setOutcome] = useState<ReturnOutcome | null>(null)
  const [first] = records
  const title =
    records.length === 1 && first
      ? `Return ${kind} #${first.number}`
      : `Return ${countOf(kind, records.length)}`

  const form = useSubmit({
    fields: ['reason', 'callCenterComments'],
    send: async () => {
      if (records.length > maxPerReturn)
        throw new FormCheckError(
          {},
          `At most ${maxPerReturn} ${kindNouns[kind][1]} go back in one return; tick fewer.`,
        )
      // Every missing or too long field at once, before asking the server.
      const fields: Record<string, string> = {}
      if (!reason) fields.reason = 'Choose a reason'
      if (comments.trim().length > maxCommentsLength)
        fields.callCenterComments = `At most ${maxCommentsLength.toLocaleString()} characters (now ${comments.trim().length.toLocaleString()})`
      if (Object.keys(fields).length) throw new FormCheckError(fields)
      return returnRecords(
        kind,
        records.map((r) => r.id),
        { reason, ...(comments.trim() ? { callCenterComments: comments.trim() } : {}) },
      )
    },
    onDone: (result: ReturnOutcome) => {
      setOutcome(result)
      onReturned(result)
    },
  })
  const { errors, busy } = form
  /** A field's error goes once the field changes. */
  const clearError = form.changed

  if (outcome) {
    return (
      <Dialog title={title} onClose={onClose}>
        <ReturnResults kind={kind} records={records} outcome={outcome} />
        <div className="form-actions">
          <button type="button" className="button button-primary" onClick={onClose}>
            Done
          </button>
        </div>
      </Dialog>
    )
  }

  const reasonError =
    errors.fields.reason ??
    (reasons.error && !reasons.data
      ? 'The return reasons could not be loaded. Close and try again.'
      : undefined)
  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={form.onSubmit} noValidate aria-label={title}>
        <FormAlert message={errors.form} />
        <p className="dialog-intro">
          {records.length === 1 ? `The ${kind} goes` : `The ${kindNouns[kind][1]} go`} back to{' '}
          {records.length === 1 ? 'its source' : 'their sources'}; each source's return notification emails
          get one message about it.
        </p>
        {records.length > 1 ? (
          <ul className="return-targets" aria-label={`${kindNouns[kind][1]} to return`}>
            {records.slice(0, shownBeforeSubmit).map((record) => (
              <li key={record.id}>
                <span className="muted">#{record.number}</span> {record.name}
              </li>
            ))}
            {records.length > shownBeforeSubmit ? (
              <li className="muted">and {countOf(kind, records.length - shownBeforeSubmit)} more</li>
            ) : null}
          </ul>
        ) : null}
        <SelectField
          label="Reason"
          name="reason"
          value={reason}
          onChange={(value) => {
            setReason(value)
            clearError('reason')
          }}
          placeholder={reasons.data ? 'Choose a reason…' : 'Loading…'}
          options={(reasons.data ?? []).map((r) => ({ value: r.name, label: r.name }))}
          error={reasonError}
          required
        />
        <TextAreaField
          label="Call-center comments"
          name="callCenterComments"
          value={comments}
          onChange={(value) => {
            setComments(value)
            clearError('callCenterComments')
          }}
          rows={4}
          error={errors.fields.callCenterComments}
          hint={`What the source should know, e.g. "Hung up twice". Included in the email when the source's settings say so; up to ${maxCommentsLength.toLocaleString()} characters.`}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy || !reasons.data}>
            {busy ? 'Returning…' : title}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  )
}

/** One line per record: returned ✓, or failed and why. */
function ReturnResults({
  kind,
  records,
  outcome,
}: {
  kind: ReturnKind
  records: readonly ReturnTarget[]
  outcome: ReturnOutcome
}) {
  const returned = new Set(outcome.returned)
  const failures = new Map(outcome.failed.map((f) => [f.id, f.detail]))
  const known = new Set(records.map((r) => r.id))
  // Ids the answer names that the dialog did not send cannot happen, but would still be shown.
  const rows: ReturnTarget[] = [
    ...records,
    ...outcome.failed.filter((f) => !known.has(f.id)).map((f) => ({ id: f.id, number: 0, name: f.id })),
  ]
  const summary = !outcome.failed.length
    ? `${countOf(kind, outcome.returned.length)} returned.`
    : !outcome.returned.length
      ? `Nothing was returned: ${countOf(kind, outcome.failed.length)} could not be.`
      : `${countOf(kind, outcome.returned.length)} returned, ${outcome.failed.length} could not be.`

  return (
    <>
      <output
        className={outcome.failed.length ? 'alert alert-error' : 'alert alert-success'}
        aria-live="polite"
      >
        {summary}
      </output>
      <ul className="return-results" aria-label="Return results">
        {rows.map((record) => {
          const ok = returned.has(record.id)
          const detail = failures.get(record.id)
          return (
            <li key={record.id} className={ok ? 'return-result is-returned' : 'return-result is-failed'}>
              <span className="return-result-name">
                {record.number ? <span className="muted">#{record.number}</span> : null} {record.name}
              </span>
              {ok ? (
                <span className="badge result-returned">Returned ✓</span>
              ) : (
                <span className="return-result-failure">
                  <span className="badge result-failed">Failed</span> {detail ?? 'No answer for this one'}
                </span>
              )}
            </li>
          )
        })}
      </ul>
    </>
  )
}
