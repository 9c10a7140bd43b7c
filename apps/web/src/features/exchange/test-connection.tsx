import { useMutation, useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { errorMessage } from '../../app/api.ts'
import { type Delivery, getDelivery } from '../deliveries/deliveries.api.ts'
import { DeliveryStateBadge } from '../deliveries/delivery-badges.tsx'
import { plainDeliveryError } from '../deliveries/delivery-errors.ts'
import type { Buys } from '../partner-companies/partner-companies.api.ts'
import type { BuysDraft } from '../partner-companies/partner-company-draft.ts'
import { type BuysSection, testConnection } from './exchange.api.ts'
import './exchange.css'

type Outcome = { kind: 'waiting' } | { kind: 'delivered' } | { kind: 'failed'; message: string }

/** How long Test connection waits for the ping's first answer before leaving it to Deliveries. */
const waitMs = 30_000
const pollMs = 750

/** The saved section posts over the exchange, and what is on screen is what was saved. */
function testable(saved: Buys, draft: BuysDraft): 'ready' | 'unsaved' | 'off' {
  if (!saved.enabled || saved.deliveryMethod !== 'exchange' || !saved.postUrl || !saved.secretSet)
    return 'off'
  const same =
    draft.enabled &&
    draft.deliveryMethod === 'exchange' &&
    draft.postUrl.trim() === saved.postUrl &&
    draft.sourceId.trim() === (saved.sourceId ?? '') &&
    !draft.secret
  return same ? 'ready' : 'unsaved'
}

function outcomeOf(delivery: Delivery): Outcome | null {
  if (delivery.state === 'delivered') return { kind: 'delivered' }
  if (delivery.state === 'pending') return null
  const reason = plainDeliveryError(delivery.lastError ?? delivery.attempts.at(-1)?.error ?? null)
  return { kind: 'failed', message: `Failed: ${reason ?? 'the partner did not accept it'}` }
}

/**
 * Test connection, once the Buys section is saved: sends a signed ping (it creates nothing at the
 * partner) and waits for its answer: delivered, or failed with the partner's or the network's error.
 */
export function TestConnection({
  partnerId,
  section,
  saved,
  draft,
}: {
  partnerId: string
  section: BuysSection
  saved: Buys
  draft: BuysDraft
}) {
  // The ping is a mutation (Deliveries and this partner refresh after it); its delivery is then
  // read again every pollMs until it settles, or until waitMs have gone by.
  const ping = useMutation({ mutationFn: () => testConnection(partnerId, section) })
  const deliveryId = ping.data?.deliveryId
  const [timedOut, setTimedOut] = useState<string | null>(null)
  useEffect(() => {
    if (!deliveryId) return
    const timer = setTimeout(() => setTimedOut(deliveryId), waitMs)
    return () => clearTimeout(timer)
  }, [deliveryId])
  const waitingFor = deliveryId && timedOut !== deliveryId ? deliveryId : null
  const followed = useQuery({
    queryKey: ['deliveries', deliveryId],
    queryFn: ({ signal }) => getDelivery(deliveryId ?? '', signal),
    enabled: Boolean(deliveryId),
    refetchInterval: (query) =>
      waitingFor && !(query.state.data && outcomeOf(query.state.data)) ? pollMs : false,
  })
  const outcome: Outcome | null = ping.isPending
    ? { kind: 'waiting' }
    : ping.error
      ? { kind: 'failed', message: errorMessage(ping.error) }
      : !deliveryId
        ? null
        : ((followed.data && outcomeOf(followed.data)) ??
          (followed.error && !followed.data
            ? { kind: 'failed', message: `Could not follow the test: ${errorMessage(followed.error)}` }
            : waitingFor
              ? { kind: 'waiting' }
              : { kind: 'failed', message: 'No answer yet; see how it goes on the Deliveries page.' }))
  const state = testable(saved, draft)
  if (state === 'off') return null

  return (
    <div className="test-connection">
      <button
        type="button"
        className="button"
        disabled={state !== 'ready' || outcome?.kind === 'waiting'}
        onClick={() => ping.mutate()}
      >
        {outcome?.kind === 'waiting' ? 'Testing…' : 'Test connection'}
      </button>
      <output aria-live="polite" className="test-connection-result">
        {state === 'unsaved' ? <span className="muted">Save first to test these settings.</span> : null}
        {state === 'ready' && outcome?.kind === 'delivered' ? <DeliveryStateBadge state="delivered" /> : null}
        {state === 'ready' && outcome?.kind === 'failed' ? (
          <span className="field-error">{outcome.message}</span>
        ) : null}
      </output>
    </div>
  )
}
