import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { SelectField, TextAreaField } from '../../app/form.tsx'
import { FormCheckError } from '../../app/form-errors.ts'
import { useSubmit } from '../../app/use-submit.ts'
import { BulkDialog, bulkTitle, refuseTooMany } from '../records/bulk-dialog.tsx'
import { kindNouns, RecordResults, type RecordTarget } from '../records/record-outcome.tsx'
import { listReturnReasons } from '../return-reasons/return-reasons.api.ts'
import {
  maxCommentsLength,
  maxPerReturn,
  type ReturnKind,
  type ReturnOutcome,
  returnRecords,
} from './returns.api.ts'

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
  records: readonly RecordTarget[]
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
  const title = bulkTitle('Return', kind, records)

  const form = useSubmit({
    fields: ['reason', 'callCenterComments'],
    send: async () => {
      refuseTooMany(kind, records, maxPerReturn, 'return')
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

  const reasonError =
    errors.fields.reason ??
    (reasons.error && !reasons.data
      ? 'The return reasons could not be loaded. Close and try again.'
      : undefined)
  return (
    <BulkDialog
      title={title}
      kind={kind}
      records={records}
      verb={{ to: 'to return', busy: 'Returning…' }}
      intro={
        <>
          {records.length === 1 ? `The ${kind} goes` : `The ${kindNouns[kind][1]} go`} back to{' '}
          {records.length === 1 ? 'its source' : 'their sources'}; each source's return notification emails
          get one message about it.
        </>
      }
      formError={errors.form}
      busy={busy}
      ready={Boolean(reasons.data)}
      onSubmit={form.onSubmit}
      onClose={onClose}
      results={
        outcome ? (
          <RecordResults
            kind={kind}
            records={records}
            done={new Map(outcome.returned.map((id) => [id, 'Returned ✓']))}
            failed={outcome.failed}
            verb="returned"
            label="Return results"
          />
        ) : null
      }
    >
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
    </BulkDialog>
  )
}
