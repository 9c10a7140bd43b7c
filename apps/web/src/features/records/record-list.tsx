import { type ReactNode, useState } from 'react'
import { SelectionToolbar } from '../../app/select-checkbox.tsx'
import type { KeysetList } from '../../app/use-keyset-list.ts'
import type { Selection } from '../../app/use-selection.ts'
import { type Contact, contactName } from '../contacts/contact.ts'
import { ErrorView } from '../errors/error-view.tsx'
import { countOf, kindNouns, ReturnDialog, type ReturnTarget } from '../returns/return-dialog.tsx'
import type { ReturnKind } from '../returns/returns.api.ts'
import './record-list.css'

/** A lead or a customer as a list shows it. */
type ListedRecord = Contact & { id: string; number: number }

/**
 * The body of a list of leads or customers: the error, Loading…, an empty card (with Clear
 * filters while `onClear` is given), or the table (`children`) with Load more below it.
 */
export function RecordListBody<T>({
  kind,
  list,
  empty,
  onClear,
  children,
}: {
  kind: ReturnKind
  list: KeysetList<T>
  empty: ReactNode
  onClear: (() => void) | undefined
  children: ReactNode
}) {
  if (list.error && !list.items.length && !list.loading) {
    return <ErrorView error={list.error} onRetry={list.retry} />
  }
  if (list.loading && !list.items.length) return <p className="muted">Loading…</p>
  if (!list.items.length) {
    return (
      <div className="card empty-state">
        <p>{empty}</p>
        {onClear ? (
          <button type="button" className="button" onClick={onClear}>
            Clear filters
          </button>
        ) : null}
      </div>
    )
  }
  return (
    <>
      {children}
      <div className="list-footer">
        {list.error ? (
          <span className="field-error" role="alert">
            Could not load more. Try again.
          </span>
        ) : null}
        {list.hasMore ? (
          <button type="button" className="button" onClick={list.loadMore} disabled={list.loadingMore}>
            {list.loadingMore ? 'Loading…' : 'Load more'}
          </button>
        ) : (
          <span className="muted">{countOf(kind, list.items.length)}</span>
        )}
      </div>
    </>
  )
}

/**
 * Return for the ticked rows of a list: `start` opens the dialog on them, `dialog` is the open
 * dialog (or null). Once returned, the selection clears, the list reloads and `onReturned` gets
 * the sentence to show ("2 leads returned to their sources."), or null when none went back.
 */
export function useReturnSelected<T extends ListedRecord>({
  kind,
  list,
  selection,
  onReturned,
}: {
  kind: ReturnKind
  list: KeysetList<T>
  selection: Selection
  onReturned: (notice: string | null) => void
}) {
  const [returning, setReturning] = useState<ReturnTarget[] | null>(null)

  function start() {
    setReturning(
      list.items
        .filter((record) => selection.has(record.id))
        .map((record) => ({ id: record.id, number: record.number, name: contactName(record, 'No name') })),
    )
  }

  const dialog = returning ? (
    <ReturnDialog
      kind={kind}
      records={returning}
      onReturned={(result) => {
        selection.clear()
        onReturned(
          result.returned.length
            ? `${countOf(kind, result.returned.length)} returned to their sources.`
            : null,
        )
      }}
      onClose={() => setReturning(null)}
    />
  ) : null

  return { start, dialog }
}

/** The selection bar above a list of leads or customers, with Return for those who may return. */
export function RecordSelectionToolbar({
  kind,
  selection,
  canReturn,
  onReturn,
}: {
  kind: ReturnKind
  selection: Selection
  canReturn: boolean
  onReturn: () => void
}) {
  return (
    <SelectionToolbar selection={selection} noun={kindNouns[kind]}>
      {canReturn ? (
        <button type="button" className="button button-small" disabled={!selection.size} onClick={onReturn}>
          Return
        </button>
      ) : null}
    </SelectionToolbar>
  )
}
