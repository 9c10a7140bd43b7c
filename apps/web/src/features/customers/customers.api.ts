import { queryOptions } from '@tanstack/react-query'
import { api, type Page } from '../../app/api.ts'
import type {
  BulkCustomersInput,
  BulkResult,
  CreateCustomerInput,
  Customer,
  CustomerFilters,
  CustomerStatus,
  UpdateCustomerInput,
} from '../../app/contracts.ts'

export const customerStatusLabels: Record<CustomerStatus, string> = {
  active: 'Active',
  returned: 'Returned',
  sold: 'Sold',
}

const base = '/api/v1/customers'
const one = (id: string) => `${base}/${encodeURIComponent(id)}`
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : undefined)

const paramsOf = (filters: CustomerFilters) => {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value)
  return params
}

export function listCustomers(
  filters: CustomerFilters,
  cursor: string | null,
  signal?: AbortSignal,
  limit = 50,
): Promise<Page<Customer>> {
  const params = paramsOf(filters)
  params.set('limit', String(limit))
  if (cursor) params.set('cursor', cursor)
  return api.get<Page<Customer>>(`${base}?${params}`, withSignal(signal))
}

/** The address of the CSV file of a list: its filters and sort (the browser downloads it with the session). */
export const exportCustomersUrl = (filters: CustomerFilters) => `${base}/export.csv?${paramsOf(filters)}`

/** Moves many customers to an office, each as its own update; what moved and what did not. */
export const bulkCustomers = (input: BulkCustomersInput) => api.post<BulkResult>(`${base}/bulk`, input)

export const getCustomer = (id: string, signal?: AbortSignal) =>
  api.get<Customer>(one(id), withSignal(signal))
export const createCustomer = (input: CreateCustomerInput) => api.post<Customer>(base, input)
export const updateCustomer = (id: string, input: UpdateCustomerInput) => api.patch<Customer>(one(id), input)

export type {
  BulkResult,
  CreateCustomerInput,
  Customer,
  CustomerFilters,
  CustomerStatus,
  UpdateCustomerInput,
}

/** One customer, cached under the key its page and every link to it share. */
export const customerQuery = (id: string) =>
  queryOptions({ queryKey: ['customers', id], queryFn: ({ signal }) => getCustomer(id, signal) })
