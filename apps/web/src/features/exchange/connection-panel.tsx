import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { formatAgo, formatDateTime } from '../../app/format.ts'
import { deliveryKindLabels } from '../deliveries/deliveries.api.ts'
import { DeliveryStateBadge } from '../deliveries/delivery-badges.tsx'
import type { PartnerCompany } from '../partner-companies/partner-companies.api.ts'
import { type ConnectionStatus, connectionQuery } from './exchange.api.ts'
import { PostingCredentials } from './posting-credentials.tsx'
import './exchange.css'

/** How often an unsettled connection is looked at again. */
const refreshMs = 4000

const when = (at: string | null) =>
  at ? (
    <time dateTime={at} title={formatDateTime(at)}>
      {formatAgo(at)}
    </time>
  ) : (
    <span className="muted">Never</span>
  )

/**
 * The exchange with this partner: whether it is connected and when the last message came or went,
 * the last delivery, and — for a partner that sells to you — its posting credentials. Shown for a
 * partner that sells to you or buys from you over the exchange.
 */
export function ConnectionPanel({ partner }: { partner: PartnerCompany }) {
  const sellsToYou = partner.sellsLeads.enabled || partner.sellsCustomers.enabled
  const buysOverExchange = [partner.buysLeads, partner.buysCustomers].some(
    (b) => b.enabled && b.deliveryMethod === 'exchange',
  )
  const shown = sellsToYou || buysOverExchange
  const status = useQuery({
    ...connectionQuery(partner.id),
    enabled: shown,
    // The other side connects, and a test or sale is answered, while this page is open: keep up.
    refetchInterval: (query) => {
      const data = query.state.data
      const last = data?.lastDelivery?.state
      return data && (!data.connected || last === 'pending' || last === 'retrying') ? refreshMs : false
    },
  })
  if (!shown) return null

  return (
    <section className="card detail-card connection-panel" aria-labelledby="connection-title">
      <div className="card-header">
        <h2 id="connection-title">Connection</h2>
        {status.data ? <ConnectedBadge status={status.data} /> : null}
      </div>
      {status.error && !status.data ? (
        <p className="field-error" role="alert">
          The connection could not be loaded.{' '}
          <button type="button" className="button button-small" onClick={() => void status.refetch()}>
            Try again
          </button>
        </p>
      ) : !status.data ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <ConnectionFacts partnerId={partner.id} status={status.data} sellsToYou={sellsToYou} />
          {sellsToYou ? (
            <PostingCredentials
              partnerId={partner.id}
              partnerName={partner.name}
              inbound={status.data.inbound}
            />
          ) : null}
        </>
      )}
    </section>
  )
}

function ConnectedBadge({ status }: { status: ConnectionStatus }) {
  return status.connected ? (
    <span className="badge badge-on" data-testid="connection-state">
      Connected
    </span>
  ) : (
    <span className="badge badge-off" data-testid="connection-state">
      Not connected yet
    </span>
  )
}

function ConnectionFacts({
  partnerId,
  status,
  sellsToYou,
}: {
  partnerId: string
  status: ConnectionStatus
  sellsToYou: boolean
}) {
  const last = status.lastDelivery
  return (
    <dl className="details">
      <dt>Last message from them</dt>
      <dd>{when(status.lastReceivedAt)}</dd>
      <dt>Last message to them</dt>
      <dd>{when(status.lastSentAt)}</dd>
      <dt>Last delivery</dt>
      <dd>
        {last ? (
          <>
            {deliveryKindLabels[last.kind] ?? last.kind} <DeliveryStateBadge state={last.state} />{' '}
            <span className="muted">{formatAgo(last.at)}</span> ·{' '}
            <Link to={`/deliveries?partnerCompanyId=${partnerId}`}>All deliveries</Link>
          </>
        ) : (
          <span className="muted">Nothing sent yet</span>
        )}
      </dd>
      {sellsToYou ? (
        <>
          <dt>Your returns go back</dt>
          <dd>
            {status.replyChannel ? (
              'Over the exchange'
            ) : (
              <span className="muted">By email only, until the partner connects its side</span>
            )}
          </dd>
        </>
      ) : null}
    </dl>
  )
}
