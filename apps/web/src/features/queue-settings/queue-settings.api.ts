import { api } from '../../app/api.ts'

export type AfterRequest = 'assigned' | 'queue' | 'pending'

/** The company's queue criteria (PRODUCT §2) and its duplicate rule. */
export type QueueSettings = {
  usePartnerPriority: boolean
  requestableAfterMinutes: number
  /** "HH:MM", 24-hour, in the lead's local time. */
  availableFrom: string
  /** Exclusive; earlier than availableFrom means the hours run past midnight. */
  availableUntil: string
  /** null: no cap. */
  maxAssignedPerRep: number | null
  afterRequest: AfterRequest
  blacklistMinutesAfterRequest: number
  /** 0: no duplicate check; N: a duplicate may be posted again after N days; null: never. */
  duplicateWindowDays: number | null
  /** The company's time zone, for leads without a known region. */
  timezone: string
}

export const getQueueSettings = (signal?: AbortSignal) =>
  api.get<QueueSettings>('/api/v1/settings/queue', signal ? { signal } : undefined)
export const putQueueSettings = (settings: QueueSettings) =>
  api.put<QueueSettings>('/api/v1/settings/queue', settings)
