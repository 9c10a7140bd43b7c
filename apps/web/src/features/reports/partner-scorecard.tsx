import { useQuery } from '@tanstack/react-query'
import { ErrorView } from '../errors/error-view.tsx'
import { FiguresTable } from './chart-card.tsx'
import { getPartnerReport, reportKeys } from './reports.api.ts'

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)} %`)

/** A partner login's own scorecard over its whole history: what it sent, and what became of it. */
export function PartnerScorecard() {
  const card = useQuery({
    queryKey: reportKeys.partner(null),
    queryFn: ({ signal }) => getPartnerReport(null, signal),
  })
  if (card.error) return <ErrorView error={card.error} onRetry={() => card.refetch()} />
  const c = card.data
  return (
    <section className="section" aria-labelledby="scorecard-title">
      <div className="section-header">
        <h2 id="scorecard-title">Your scorecard</h2>
      </div>
      <div className="stats" aria-busy={card.isPending}>
        <div className="stat">
          <span className="stat-label">Leads sent</span>
          <span className="stat-value">{c?.received ?? '…'}</span>
        </div>
        <div className="stat">
          <span className="stat-label">Converted</span>
          <span className="stat-value">{c?.converted ?? '…'}</span>
          <span className="stat-hint muted">{c ? percent(c.conversionRate) : ''}</span>
        </div>
        <div className="stat">
          <span className="stat-label">Returned</span>
          <span className="stat-value">{c?.returned ?? '…'}</span>
          <span className="stat-hint muted">{c ? percent(c.returnRate) : ''}</span>
        </div>
      </div>
      {c && c.returnReasons.length > 0 && (
        <div className="scorecard-reasons">
          <FiguresTable
            label="Return reasons"
            head={['Return reason', 'Leads']}
            rows={c.returnReasons.map((r) => ({
              key: r.reason,
              cells: [r.reason || 'No reason given', r.count],
            }))}
          />
        </div>
      )}
    </section>
  )
}
