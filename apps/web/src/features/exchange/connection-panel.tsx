import './exchange.css'
import { useEffect } from 'react'
import { Link } from 'react-router'
import { formatAgo, formatDateTime } from '../../app/format.ts'
import { useResource } from '../../app/use-resource.ts'
import { deliveryKindLabels } from '../deliveries/deliveries.api.ts'
import { DeliveryStateBadge } from '../deliveries/delivery-badges.tsx'
import type { PartnerCompany } from '../partner-companies/partner-companies.api.ts'
import { type ConnectionStatus, getConnection } from './exchange.api.ts'
import { PostingCredentials } from './posting-credentials.tsx'

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
  const status = useResource(`connection:${partner.id}:${partner.updatedAt}`, (signal) =>
    getConnection(partner.id, signal),
  )
  // The other side connects, and a test or sale is answered, while this page is open: keep up.
  const last = status.data?.lastDelivery?.state
  const shown = sellsToYou || buysOverExchange
  const settling =
    shown && Boolean(status.data) && (!status.data?.connected || last === 'pending' || last === 'retrying')
  const { reload } = status
  useEffect(() => {
    if (!settling) return
    const timer = setInterval(reload, refreshMs)
    return () => clearInterval(timer)
  }, [settling, reload])
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
          <button type="button" className="button button-small" onClick={status.reload}>
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
              onGenerated={status.reload}
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
