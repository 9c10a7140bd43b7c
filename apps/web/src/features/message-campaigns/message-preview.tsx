import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { ApiError, errorMessage } from '../../app/api.ts'
import { useDebounced } from '../../app/use-debounced.ts'
import { type MessagePreview, previewMessage } from './message-campaigns.api.ts'

export type PreviewState = {
  preview: MessagePreview | null
  /** Problems the server found in the text, by field (`subject`, `body`): unknown placeholders, syntax. */
  fieldErrors: Record<string, string>
  failure: string | null
  pending: boolean
}

/**
 * Renders the unsaved subject and body with sample data, a moment after typing stops.
 * `throughId` is the campaign whose preview route is used: the one being edited, or for a new
 * one any saved campaign, since the text sent replaces the saved text entirely.
 */
export function useLivePreview(throughId: string | null, subject: string, body: string): PreviewState {
  // Strings, so that the same text is the same value and the wait ends.
  const text = { subject: useDebounced(subject, 400), body: useDebounced(body, 400) }
  const preview = useQuery({
    queryKey: ['message-campaigns', throughId, 'preview', text],
    queryFn: ({ signal }) => previewMessage(throughId ?? '', text, signal),
    enabled: throughId !== null,
    // The last preview stays while the next renders; a template error is an answer, not a hiccup.
    placeholderData: keepPreviousData,
    retry: false,
  })
  const error = preview.error
  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {}
  return {
    preview: error ? null : (preview.data ?? null),
    fieldErrors,
    failure: error && !Object.keys(fieldErrors).length ? errorMessage(error) : null,
    pending: throughId !== null && (preview.isFetching || text.subject !== subject || text.body !== body),
  }
}

/**
 * The server's HTML rendering of the body, in a sandboxed frame: no scripts run and nothing is
 * fetched, whatever markup the template itself contains (the server escapes only the values).
 */
export function htmlDocument(html: string): string {
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<style>body{font:14px/1.5 system-ui,sans-serif;color:#1d2533;margin:12px}</style>',
    `</head><body>${html}</body></html>`,
  ].join('')
}

export function MessagePreviewPanel({ state, available }: { state: PreviewState; available: boolean }) {
  const [view, setView] = useState<'html' | 'text'>('html')
  return (
    <section className="preview-panel" aria-label="Preview">
      <div className="preview-header">
        <h3>Preview</h3>
        <span className="muted preview-status" aria-live="polite">
          {state.pending ? 'Updating…' : available ? 'With sample data' : ''}
        </span>
      </div>
      {!available ? (
        <p className="muted">Save the message campaign to see its preview.</p>
      ) : state.failure ? (
        <p className="alert alert-error" role="alert">
          {state.failure}
        </p>
      ) : Object.keys(state.fieldErrors).length ? (
        <p className="muted">Fix the template errors marked beside the fields to see the preview.</p>
      ) : state.preview ? (
        <>
          <p className="preview-subject">
            <span className="muted">Subject:</span>{' '}
            <strong data-testid="preview-subject">{state.preview.subject}</strong>
          </p>
          <div className="segmented" role="tablist" aria-label="Preview format">
            {(['html', 'text'] as const).map((format) => (
              <button
                key={format}
                type="button"
                role="tab"
                aria-selected={view === format}
                className={view === format ? 'segment is-on' : 'segment'}
                onClick={() => setView(format)}
              >
                {format === 'html' ? 'HTML' : 'Text'}
              </button>
            ))}
          </div>
          {view === 'html' ? (
            <iframe
              className="preview-frame"
              title="HTML preview"
              sandbox=""
              srcDoc={htmlDocument(state.preview.html)}
            />
          ) : (
            <pre className="preview-text" data-testid="preview-text">
              {state.preview.text}
            </pre>
          )}
        </>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </section>
  )
}
