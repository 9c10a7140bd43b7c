import { queryOptions } from '@tanstack/react-query'
import { api, type Page } from '../../app/api.ts'
import type {
  BulkLeadsInput,
  BulkResult,
  CreateLeadInput,
  DuplicateMatch,
  Lead,
  LeadFilters,
  LeadLocation,
  QueueRequestResult,
  RequeueInput,
  UpdateLeadInput,
} from '../../app/contracts.ts'
import type { Customer } from '../customers/customers.api.ts'

const base = '/api/v1/leads'
const one = (id: string) => `${base}/${encodeURIComponent(id)}`
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : undefined)

const paramsOf = (filters: LeadFilters) => {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value)
  return params
}

/** A page of leads in the filters' sort (best first: priority, then age, unless `sort` says otherwise). */
export function listLeads(
  filters: LeadFilters,
  cursor: string | null,
  signal?: AbortSignal,
  limit = 50,
): Promise<Page<Lead>> {
  const params = paramsOf(filters)
  params.set('limit', String(limit))
  if (cursor) params.set('cursor', cursor)
  return api.get<Page<Lead>>(`${base}?${params}`, withSignal(signal))
}

/** The address of the CSV file of a list: its filters and sort (the browser downloads it with the session). */
export const exportLeadsUrl = (filters: LeadFilters) => `${base}/export.csv?${paramsOf(filters)}`

/** One action on many leads, each through its single action; what changed and what did not. */
export const bulkLeads = (input: BulkLeadsInput) => api.post<BulkResult>(`${base}/bulk`, input)

export const getLead = (id: string, signal?: AbortSignal) => api.get<Lead>(one(id), withSignal(signal))
export const createLead = (input: CreateLeadInput) => api.post<Lead>(base, input)
export const updateLead = (id: string, input: UpdateLeadInput) => api.patch<Lead>(one(id), input)

/** Request lead: the best requestable lead, now the caller's; null when none is. 409 at the cap. */
export const requestLead = () => api.post<QueueRequestResult>('/api/v1/queue/request')

export const requeueLead = (id: string, input: RequeueInput) => api.post<Lead>(`${one(id)}/requeue`, input)
export const invalidateLead = (id: string, reason: string) =>
  api.post<Lead>(`${one(id)}/invalidate`, { reason })
export const convertLead = (id: string, officeLocationId?: string) =>
  api.post<{ customer: Customer }>(`${one(id)}/convert`, officeLocationId ? { officeLocationId } : {})

export type {
  BulkLeadsInput,
  BulkResult,
  CreateLeadInput,
  DuplicateMatch,
  Lead,
  LeadFilters,
  LeadLocation,
  UpdateLeadInput,
}

/** One lead, cached under the key its page and every link to it share. */
export const leadQuery = (id: string) =>
  queryOptions({ queryKey: ['leads', id], queryFn: ({ signal }) => getLead(id, signal) })
