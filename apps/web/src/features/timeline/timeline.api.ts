import { getAll } from '../../app/api.ts'

/** One thing that happened to a lead or customer: who, when, what, and the particulars. */
export type TimelineEvent = {
  id: string
  at: string
  /** `userId` is null for Tributary itself (imports, jobs, demo data) and partner logins. */
  actor: { userId: string | null; label: string }
  type: string
  detail: Record<string, unknown>
}

export type RecordKind = 'leads' | 'customers'

/** The whole timeline, oldest first. */
export const listTimeline = (kind: RecordKind, id: string, signal?: AbortSignal) =>
  getAll<TimelineEvent>(`/api/v1/${kind}/${encodeURIComponent(id)}/timeline`, signal)
