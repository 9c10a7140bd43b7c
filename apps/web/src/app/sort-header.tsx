import './sort-header.css'

/**
 * A column header that sorts its list: the first click sorts ascending, the next descending.
 * `sort` is the list's `?sort=` value (`lastName`, `-lastName`); aria-sort says the current order.
 */
export function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
  className,
}: {
  label: string
  sortKey: string
  sort: string
  onSort: (sort: string) => void
  className?: string
}) {
  const direction = sort === sortKey ? 'ascending' : sort === `-${sortKey}` ? 'descending' : 'none'
  const next = direction === 'ascending' ? `-${sortKey}` : sortKey
  return (
    <th scope="col" aria-sort={direction} className={className}>
      <button type="button" className="sort-button" onClick={() => onSort(next)}>
        {label}
        <span aria-hidden="true" className="sort-arrow">
          {direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ''}
        </span>
      </button>
    </th>
  )
}

/**
 * The headers of a table that may sort: `cell(label, key)` is a SortHeader when the list gives
 * `sort` and `onSort`, a plain header otherwise (a read-only list such as the partner portal).
 */
export function sortableHeaders(sort: string | undefined, onSort: ((sort: string) => void) | undefined) {
  return (label: string, sortKey: string, className?: string) =>
    sort !== undefined && onSort ? (
      <SortHeader label={label} sortKey={sortKey} sort={sort} onSort={onSort} className={className} />
    ) : (
      <th scope="col" className={className}>
        {label}
      </th>
    )
}

/** "1,234 leads match" or "More than 10,000 leads match", from a list's total. */
export function totalText(total: { count: number; lowerBound: boolean } | null, noun: [string, string]) {
  if (!total) return ''
  const n = total.count.toLocaleString('en-US')
  if (total.lowerBound) return `More than ${n} ${noun[1]} match`
  return `${n} ${total.count === 1 ? noun[0] : noun[1]} ${total.count === 1 ? 'matches' : 'match'}`
}
