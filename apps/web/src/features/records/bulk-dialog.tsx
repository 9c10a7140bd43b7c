import type { FormEvent, ReactNode } from 'react'
import { Dialog } from '../../app/dialog.tsx'
import { FormAlert } from '../../app/form.tsx'
import { FormCheckError } from '../../app/form-errors.ts'
import type { ReturnKind } from '../returns/returns.api.ts'
import { countOf, kindNouns, type RecordTarget, RecordTargets } from './record-outcome.tsx'

/** "Return lead #212" for one record, "Sell 3 leads" for several. */
export function bulkTitle(verb: string, kind: ReturnKind, records: readonly RecordTarget[]): string {
  const [first] = records
  return records.length === 1 && first
    ? `${verb} ${kind} #${first.number}`
    : `${verb} ${countOf(kind, records.length)}`
}

/** Refuses, as the form's error, more records than one request takes ("At most 500 leads go in one sale"). */
export function refuseTooMany(
  kind: ReturnKind,
  records: readonly RecordTarget[],
  max: number,
  action: string,
) {
  if (records.length > max)
    throw new FormCheckError({}, `At most ${max} ${kindNouns[kind][1]} go in one ${action}; tick fewer.`)
}

/**
 * The frame of a dialog acting on several leads or customers at once (Return, Sell): the form
 * (its alert, intro, the records, `children` for its fields, submit and Cancel) until `results`
 * is given, then the results with Done.
 */
export function BulkDialog({
  title,
  kind,
  records,
  verb,
  intro,
  formError,
  busy,
  ready,
  onSubmit,
  onClose,
  results,
  children,
}: {
  title: string
  kind: ReturnKind
  records: readonly RecordTarget[]
  /** The action's word for the records list's label ("to return") and the busy button ("Returning…"). */
  verb: { to: string; busy: string }
  intro: ReactNode
  formError: string | null
  busy: boolean
  /** Whether the form can be sent (what its fields offer has loaded). */
  ready: boolean
  /** The form's onSubmit (a useSubmit's `onSubmit`). */
  onSubmit: (event: FormEvent) => void
  onClose: () => void
  results: ReactNode | null
  children: ReactNode
}) {
  if (results) {
    return (
      <Dialog title={title} onClose={onClose}>
        {results}
        <div className="form-actions">
          <button type="button" className="button button-primary" onClick={onClose}>
            Done
          </button>
        </div>
      </Dialog>
    )
  }
  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <FormAlert message={formError} />
        <p className="dialog-intro">{intro}</p>
        <RecordTargets kind={kind} records={records} label={`${kindNouns[kind][1]} ${verb.to}`} />
        {children}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy || !ready}>
            {busy ? verb.busy : title}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  )
}
