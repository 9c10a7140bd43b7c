import { api, getAll } from '../../app/api.ts'
import type { Address, OfficeLocation, OfficeLocationInput } from '../../app/contracts.ts'

export const listOfficeLocations = (signal?: AbortSignal) =>
  getAll<OfficeLocation>('/api/v1/office-locations', signal)
export const createOfficeLocation = (input: OfficeLocationInput) =>
  api.post<OfficeLocation>('/api/v1/office-locations', input)
export const updateOfficeLocation = (id: string, input: Partial<OfficeLocationInput>) =>
  api.patch<OfficeLocation>(`/api/v1/office-locations/${encodeURIComponent(id)}`, input)
export const deleteOfficeLocation = (id: string) =>
  api.delete(`/api/v1/office-locations/${encodeURIComponent(id)}`)

/** "1 Lead Way, Tempe, AZ 85281, US" — the parts that are filled in. */
export function formatAddress(address: Address): string {
  const place = [address.region, address.postalCode].filter(Boolean).join(' ')
  return [address.street, address.city, place, address.country].filter(Boolean).join(', ')
}

export type { Address, OfficeLocation, OfficeLocationInput }
