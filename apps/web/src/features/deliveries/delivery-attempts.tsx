import { formatDateTime } from '../../app/format.ts'
import type { Delivery } from './deliveries.api.ts'
import { plainDeliveryError } from './delivery-errors.ts'

type Attempt = Delivery['attempts'][number]

/** Shown at once; earlier attempts fold away behind "N earlier attempts". */
const shownLast = 2

/** "accepted (201)", "answered 500", or "no answer" when the partner's server was not reached. */
const answer = (status: number | null) =>
  status === null
    ? 'no answer'
    : status >= 200 && status < 300
      ? `accepted (${status})`
      : `answered ${status}`

function AttemptLine({ attempt }: { attempt: Attempt }) {
  return (
    <li>
      <time dateTime={attempt.at}>{formatDateTime(attempt.at)}</time>
      {' · '}
      {answer(attempt.status)}
      {attempt.error ? (
        <span className="delivery-attempt-error" title={attempt.error}>
          {' '}
          · {plainDeliveryError(attempt.error)}
        </span>
      ) : null}
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
      {attempts.length ? null : <span className="muted">Not tried yet</span>}
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
