import { type ReactNode, useId, useState } from 'react'

/** A chart with its numbers one click away: the toggle swaps the chart for a table of the same figures. */
export function ChartCard({
  title,
  chart,
  table,
  actions,
}: {
  title: string
  chart: ReactNode
  table: ReactNode
  actions?: ReactNode
}) {
  const [asTable, setAsTable] = useState(false)
  const id = useId()
  return (
    <section className="card chart-card" aria-labelledby={id}>
      <div className="section-header">
        <h2 id={id}>{title}</h2>
        <div className="toolbar">
          {actions}
          <button
            type="button"
            className="button"
            aria-pressed={asTable}
            onClick={() => setAsTable((v) => !v)}
          >
            {asTable ? 'Show chart' : 'Show table'}
          </button>
        </div>
      </div>
      {asTable ? table : <div className="chart-area">{chart}</div>}
    </section>
  )
}

/** A plain table of figures, scrolling inside its card on a narrow screen. */
export function FiguresTable({
  label,
  head,
  rows,
}: {
  label: string
  head: string[]
  rows: { key: string; cells: (string | number)[] }[]
}) {
  return (
    <div className="table-wrap">
      <table className="table report-table" aria-label={label}>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={h} scope="col" className={i > 0 ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              {r.cells.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells are its columns, in order
                <td key={i} className={i > 0 ? 'num' : undefined}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
