import './deliveries.css'
import { type DeliveryState, deliveryStateLabels } from './deliveries.api.ts'

/** Sending, Retrying, Delivered or Failed. */
export function DeliveryStateBadge({ state }: { state: DeliveryState }) {
  return (
    <span className={`badge delivery-${state}`} data-testid="delivery-state">
      {deliveryStateLabels[state] ?? state}
    </span>
  )
}
