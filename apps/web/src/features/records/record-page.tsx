import {
  type QueryKey,
  type UseQueryOptions,
  type UseQueryResult,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { useLocation } from 'react-router'
import { errorMessage } from '../../app/api.ts'
import type { Directory } from '../directory/use-directory.ts'
import { ErrorView } from '../errors/error-view.tsx'
import type { ReturnKind } from '../returns/returns.api.ts'
import { listTimeline, type TimelineEvent } from '../timeline/timeline.api.ts'
import { type RecordLinks, Timeline } from '../timeline/timeline.tsx'
import './record-page.css'

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Whether the id in the address can name a lead or customer at all (else: not found). */
export function isRecordId(id: string): boolean {
  return uuid.test(id)
}

/**
 * One lead or customer on its page: the record as loaded or last changed, its timeline, and the
 * notice or failure shown above it. `changed` puts a new version on screen with a notice.
 */
export function useRecordDetail<T, K extends QueryKey>(
  kind: ReturnKind,
  /** The record's query (leadQuery, customerQuery): its page shares the cache with every link to it. */
  record: UseQueryOptions<T, Error, T, K> & { queryKey: K },
  id: string,
) {
  const routerLocation = useLocation()
  const queryClient = useQueryClient()
  const loaded = useQuery(record)
  const timeline = useQuery({
    queryKey: [`${kind}s`, id, 'timeline'],
    queryFn: ({ signal }) => listTimeline(`${kind}s`, id, signal),
  })
  const [notice, setNotice] = useState<string | null>(
    (routerLocation.state as { notice?: string } | null)?.notice ?? null,
  )
  const [failure, setFailure] = useState<string | null>(null)

  // The mutation that changed it refreshes the record and timeline; its answer shows meanwhile.
  function changed(next: T, message: string) {
    queryClient.setQueryData<T>(record.queryKey, next)
    setFailure(null)
    setNotice(message)
  }

  /** Returned to `source`: the page says so. */
  function returned(source: string) {
    // "ABC Leads, Inc." ends the sentence with its own full stop.
    changedElsewhere(`Returned to ${source.replace(/\.$/, '')}.`)
  }

  /** Changed by another dialog (returned, sold): the page says `message`; its mutation loads the record again. */
  function changedElsewhere(message: string) {
    setFailure(null)
    setNotice(message)
  }

  return {
    record: loaded.data,
    loaded,
    timeline,
    notice,
    setNotice,
    failure,
    setFailure,
    changed,
    returned,
    changedElsewhere,
  }
}

export function RecordPage({
  title,
  portal,
  children,
}: {
  title: string
  /** Marks the partner portal's read-only view. */
  portal?: boolean
  children: ReactNode
}) {
  return (
    <div className="page" data-portal={portal || undefined}>
      <title>{`${title} · Tributary`}</title>
      {children}
    </div>
  )
}

/** The page while its record is not there: the error with Try again, or Loading…. */
export function RecordPending({
  title,
  portal,
  loaded,
}: {
  title: string
  portal?: boolean
  loaded: UseQueryResult<unknown>
}) {
  return (
    <RecordPage title={title} portal={portal}>
      {loaded.error ? (
        <ErrorView error={loaded.error} onRetry={() => void loaded.refetch()} />
      ) : (
        <p className="muted">Loading…</p>
      )}
    </RecordPage>
  )
}

/** What the last change did, above the record: a notice, a failure, or both. */
export function RecordAlerts({ notice, failure }: { notice: string | null; failure: string | null }) {
  return (
    <>
      {notice ? (
        <output className="alert alert-success" aria-live="polite">
          {notice}
        </output>
      ) : null}
      {failure ? (
        <div className="alert alert-error" role="alert">
          {failure}
        </div>
      ) : null}
    </>
  )
}

export function TimelineCard({
  timeline,
  names,
  links,
}: {
  timeline: UseQueryResult<TimelineEvent[]>
  names: Directory
  links: RecordLinks
}) {
  return (
    <section className="card detail-card" aria-labelledby="timeline-title">
      <div className="card-header">
        <h2 id="timeline-title">Timeline</h2>
      </div>
      {timeline.error && !timeline.data ? (
        <p className="field-error" role="alert">
          Could not load the timeline: {errorMessage(timeline.error)}
        </p>
      ) : timeline.data ? (
        <Timeline events={timeline.data} names={names} links={links} />
      ) : (
        <p className="muted">Loading…</p>
      )}
    </section>
  )
}
