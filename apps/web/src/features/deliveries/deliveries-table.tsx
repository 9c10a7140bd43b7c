import { useMutation } from '@tanstack/react-query'
import { Link } from 'react-router'
import { errorMessage } from '../../app/api.ts'
import { useAuth } from '../../app/auth.tsx'
import { formatAgo, formatDateTime } from '../../app/format.ts'
import { type Delivery, deliveryKindLabels, retryDelivery } from './deliveries.api.ts'
import { DeliveryAttempts } from './delivery-attempts.tsx'
import { DeliveryStateBadge } from './delivery-badges.tsx'

const methodLabels: Record<Delivery['method'], string> = { exchange: 'Exchange', email: 'Email' }

/** Only an exchange post can be tried again by hand; an email goes through the Mail page. */
const retryable = (d: Delivery) => d.method === 'exchange' && (d.state === 'failed' || d.state === 'retrying')

function RecordLink({ delivery }: { delivery: Delivery }) {
  if (!delivery.recordId || !delivery.recordKind) return null
  const to = `/${delivery.recordKind}s/${delivery.recordId}`
  return (
    <p className="cell-note">
      <Link to={to}>Open the {delivery.recordKind}</Link>
    </p>
  )
}

/**
 * Every delivery with its partner, what it carried, how, its state and attempts. Retry sends a
 * failed or waiting one again now; `onRetried` gets the delivery as it then is, or the failure.
 */
export function DeliveriesTable({
  deliveries,
  busy,
  onRetried,
  onRetryFailed,
}: {
  deliveries: Delivery[]
  busy: boolean
  onRetried: (delivery: Delivery) => void
  onRetryFailed: (message: string) => void
}) {
  const { can } = useAuth()
  // A mutation: the list loads again after it; meanwhile its answer says how it went.
  const retry = useMutation({
    mutationFn: (delivery: Delivery) => retryDelivery(delivery.id),
    onSuccess: onRetried,
    onError: (error) => onRetryFailed(`Could not try again: ${errorMessage(error)}`),
  })
  const retrying = retry.isPending ? retry.variables?.id : null
  const now = Date.now()

  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="table table-records table-deliveries" aria-label="Deliveries">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Partner</th>
            <th scope="col">What</th>
            <th scope="col">Method</th>
            <th scope="col">State</th>
            <th scope="col">Attempts</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((delivery) => (
            <tr key={delivery.id} data-delivery-id={delivery.id}>
              <td className="nowrap">
                {formatDateTime(delivery.createdAt)}
                <p className="cell-note">{formatAgo(delivery.createdAt, now)}</p>
              </td>
              <th scope="row">
                {can('manage_partner_companies') ? (
                  <Link to={`/admin/partner-companies/${delivery.partnerCompanyId}`} className="row-link">
                    {delivery.partnerCompanyName}
                  </Link>
                ) : (
                  delivery.partnerCompanyName
                )}
              </th>
              <td>
                {deliveryKindLabels[delivery.kind] ?? delivery.kind}
                <RecordLink delivery={delivery} />
              </td>
              <td>{methodLabels[delivery.method]}</td>
              <td>
                <DeliveryStateBadge state={delivery.state} />
                {delivery.deliveredAt ? (
                  <p className="cell-note">{formatDateTime(delivery.deliveredAt)}</p>
                ) : null}
                {retryable(delivery) ? (
                  <p className="cell-note">
                    <button
                      type="button"
                      className="button button-small"
                      disabled={retrying === delivery.id}
                      onClick={() => retry.mutate(delivery)}
                    >
                      {retrying === delivery.id ? 'Retrying…' : 'Retry'}
                    </button>
                  </p>
                ) : null}
              </td>
              <td className="delivery-attempts-cell">
                <DeliveryAttempts delivery={delivery} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
