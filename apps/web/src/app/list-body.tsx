import type { ReactNode } from 'react'
import { ErrorView } from '../features/errors/error-view.tsx'
import type { KeysetList } from './use-keyset-list.ts'

/**
 * The body of a list read page by page: its error, Loading…, an empty card (with Clear filters
 * while `onClear` is given), or the table (`children`) with Load more — then the count — below.
 */
export function ListBody({
  list,
  empty,
  onClear,
  count,
  children,
}: {
  list: KeysetList<unknown>
  empty: ReactNode
  onClear?: (() => void) | undefined
  count: (n: number) => string
  children: ReactNode
}) {
  if (list.error && !list.items.length && !list.loading)
    return <ErrorView error={list.error} onRetry={list.retry} />
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
          <span className="muted">{count(list.items.length)}</span>
        )}
      </div>
    </>
  )
}
