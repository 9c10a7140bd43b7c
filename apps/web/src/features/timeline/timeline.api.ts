import { getAll } from '../../app/api.ts'
import type { TimelineEvent } from '../../app/contracts.ts'

export type RecordKind = 'leads' | 'customers'

/** The whole timeline, oldest first. */
export const listTimeline = (kind: RecordKind, id: string, signal?: AbortSignal) =>
  getAll<TimelineEvent>(`/api/v1/${kind}/${encodeURIComponent(id)}/timeline`, signal)

export type { TimelineEvent }
