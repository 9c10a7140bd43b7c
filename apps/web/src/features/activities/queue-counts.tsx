import { useQuery } from '@tanstack/react-query'
import { errorMessage } from '../../app/api.ts'
import { queueCountsQuery } from './activities.api.ts'
import './record-work.css'

/**
 * The Queue for a rep who may not browse it: how many leads wait, by priority. A lead comes out
 * of it only through Request lead.
 */
export function QueueCountsCard() {
  const counts = useQuery(queueCountsQuery())
  return (
    <section className="card detail-card" aria-labelledby="queue-counts-title" data-testid="queue-counts">
      <div className="card-header">
        <h2 id="queue-counts-title">Queue</h2>
      </div>
      {counts.error ? (
        <p className="field-error" role="alert">
          Could not count the queue: {errorMessage(counts.error)}
        </p>
      ) : counts.data ? (
        <>
          <dl className="queue-counts">
            <div>
              <dt>Waiting</dt>
              <dd data-testid="queue-total">{counts.data.total}</dd>
            </div>
            <div>
              <dt>High</dt>
              <dd data-testid="queue-high">{counts.data.high}</dd>
            </div>
            <div>
              <dt>Medium</dt>
              <dd data-testid="queue-medium">{counts.data.medium}</dd>
            </div>
            <div>
              <dt>Normal</dt>
              <dd data-testid="queue-normal">{counts.data.normal}</dd>
            </div>
          </dl>
          <p className="muted">Press Request lead to get the best one that can be called now.</p>
        </>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </section>
  )
}
