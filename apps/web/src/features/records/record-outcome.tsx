import type { ReturnKind } from '../returns/returns.api.ts'
import './record-outcome.css'

/** A lead or customer a bulk action works on, as its dialog names it: "#212 Kim Garcia". */
export type RecordTarget = { id: string; number: number; name: string }

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

/** The records a dialog is about to act on, when there are several: the first few, and how many more. */
export function RecordTargets({
  kind,
  records,
  label,
}: {
  kind: ReturnKind
  records: readonly RecordTarget[]
  label: string
}) {
  if (records.length < 2) return null
  return (
    <ul className="return-targets" aria-label={label}>
      {records.slice(0, shownBeforeSubmit).map((record) => (
        <li key={record.id}>
          <span className="muted">#{record.number}</span> {record.name}
        </li>
      ))}
      {records.length > shownBeforeSubmit ? (
        <li className="muted">and {countOf(kind, records.length - shownBeforeSubmit)} more</li>
      ) : null}
    </ul>
  )
}

/**
 * One line per record after a bulk action: done (with the badge `done` gives it), or failed and
 * why. `verb` words the summary: "2 leads returned, 1 could not be."
 */
export function RecordResults({
  kind,
  records,
  done,
  failed,
  verb,
  label,
}: {
  kind: ReturnKind
  records: readonly RecordTarget[]
  done: ReadonlyMap<string, string>
  failed: readonly { id: string; detail: string }[]
  verb: string
  label: string
}) {
  const failures = new Map(failed.map((f) => [f.id, f.detail]))
  const known = new Set(records.map((r) => r.id))
  // Ids the answer names that the dialog did not send cannot happen, but would still be shown.
  const rows: RecordTarget[] = [
    ...records,
    ...failed.filter((f) => !known.has(f.id)).map((f) => ({ id: f.id, number: 0, name: f.id })),
  ]
  const summary = !failed.length
    ? `${countOf(kind, done.size)} ${verb}.`
    : !done.size
      ? `Nothing was ${verb}: ${countOf(kind, failed.length)} could not be.`
      : `${countOf(kind, done.size)} ${verb}, ${failed.length} could not be.`

  return (
    <>
      <output className={failed.length ? 'alert alert-error' : 'alert alert-success'} aria-live="polite">
        {summary}
      </output>
      <ul className="return-results" aria-label={label}>
        {rows.map((record) => {
          const badge = done.get(record.id)
          return (
            <li key={record.id} className={badge ? 'return-result is-returned' : 'return-result is-failed'}>
              <span className="return-result-name">
                {record.number ? <span className="muted">#{record.number}</span> : null} {record.name}
              </span>
              {badge ? (
                <span className="badge result-returned">{badge}</span>
              ) : (
                <span className="return-result-failure">
                  <span className="badge result-failed">Failed</span>{' '}
                  {failures.get(record.id) ?? 'No answer for this one'}
                </span>
              )}
            </li>
          )
        })}
      </ul>
    </>
  )
}
