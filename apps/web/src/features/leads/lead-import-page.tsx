import { useQuery } from '@tanstack/react-query'
import { type ReactNode, useId, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { errorMessage, getAll } from '../../app/api.ts'
import { FieldError, FormAlert, SelectField } from '../../app/form.tsx'
import { FormCheckError } from '../../app/form-errors.ts'
import { formatDateTime } from '../../app/format.ts'
import { useSubmit } from '../../app/use-submit.ts'
import { ErrorView } from '../errors/error-view.tsx'
import type { PartnerCompany } from '../partner-companies/partner-companies.api.ts'
import { getImport, importColumns, importLeads, type LeadImport } from './leads.api.ts'
import './lead-import.css'

const POLL_MS = 1000
const finished = (state: LeadImport['state']) => state === 'done' || state === 'failed'

/**
 * Leads → Import CSV: a file with a header row of lead field names, uploaded as it is; then the
 * import's progress, polled until it is done, with its counts and the rows it refused. The
 * import's id stays in the address (`?import=…`), so a reload keeps following it.
 */
export function LeadImportPage() {
  const [params, setParams] = useSearchParams()
  const importId = params.get('import')
  return (
    <div className="page">
      <title>Import leads · Tributary</title>
      <header className="page-header">
        <p className="breadcrumb">
          <Link to="/leads">Leads</Link>
        </p>
        <h1>Import leads</h1>
      </header>
      {importId ? (
        <ImportProgress key={importId} id={importId} onAnother={() => setParams({}, { replace: true })} />
      ) : (
        <UploadForm onStarted={(started) => setParams({ import: started.id }, { replace: true })} />
      )}
    </div>
  )
}

function UploadForm({ onStarted }: { onStarted: (started: LeadImport) => void }) {
  const fileId = useId()
  const sources = useQuery({
    queryKey: ['import-sources'],
    queryFn: ({ signal }) =>
      getAll<PartnerCompany>('/api/v1/partner-companies?sellsLeads=true&active=true', signal),
  })
  const [file, setFile] = useState<File | null>(null)
  const [source, setSource] = useState('')
  const form = useSubmit({
    fields: ['file'],
    send: async () => {
      if (!file) throw new FormCheckError({ file: 'Choose a CSV file' })
      try {
        return await importLeads(file, source || null)
      } catch (error) {
        throw new FormCheckError({}, `The file was not imported: ${errorMessage(error)}`)
      }
    },
    onDone: onStarted,
  })
  const { busy } = form
  const failure = form.errors.form
  const fileError = form.errors.fields.file

  const options = (sources.data ?? [])
    .filter((p) => p.sellsLeads.enabled && p.active)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => ({ value: p.id, label: p.name }))

  return (
    <div className="import-layout">
      <form className="card form-card" onSubmit={form.onSubmit} noValidate aria-label="Import leads">
        <FormAlert message={failure} />
        <div className={fileError ? 'field has-error' : 'field'}>
          <label htmlFor={fileId}>CSV file</label>
          <input
            id={fileId}
            type="file"
            name="file"
            accept=".csv,text/csv"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${fileId}-error` : `${fileId}-hint`}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null)
              form.changed('file')
            }}
          />
          <p className="field-hint" id={`${fileId}-hint`}>
            {file
              ? `${file.name}, ${formatBytes(file.size)}`
              : 'Up to 200 MB; the first row names the columns'}
          </p>
          <FieldError id={`${fileId}-error`} message={fileError} />
        </div>
        {sources.error && !sources.data ? (
          <ErrorView error={sources.error} onRetry={() => void sources.refetch()} />
        ) : (
          <SelectField
            label="Default source"
            name="partnerCompanyId"
            value={source}
            onChange={setSource}
            placeholder={sources.data ? 'None — every row names its source' : 'Loading…'}
            options={options}
            hint="The source of rows whose partnerCompanyId column is empty"
          />
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Uploading…' : 'Upload and import'}
          </button>
          <Link className="button" to="/leads">
            Cancel
          </Link>
        </div>
      </form>
      <aside className="card import-help" aria-labelledby={`${fileId}-columns`}>
        <h2 id={`${fileId}-columns`}>Columns</h2>
        <p className="muted">
          The header row names each column with one of these lead fields, in any order; other columns are
          refused. Each row is checked like a lead added by hand, and a duplicate is refused.
        </p>
        <ul className="column-list">
          {importColumns.map((column) => (
            <li key={column}>
              <code>{column}</code>
            </li>
          ))}
        </ul>
        <p className="muted">
          <code>location</code> is <code>pending</code> or <code>queue</code> (else the source's default).
        </p>
      </aside>
    </div>
  )
}

/** Follows an import until it ends: a progress bar, the counts, and the rows it refused. */
function ImportProgress({ id, onAnother }: { id: string; onAnother: () => void }) {
  const polled = useQuery({
    queryKey: ['imports', id],
    queryFn: ({ signal }) => getImport(id, signal),
    // Asked again until it ends; a failure stops the asking until Check again.
    refetchInterval: (query) =>
      query.state.error || (query.state.data && finished(query.state.data.state)) ? false : POLL_MS,
  })
  const job = polled.data
  const error = polled.error
  const checkAgain = () => void polled.refetch()

  if (error && !job) return <ErrorView error={error} onRetry={checkAgain} />
  if (!job) return <p className="muted">Loading…</p>

  const percent = Math.round(Math.min(1, Math.max(0, job.progress)) * 100)
  const done = finished(job.state)
  let status: ReactNode
  if (job.state === 'done') status = `Done: ${job.createdRows} added, ${job.failedRows} refused.`
  else if (job.state === 'failed') status = `The import stopped: ${job.failure ?? 'unknown failure'}`
  else if (job.state === 'running') status = `Importing… ${percent}%`
  else status = 'Waiting to start…'

  return (
    <section className="card import-progress" aria-labelledby="import-status">
      <h2 id="import-status" className={job.state === 'failed' ? 'import-failed' : undefined}>
        {status}
      </h2>
      <progress className="progress" max={100} value={percent} aria-label="Import progress">
        {percent}%
      </progress>
      {error ? (
        <p className="field-error" role="alert">
          Lost touch with the server ({errorMessage(error)}); the import goes on.{' '}
          <button type="button" className="button button-small" onClick={checkAgain}>
            Check again
          </button>
        </p>
      ) : null}
      <dl className="import-counts">
        <div>
          <dt>Rows read</dt>
          <dd data-testid="processed-rows">{job.processedRows}</dd>
        </div>
        <div>
          <dt>Added</dt>
          <dd data-testid="created-rows">{job.createdRows}</dd>
        </div>
        <div>
          <dt>Refused</dt>
          <dd data-testid="failed-rows">{job.failedRows}</dd>
        </div>
      </dl>
      <p className="muted">
        Started {formatDateTime(job.createdAt)}
        {job.finishedAt ? `, finished ${formatDateTime(job.finishedAt)}` : ''}.
      </p>
      {job.errors.length ? (
        <>
          <h3>Rows refused</h3>
          <p className="muted">
            Rows are counted from the first one after the header.
            {job.failedRows > job.errors.length ? ` The first ${job.errors.length} problems are listed.` : ''}
          </p>
          <div className="table-wrap">
            <table className="table" aria-label="Row errors">
              <thead>
                <tr>
                  <th scope="col" className="number-col">
                    Row
                  </th>
                  <th scope="col">Field</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {job.errors.map((rowError, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a row may have several errors; the list never reorders
                  <tr key={index}>
                    <td className="number-col">{rowError.row}</td>
                    <td>{rowError.path ? <code>{rowError.path}</code> : <span className="muted">—</span>}</td>
                    <td>{rowError.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {done ? (
        <div className="form-actions form-actions-bar">
          <Link className="button button-primary" to="/leads?tab=all">
            See the leads
          </Link>
          <button type="button" className="button" onClick={onAnother}>
            Import another file
          </button>
        </div>
      ) : null}
    </section>
  )
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
