import { queryOptions } from '@tanstack/react-query'
import { api, type Page } from '../../app/api.ts'
import type {
  Campaign,
  CampaignDirection,
  CampaignInput,
  CreatePartnerCompanyInput,
  DeliveryMethod,
  LeadLocationOnArrival,
  PartnerCompany,
  PartnerKind,
  QueuePriority,
  UpdatePartnerCompanyInput,
} from '../../app/contracts.ts'

export type SellsLeads = PartnerCompany['sellsLeads']
export type SellsCustomers = PartnerCompany['sellsCustomers']
/** Buys leads / buys customers. The signing secret is write-only: answers only say whether it is set. */
export type Buys = PartnerCompany['buysLeads']
export type Access = PartnerCompany['access']
/** A write: PATCH merges each section field by field, so every part is optional. */
export type PartnerCompanyInput = UpdatePartnerCompanyInput
export type BuysInput = NonNullable<PartnerCompanyInput['buysLeads']>

export type PartnerRole = 'sellsLeads' | 'sellsCustomers' | 'buysLeads' | 'buysCustomers'

export const partnerRoles: { key: PartnerRole; label: string }[] = [
  { key: 'sellsLeads', label: 'Sells leads' },
  { key: 'sellsCustomers', label: 'Sells customers' },
  { key: 'buysLeads', label: 'Buys leads' },
  { key: 'buysCustomers', label: 'Buys customers' },
]

export type PartnerCompanyFilters = {
  roles: PartnerRole[]
  /** A tag's name. */
  tag: string
  active: 'all' | 'active' | 'inactive'
  q: string
  /** `name` (the default) or `createdAt`, `-` first for descending. */
  sort: string
}

const base = '/api/v1/partner-companies'
const one = (id: string) => `${base}/${encodeURIComponent(id)}`

export function listPartnerCompanies(
  filters: PartnerCompanyFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<PartnerCompany>> {
  const params = new URLSearchParams()
  for (const role of filters.roles) params.set(role, 'true')
  if (filters.tag) params.set('tag', filters.tag)
  // Without `active` the API lists both (it narrows only source lists, which this is not).
  if (filters.active !== 'all') params.set('active', String(filters.active === 'active'))
  if (filters.q.trim()) params.set('q', filters.q.trim())
  if (filters.sort !== 'name') params.set('sort', filters.sort)
  params.set('limit', '50')
  if (cursor) params.set('cursor', cursor)
  return api.get<Page<PartnerCompany>>(`${base}?${params}`, signal ? { signal } : undefined)
}

export const getPartnerCompany = (id: string, signal?: AbortSignal) =>
  api.get<PartnerCompany>(one(id), signal ? { signal } : undefined)
export const createPartnerCompany = (input: CreatePartnerCompanyInput) =>
  api.post<PartnerCompany>(base, input)
export const updatePartnerCompany = (id: string, input: PartnerCompanyInput) =>
  api.patch<PartnerCompany>(one(id), input)
export const deletePartnerCompany = (id: string) => api.delete(one(id))

export const applyTag = (id: string, tagId: string) =>
  api.put<void>(`${one(id)}/tags/${encodeURIComponent(tagId)}`, undefined)
export const removeTag = (id: string, tagId: string) =>
  api.delete(`${one(id)}/tags/${encodeURIComponent(tagId)}`)

export async function listCampaigns(partnerCompanyId: string, signal?: AbortSignal): Promise<Campaign[]> {
  const { items } = await api.get<Page<Campaign>>(
    `${one(partnerCompanyId)}/campaigns`,
    signal ? { signal } : undefined,
  )
  return items
}
export const createCampaign = (partnerCompanyId: string, input: CampaignInput) =>
  api.post<Campaign>(`${one(partnerCompanyId)}/campaigns`, input)
export const updateCampaign = (id: string, input: Partial<CampaignInput>) =>
  api.patch<Campaign>(`/api/v1/campaigns/${encodeURIComponent(id)}`, input)
export const deleteCampaign = (id: string) => api.delete(`/api/v1/campaigns/${encodeURIComponent(id)}`)

export type {
  Campaign,
  CampaignDirection,
  CampaignInput,
  CreatePartnerCompanyInput,
  DeliveryMethod,
  LeadLocationOnArrival,
  PartnerCompany,
  PartnerKind,
  QueuePriority,
}

/** One partner company, cached once for its page and the pages under it (posting specification). */
export const partnerCompanyQuery = (id: string) =>
  queryOptions({
    queryKey: ['partner-companies', id],
    queryFn: ({ signal }) => getPartnerCompany(id, signal),
  })

/** One partner company's campaigns, cached once for every page that names or offers them. */
export const campaignsQuery = (partnerCompanyId: string) =>
  queryOptions({
    queryKey: ['partner-companies', partnerCompanyId, 'campaigns'],
    queryFn: ({ signal }) => listCampaigns(partnerCompanyId, signal),
    enabled: Boolean(partnerCompanyId),
  })
