import { type ReactNode, useState } from 'react'

export type Column<T> = {
  key: string
  label: string
  /** What the column sorts by; null sorts last. */
  value: (row: T) => string | number | null
  render?: (row: T) => ReactNode
  numeric?: boolean
}

type Sort = { key: string; descending: boolean }

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))
}

/** A table sorted by any column: its header is a button; again reverses. The footer row stays last. */
export function SortableTable<T>({
  label,
  columns,
  rows,
  rowKey,
  footer,
  initial,
}: {
  label: string
  columns: Column<T>[]
  rows: T[]
  rowKey: (row: T) => string
  footer?: T
  initial?: Sort
}) {
  const [sort, setSort] = useState<Sort>(initial ?? { key: columns[0]?.key ?? '', descending: false })
  const column = columns.find((c) => c.key === sort.key)
  const sorted = column
    ? [...rows].sort((a, b) => {
        const order = compare(column.value(a), column.value(b))
        // Nulls stay last whichever way the column is sorted.
        if (column.value(a) === null || column.value(b) === null) return order
        return sort.descending ? -order : order
      })
    : rows
  const cell = (c: Column<T>, row: T) => c.render?.(row) ?? c.value(row) ?? '—'
  return (
    <div className="table-wrap">
      <table className="table report-table" aria-label={label}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={c.numeric ? 'num' : undefined}
                aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
              >
                <button
                  type="button"
                  className="sort-button"
                  onClick={() =>
                    setSort((s) => ({
                      key: c.key,
                      descending: s.key === c.key ? !s.descending : Boolean(c.numeric),
                    }))
                  }
                >
                  {c.label}
                  <span aria-hidden="true" className="sort-mark">
                    {sort.key === c.key ? (sort.descending ? '▼' : '▲') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.key} className={c.numeric ? 'num' : undefined}>
                  {cell(c, row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {footer && (
          <tfoot>
            <tr>
              {columns.map((c) => (
                <td key={c.key} className={c.numeric ? 'num' : undefined}>
                  {cell(c, footer)}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  )
}
