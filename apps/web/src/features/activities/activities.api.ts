import { queryOptions } from '@tanstack/react-query'
import { api, getAll } from '../../app/api.ts'
import type {
  Activity,
  ActivityInput,
  CallOutcome,
  CommentEntry,
  FollowUps,
  QueueCounts,
} from '../../app/contracts.ts'
import { browserTimeZone } from '../../app/format.ts'
import type { RecordKind } from '../timeline/timeline.api.ts'

const one = (kind: RecordKind, id: string) => `/api/v1/${kind}/${encodeURIComponent(id)}`

export const callOutcomeLabels: Record<CallOutcome, string> = {
  reached: 'Reached them',
  no_answer: 'No answer',
  voicemail: 'Left a voicemail',
  busy: 'Busy',
  wrong_number: 'Wrong number',
}

/** A record's call-center comments, oldest first: every entry ever written, a return's too. */
export const commentsQuery = (kind: RecordKind, id: string) =>
  queryOptions({
    queryKey: [kind, id, 'comments'],
    queryFn: ({ signal }) => getAll<CommentEntry>(`${one(kind, id)}/comments`, signal),
  })

export const addComment = (kind: RecordKind, id: string, text: string) =>
  api.post<CommentEntry>(`${one(kind, id)}/comments`, { text })

export const logActivity = (kind: RecordKind, id: string, input: ActivityInput) =>
  api.post<Activity>(`${one(kind, id)}/activities`, input)

/** My follow-ups due today, on the browser's clock. */
export const followUpsQuery = () =>
  queryOptions({
    queryKey: ['follow-ups'],
    queryFn: ({ signal }) =>
      api.get<FollowUps>(
        `/api/v1/me/follow-ups?timeZone=${encodeURIComponent(browserTimeZone())}`,
        signal ? { signal } : undefined,
      ),
  })

/** The Queue as counts by priority, for those who may not see its leads. */
export const queueCountsQuery = () =>
  queryOptions({
    queryKey: ['leads', 'queue-counts'],
    queryFn: ({ signal }) => api.get<QueueCounts>('/api/v1/queue/counts', signal ? { signal } : undefined),
  })

export type { Activity, ActivityInput, CallOutcome, CommentEntry, FollowUps, QueueCounts }
