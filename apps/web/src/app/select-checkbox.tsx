import { type ReactNode, useEffect, useRef } from 'react'
import type { Selection } from './use-selection.ts'

/** The header checkbox of a list: ticks every row on the page, shows a dash when only some are. */
export function SelectAllCheckbox({ selection, label }: { selection: Selection; label: string }) {
  const ref = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = selection.some
  }, [selection.some])
  return (
    <input
      ref={ref}
      type="checkbox"
      className="row-check"
      aria-label={label}
      checked={selection.all}
      onChange={(event) => selection.setAll(event.target.checked)}
    />
  )
}

export function RowCheckbox({ selection, id, label }: { selection: Selection; id: string; label: string }) {
  return (
    <input
      type="checkbox"
      className="row-check"
      aria-label={label}
      checked={selection.has(id)}
      onChange={(event) => selection.set(id, event.target.checked)}
    />
  )
}

/**
 * The bar above a list with a checkbox column: how many rows are ticked, and the actions that
 * work on them (`children`; Return and Sell arrive here).
 */
export function SelectionToolbar({
  selection,
  noun,
  children,
}: {
  selection: Selection
  /** Singular and plural: ['lead', 'leads']. */
  noun: [string, string]
  children?: ReactNode
}) {
  const count = selection.size
  return (
    <div className="list-toolbar" role="toolbar" aria-label={`Selected ${noun[1]}`}>
      <span className={count ? 'selection-count' : 'selection-count muted'} aria-live="polite">
        {count
          ? `${count} ${count === 1 ? noun[0] : noun[1]} selected`
          : `Tick ${noun[1]} to act on several at once`}
      </span>
      {count ? (
        <button type="button" className="button button-small button-quiet" onClick={selection.clear}>
          Clear selection
        </button>
      ) : null}
      <span className="spacer" />
      {children}
    </div>
  )
}
