import { formatDateTime } from '../../app/format.ts'
import type { Delivery } from './deliveries.api.ts'

type Attempt = Delivery['attempts'][number]

/** Shown at once; earlier attempts fold away behind "N earlier attempts". */
const shownLast = 2

function AttemptLine({ attempt }: { attempt: Attempt }) {
  return (
    <li>
      <time dateTime={attempt.at}>{formatDateTime(attempt.at)}</time>
      {' · '}
      {attempt.status === null ? 'no answer' : `answered ${attempt.status}`}
      {attempt.error ? <span className="delivery-attempt-error"> · {attempt.error}</span> : null}
    </li>
  )
}

/** Every attempt of a delivery, newest last: when, what the partner answered, and what went wrong. */
export function DeliveryAttempts({ delivery }: { delivery: Delivery }) {
  const { attempts } = delivery
  const earlier = attempts.slice(0, -shownLast)
  const last = attempts.slice(-shownLast)
  return (
    <>
      {attempts.length ? null : <p className="muted">Not tried yet</p>}
      {earlier.length ? (
        <details className="delivery-attempts">
          <summary>
            {earlier.length} earlier attempt{earlier.length === 1 ? '' : 's'}
          </summary>
          <ol className="delivery-attempts">
            {earlier.map((attempt) => (
              <AttemptLine key={attempt.at} attempt={attempt} />
            ))}
          </ol>
        </details>
      ) : null}
      <ol className="delivery-attempts" aria-label="Attempts">
        {last.map((attempt) => (
          <AttemptLine key={attempt.at} attempt={attempt} />
        ))}
      </ol>
      {delivery.nextAttemptAt && delivery.state !== 'delivered' ? (
        <p className="cell-note">Next attempt {formatDateTime(delivery.nextAttemptAt)}</p>
      ) : null}
    </>
  )
}
