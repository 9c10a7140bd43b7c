import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { formatDate, formatDateTime } from '../../app/format.ts'
import { ErrorView } from '../errors/error-view.tsx'
import { followUpsQuery } from './activities.api.ts'
import './record-work.css'

/** My follow-ups: the notes and calls I set a follow-up on for today, on my clock, earliest first. */
export function FollowUpsPage() {
  const followUps = useQuery(followUpsQuery())
  const data = followUps.data
  return (
    <div className="page">
      <title>My follow-ups · Tributary</title>
      <header className="page-header">
        <h1>My follow-ups</h1>
        <p className="page-intro muted">
          {data
            ? `Due today, ${formatDate(`${data.date}T12:00:00Z`)} (${data.timeZone.replace(/_/g, ' ')}).`
            : 'Due today.'}
        </p>
      </header>
      <section className="card detail-card" aria-label="Follow-ups due today">
        {followUps.error ? (
          <ErrorView error={followUps.error} onRetry={() => void followUps.refetch()} />
        ) : !data ? (
          <p className="muted">Loading…</p>
        ) : data.items.length ? (
          <ol className="follow-up-list">
            {data.items.map((f) => (
              <li key={f.activityId} className="follow-up">
                <p className="timeline-what">
                  <time dateTime={f.followUpAt}>{formatDateTime(f.followUpAt)}</time> ·{' '}
                  <Link to={`/${f.record.kind}s/${f.record.id}`}>
                    {f.record.kind === 'lead' ? 'Lead' : 'Customer'} #{f.record.number}
                    {f.record.name ? ` — ${f.record.name}` : ''}
                  </Link>
                </p>
                <blockquote className="timeline-quote">
                  {f.kind === 'call' ? 'Call: ' : 'Note: '}
                  {f.text}
                </blockquote>
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">Nothing to follow up today. Set a follow-up when you log a note or call.</p>
        )}
      </section>
    </div>
  )
}
