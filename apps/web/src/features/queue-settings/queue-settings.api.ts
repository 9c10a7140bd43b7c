import { api } from '../../app/api.ts'
import type { QueueSettings } from '../../app/contracts.ts'

export type AfterRequest = QueueSettings['afterRequest']

export const getQueueSettings = (signal?: AbortSignal) =>
  api.get<QueueSettings>('/api/v1/settings/queue', signal ? { signal } : undefined)
export const putQueueSettings = (settings: QueueSettings) =>
  api.put<QueueSettings>('/api/v1/settings/queue', settings)

export type { QueueSettings }
