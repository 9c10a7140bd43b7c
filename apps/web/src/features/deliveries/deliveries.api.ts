import { api, type Page } from '../../app/api.ts'
import type { Delivery, DeliveryFilters, DeliveryState } from '../../app/contracts.ts'

export type { Delivery, DeliveryFilters, DeliveryState }

export const deliveryStateLabels: Record<DeliveryState, string> = {
  pending: 'Sending',
  retrying: 'Retrying',
  delivered: 'Delivered',
  failed: 'Failed',
}

export const deliveryStates = Object.keys(deliveryStateLabels) as DeliveryState[]

/** What was sent, as a person says it: `lead.sold` → "Lead sold". */
export const deliveryKindLabels: Record<string, string> = {
  'lead.sold': 'Lead sold',
  'customer.sold': 'Customer sold',
  'lead.returned': 'Lead returned',
  'customer.returned': 'Customer returned',
  'connection.hello': 'Connection set-up',
  ping: 'Test connection',
}

const base = '/api/v1/deliveries'
const one = (id: string) => `${base}/${encodeURIComponent(id)}`
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : undefined)

/** A page of deliveries, newest first. */
export function listDeliveries(
  filters: DeliveryFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<Delivery>> {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value)
  params.set('limit', '50')
  if (cursor) params.set('cursor', cursor)
  return api.get<Page<Delivery>>(`${base}?${params}`, withSignal(signal))
}

export const getDelivery = (id: string, signal?: AbortSignal) =>
  api.get<Delivery>(one(id), withSignal(signal))

/** Sends a failed or waiting delivery again now (the same message: the buyer keeps one record). */
export const retryDelivery = (id: string) => api.post<Delivery>(`${one(id)}/retry`)
