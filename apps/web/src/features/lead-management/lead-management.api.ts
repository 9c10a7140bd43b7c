import { queryOptions } from '@tanstack/react-query'
import { api, getAll, type Page } from '../../app/api.ts'
import type {
  AutoRegistration,
  AutoRegistrationInput,
  DistributeInput,
  IgnoredCompany,
  LeadManagementSettings,
  NotificationRecipients,
  NotificationRecipientsInput,
  PartnerRules,
  RuleGroup,
  RulePreview,
  SalesRep,
  SalesRepInput,
  SellResult,
} from '../../app/contracts.ts'
import type { Lead } from '../leads/leads.api.ts'
import type { PartnerCompany } from '../partner-companies/partner-companies.api.ts'

export type {
  AutoRegistration,
  AutoRegistrationInput,
  DistributeInput,
  IgnoredCompany,
  LeadManagementSettings,
  NotificationRecipients,
  RuleGroup,
  RulePreview,
  SalesRep,
  SalesRepInput,
}

const base = '/api/v1/lead-management'
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : undefined)
const enc = encodeURIComponent

export const getAutoRegistration = (signal?: AbortSignal) =>
  api.get<AutoRegistration>(`${base}/auto-registration`, withSignal(signal))
export const putAutoRegistration = (input: AutoRegistrationInput) =>
  api.put<AutoRegistration>(`${base}/auto-registration`, input)
/** Which of the latest leads these rules would register, and by which group; changes nothing. */
export const previewRules = (groups: RuleGroup[], limit = 50) =>
  api.post<RulePreview>(`${base}/auto-registration/preview`, { groups, limit })

export const getRecipients = (signal?: AbortSignal) =>
  api.get<NotificationRecipients>(`${base}/notification-recipients`, withSignal(signal))
export const putRecipients = (input: NotificationRecipientsInput) =>
  api.put<NotificationRecipients>(`${base}/notification-recipients`, input)

export const getLeadManagementSettings = (signal?: AbortSignal) =>
  api.get<LeadManagementSettings>(`${base}/settings`, withSignal(signal))
export const putLeadManagementSettings = (input: LeadManagementSettings) =>
  api.put<LeadManagementSettings>(`${base}/settings`, input)

export const listSalesReps = (signal?: AbortSignal) => getAll<SalesRep>('/api/v1/sales-reps', signal)
export const createSalesRep = (input: SalesRepInput) => api.post<SalesRep>('/api/v1/sales-reps', input)
export const updateSalesRep = (id: string, input: SalesRepInput) =>
  api.patch<SalesRep>(`/api/v1/sales-reps/${enc(id)}`, input)
export const deleteSalesRep = (id: string) => api.delete(`/api/v1/sales-reps/${enc(id)}`)

export const listIgnoredCompanies = (signal?: AbortSignal) =>
  getAll<IgnoredCompany>('/api/v1/ignored-companies', signal)
export const ignoreCompany = (name: string) => api.post<IgnoredCompany>('/api/v1/ignored-companies', { name })
export const renameIgnoredCompany = (id: string, name: string) =>
  api.patch<IgnoredCompany>(`/api/v1/ignored-companies/${enc(id)}`, { name })
export const unignoreCompany = (id: string) => api.delete(`/api/v1/ignored-companies/${enc(id)}`)

export const acceptLead = (id: string) => api.post<Lead>(`/api/v1/leads/${enc(id)}/accept`)
export const declineLead = (id: string, reason: string) =>
  api.post<Lead>(`/api/v1/leads/${enc(id)}/decline`, { reason })

/** Supplier → channel partner: each lead goes on its way or fails on its own, with why. */
export const distributeLeads = (leadIds: string[], input: DistributeInput) =>
  api.post<SellResult>('/api/v1/leads/distribute', { leadIds, ...input })

/** A supplier sends one channel partner the rules it registers leads by (rules.updated). */
export const sendPartnerRules = (partnerId: string, groups: RuleGroup[]) =>
  api.put<{ deliveryId: string }>(`/api/v1/partner-companies/${enc(partnerId)}/registration-rules`, {
    groups,
  })

/** The rules last sent to a channel partner, cached under the partner so its page shares them. */
export const partnerRulesQuery = (partnerId: string) =>
  queryOptions({
    queryKey: ['partner-companies', partnerId, 'registration-rules'],
    queryFn: ({ signal }) =>
      api.get<PartnerRules>(
        `/api/v1/partner-companies/${enc(partnerId)}/registration-rules`,
        withSignal(signal),
      ),
  })

/** Partner companies with a role on: suppliers sell leads to you, channel partners buy them. */
async function partnersWith(role: 'sellsLeads' | 'buysLeads', signal?: AbortSignal) {
  const params = new URLSearchParams({ [role]: 'true', active: 'true', limit: '200' })
  const { items } = await api.get<Page<PartnerCompany>>(
    `/api/v1/partner-companies?${params}`,
    withSignal(signal),
  )
  return items
}

export const autoRegistrationQuery = queryOptions({
  queryKey: ['lead-management', 'auto-registration'],
  queryFn: ({ signal }) => getAutoRegistration(signal),
})
export const recipientsQuery = queryOptions({
  queryKey: ['lead-management', 'notification-recipients'],
  queryFn: ({ signal }) => getRecipients(signal),
})
export const leadManagementSettingsQuery = queryOptions({
  queryKey: ['lead-management', 'settings'],
  queryFn: ({ signal }) => getLeadManagementSettings(signal),
})
export const salesRepsQuery = queryOptions({
  queryKey: ['sales-reps'],
  queryFn: ({ signal }) => listSalesReps(signal),
})
/** Sources of leads: the suppliers whose leads can be auto-accepted and registered back. */
export const suppliersQuery = queryOptions({
  queryKey: ['partner-companies', 'suppliers'],
  queryFn: ({ signal }) => partnersWith('sellsLeads', signal),
})
/** Channel partners connected by exchange: the ones leads can be distributed to. */
export const channelPartnersQuery = queryOptions({
  queryKey: ['partner-companies', 'channel-partners'],
  queryFn: async ({ signal }) =>
    (await partnersWith('buysLeads', signal)).filter((p) => p.buysLeads.deliveryMethod === 'exchange'),
})
