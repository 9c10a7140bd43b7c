import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { errorMessage } from '../../app/api.ts'
import { FormAlert, SelectField, TextAreaField, TextField } from '../../app/form.tsx'
import { formatDateTime, toDateTimeLocal } from '../../app/format.ts'
import { useSubmit } from '../../app/use-submit.ts'
import type { RecordKind } from '../timeline/timeline.api.ts'
import {
  addComment,
  type CallOutcome,
  type CommentEntry,
  callOutcomeLabels,
  commentsQuery,
  logActivity,
} from './activities.api.ts'
import { type ActivityDraft, activityInput } from './activity-input.ts'
import './record-work.css'

const viaLabels: Record<CommentEntry['via'], string | null> = {
  comment: null,
  return: 'with the return',
  returned_by_buyer: "the buyer's, with its return",
  earlier: 'kept from before the history',
}

/**
 * A record's call-center comments: every entry, oldest first, with who wrote it and when. Nothing
 * is ever replaced: a new comment, and a return's, add an entry.
 */
export function CommentsCard({ kind, id, canWrite }: { kind: RecordKind; id: string; canWrite: boolean }) {
  const comments = useQuery(commentsQuery(kind, id))
  const [text, setText] = useState('')
  const form = useSubmit({
    fields: ['text'],
    send: () => addComment(kind, id, text),
    onDone: () => setText(''),
  })
  return (
    <section className="card detail-card" aria-labelledby="comments-title">
      <div className="card-header">
        <h2 id="comments-title">Call-center comments</h2>
      </div>
      {comments.error && !comments.data ? (
        <p className="field-error" role="alert">
          Could not load the comments: {errorMessage(comments.error)}
        </p>
      ) : !comments.data ? (
        <p className="muted">Loading…</p>
      ) : comments.data.length ? (
        <ol className="comment-list" aria-label="Call-center comments">
          {comments.data.map((entry) => (
            <li key={entry.id} className="comment-entry">
              <p className="comment-text">{entry.text}</p>
              <p className="timeline-meta">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> · {entry.author.label}
                {viaLabels[entry.via] ? ` · ${viaLabels[entry.via]}` : ''}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">No comments yet.</p>
      )}
      {canWrite ? (
        <form onSubmit={form.onSubmit} noValidate aria-label="Add a comment" className="work-form">
          <FormAlert message={form.errors.form} />
          <TextAreaField
            label="Add a comment"
            name="text"
            value={text}
            onChange={(value) => {
              setText(value)
              form.changed('text')
            }}
            error={form.errors.fields.text}
            rows={2}
            hint="Earlier comments stay; a source that asks for them gets a return's comments."
          />
          <div className="form-actions">
            <button type="submit" className="button" disabled={form.busy}>
              Add comment
            </button>
          </div>
        </form>
      ) : null}
    </section>
  )
}

const outcomeOptions = (Object.keys(callOutcomeLabels) as CallOutcome[]).map((value) => ({
  value,
  label: callOutcomeLabels[value],
}))

const activityFields = ['kind', 'text', 'outcome', 'durationSeconds', 'followUpAt'] as const

/** Log a note or a call, with a follow-up that lands in My follow-ups on its day. */
export function ActivityForm({ kind, id }: { kind: RecordKind; id: string }) {
  const empty: ActivityDraft = { kind: 'note', text: '', outcome: '', minutes: '', followUp: '' }
  const [draft, setDraft] = useState(empty)
  const [saved, setSaved] = useState<string | null>(null)
  const form = useSubmit({
    fields: activityFields,
    send: async () => logActivity(kind, id, activityInput(draft)),
    onDone: (activity) => {
      setDraft({ ...empty, kind: draft.kind })
      setSaved(activity.kind === 'call' ? 'Call logged.' : 'Note added.')
    },
  })
  const set = (field: keyof ActivityDraft, error: string) => (value: string) => {
    setDraft((d) => ({ ...d, [field]: value }))
    setSaved(null)
    form.changed(error)
  }
  const isCall = draft.kind === 'call'
  return (
    <section className="card detail-card" aria-labelledby="activity-title">
      <div className="card-header">
        <h2 id="activity-title">Log a note or call</h2>
      </div>
      <form onSubmit={form.onSubmit} noValidate aria-label="Log a note or call" className="work-form">
        <FormAlert message={form.errors.form} />
        {saved ? (
          <output className="alert alert-success" aria-live="polite">
            {saved}
          </output>
        ) : null}
        <div className="work-grid">
          <SelectField
            label="Kind"
            name="kind"
            value={draft.kind}
            onChange={set('kind', 'kind')}
            options={[
              { value: 'note', label: 'Note' },
              { value: 'call', label: 'Call' },
            ]}
            error={form.errors.fields.kind}
          />
          {isCall ? (
            <>
              <SelectField
                label="Outcome"
                name="outcome"
                value={draft.outcome}
                onChange={set('outcome', 'outcome')}
                placeholder="Not said"
                options={outcomeOptions}
                error={form.errors.fields.outcome}
              />
              <TextField
                label="Length (minutes)"
                name="durationSeconds"
                type="number"
                min="0"
                value={draft.minutes}
                onChange={set('minutes', 'durationSeconds')}
                error={form.errors.fields.durationSeconds}
              />
            </>
          ) : null}
          <TextField
            label="Follow up"
            name="followUpAt"
            type="datetime-local"
            min={toDateTimeLocal(new Date())}
            value={draft.followUp}
            onChange={set('followUp', 'followUpAt')}
            error={form.errors.fields.followUpAt}
            hint="Your time; listed in My follow-ups that day"
          />
        </div>
        <TextAreaField
          label={isCall ? 'How it went' : 'Note'}
          name="text"
          value={draft.text}
          onChange={set('text', 'text')}
          error={form.errors.fields.text}
          rows={2}
          required
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {isCall ? 'Log call' : 'Add note'}
          </button>
        </div>
      </form>
    </section>
  )
}
