import { queryOptions } from '@tanstack/react-query'
import { api, type Page } from '../../app/api.ts'
import type {
  ConnectionCredentials,
  ConnectionStatus,
  PostingSpec,
  SellInput,
  SellResult,
} from '../../app/contracts.ts'
import type { Campaign, PartnerCompany } from '../partner-companies/partner-companies.api.ts'
import type { ReturnKind } from '../returns/returns.api.ts'

export type { ConnectionCredentials, ConnectionStatus, PostingSpec, SellInput, SellResult }

export type SellKind = ReturnKind
export type BuysSection = 'buysLeads' | 'buysCustomers'

/** The most ids one sale takes, and a price as the API reads it (packages/contracts/src/exchange.ts). */
export const maxPerSale = 500
export const pricePattern = /^\d{1,9}(\.\d{1,2})?$/

const partners = '/api/v1/partner-companies'
const one = (id: string) => `${partners}/${encodeURIComponent(id)}`
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : undefined)

export const sectionOf = (kind: SellKind): BuysSection => (kind === 'lead' ? 'buysLeads' : 'buysCustomers')

/** Sells leads or customers to a buyer; each id gets a delivery or fails on its own (with why). */
export function sellRecords(kind: SellKind, ids: string[], input: SellInput): Promise<SellResult> {
  return kind === 'lead'
    ? api.post<SellResult>('/api/v1/leads/sell', { leadIds: ids, ...input })
    : api.post<SellResult>('/api/v1/customers/sell', { customerIds: ids, ...input })
}

/** The active partner companies that buy this kind (Buys Leads / Buys Customers on). */
export async function listBuyers(kind: SellKind, signal?: AbortSignal): Promise<PartnerCompany[]> {
  const params = new URLSearchParams({ [sectionOf(kind)]: 'true', active: 'true', limit: '200' })
  const { items } = await api.get<Page<PartnerCompany>>(`${partners}?${params}`, withSignal(signal))
  return items
}

/** The buyer's outbound campaigns: their ids in the buyer's own system travel with the sale. */
export async function listOutboundCampaigns(partnerId: string, signal?: AbortSignal): Promise<Campaign[]> {
  const { items } = await api.get<Page<Campaign>>(`${one(partnerId)}/campaigns?limit=200`, withSignal(signal))
  return items.filter((campaign) => campaign.direction === 'outbound')
}

/** New posting credentials for a partner that sells to you; again: a new secret. */
export const generateCredentials = (partnerId: string) =>
  api.post<ConnectionCredentials>(`${one(partnerId)}/connection`)

export const getConnection = (partnerId: string, signal?: AbortSignal) =>
  api.get<ConnectionStatus>(`${one(partnerId)}/connection`, withSignal(signal))

/** A signed ping to the buyer's Post URL; its delivery tells how it went. */
export const testConnection = (partnerId: string, section: BuysSection) =>
  api.post<{ deliveryId: string }>(`${one(partnerId)}/connection/test`, { section })

export const getPostingSpec = (partnerId: string, signal?: AbortSignal) =>
  api.get<PostingSpec>(`${one(partnerId)}/posting-spec`, withSignal(signal))

/** A partner's connection, cached under the partner so its page and Buys sections share it. */
export const connectionQuery = (partnerId: string) =>
  queryOptions({
    queryKey: ['partner-companies', partnerId, 'connection'],
    queryFn: ({ signal }) => getConnection(partnerId, signal),
  })

export const postingSpecQuery = (partnerId: string) =>
  queryOptions({
    queryKey: ['partner-companies', partnerId, 'posting-spec'],
    queryFn: ({ signal }) => getPostingSpec(partnerId, signal),
  })

/** The active buyers of this kind, for the Sell dialog. */
export const buyersQuery = (kind: SellKind) =>
  queryOptions({
    queryKey: ['partner-companies', 'buyers', kind],
    queryFn: ({ signal }) => listBuyers(kind, signal),
  })

/** A buyer's outbound campaigns, for the Sell dialog (none asked until a buyer is chosen). */
export const outboundCampaignsQuery = (partnerId: string) =>
  queryOptions({
    queryKey: ['partner-companies', partnerId, 'campaigns', 'outbound'],
    queryFn: ({ signal }) => listOutboundCampaigns(partnerId, signal),
    enabled: Boolean(partnerId),
  })
