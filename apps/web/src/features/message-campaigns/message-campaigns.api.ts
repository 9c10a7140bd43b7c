import { api, getAll } from '../../app/api.ts'
import type { MessageCampaign, MessageCampaignInput, MessagePreview } from '../../app/contracts.ts'

export const listMessageCampaigns = (signal?: AbortSignal) =>
  getAll<MessageCampaign>('/api/v1/message-campaigns', signal)
export const createMessageCampaign = (input: MessageCampaignInput) =>
  api.post<MessageCampaign>('/api/v1/message-campaigns', input)
export const updateMessageCampaign = (id: string, input: Partial<MessageCampaignInput>) =>
  api.patch<MessageCampaign>(`/api/v1/message-campaigns/${encodeURIComponent(id)}`, input)
export const deleteMessageCampaign = (id: string) =>
  api.delete(`/api/v1/message-campaigns/${encodeURIComponent(id)}`)

/** Renders the subject and body given (saved or not) with sample data, through campaign `id`. */
export const previewMessage = (id: string, text: { subject: string; body: string }, signal?: AbortSignal) =>
  api.post<MessagePreview>(
    `/api/v1/message-campaigns/${encodeURIComponent(id)}/preview`,
    text,
    signal ? { signal } : undefined,
  )

export type { MessageCampaign, MessageCampaignInput, MessagePreview }
