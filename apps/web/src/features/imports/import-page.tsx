import { useQuery, useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useEffect, useId, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { errorMessage, getAll } from '../../app/api.ts'
import { FieldError, FormAlert, SelectField } from '../../app/form.tsx'
import { FormCheckError } from '../../app/form-errors.ts'
import { formatDateTime } from '../../app/format.ts'
import { ListBody } from '../../app/list-body.tsx'
import { useKeysetList } from '../../app/use-keyset-list.ts'
import { useSubmit } from '../../app/use-submit.ts'
import { ErrorView } from '../errors/error-view.tsx'
import type { PartnerCompany } from '../partner-companies/partner-companies.api.ts'
import { previewCsv } from './csv-preview.ts'
import {
  columnLabels,
  errorsCsvUrl,
  getImport,
  getImportMapping,
  type ImportState,
  importColumns,
  importLeads,
  type LeadImport,
  listImports,
  mapHeaders,
} from './imports.api.ts'
import './import.css'

const POLL_MS = 1000
/** Enough of the file for its header and first rows. */
const PREVIEW_BYTES = 64 * 1024
const finished = (state: ImportState) => state === 'done' || state === 'failed'

/**
 * Leads → Import CSV: choose a file, map each of its columns to a lead field or ignore it (the
 * first five rows shown, the columns mapped from their headers and the company's last choices),
 * then the import's progress, polled until it is done, with its counts, the rows it refused and
 * errors.csv. The import's id stays in the address (`?import=…`), so a reload keeps following it.
 * Below the form, the past imports.
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
        <>
          <UploadFlow onStarted={(started) => setParams({ import: started.id }, { replace: true })} />
          <PastImports />
        </>
      )}
    </div>
  )
}

type Preview = { file: File; source: string; header: string[]; rows: string[][] }

function UploadFlow({ onStarted }: { onStarted: (started: LeadImport) => void }) {
  const [preview, setPreview] = useState<Preview | null>(null)
  return preview ? (
    <MappingStep preview={preview} onBack={() => setPreview(null)} onStarted={onStarted} />
  ) : (
    <UploadForm onRead={setPreview} />
  )
}

function UploadForm({ onRead }: { onRead: (preview: Preview) => void }) {
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
      const { header, rows } = previewCsv(await file.slice(0, PREVIEW_BYTES).text(), {
        whole: file.size <= PREVIEW_BYTES,
      })
      if (header.length === 0) throw new FormCheckError({ file: 'The file has no header row' })
      return { file, source, header, rows }
    },
    onDone: onRead,
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
            hint="The source of rows whose Source column is empty or missing"
          />
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Reading…' : 'Next: match the columns'}
          </button>
          <Link className="button" to="/leads">
            Cancel
          </Link>
        </div>
      </form>
      <aside className="card import-help" aria-labelledby={`${fileId}-columns`}>
        <h2 id={`${fileId}-columns`}>Columns</h2>
        <p className="muted">
          The first row names the columns, in any order: “First Name”, “Phone Number”, “E-mail”, “Zip”,
          “State”, “Source” (a source's name or id) and the like are recognised, and you match or ignore each
          column before the import starts. Each row is checked like a lead added by hand, and a duplicate is
          refused. These are the fields:
        </p>
        <ul className="column-list">
          {importColumns.map((column) => (
            <li key={column}>{columnLabels[column]}</li>
          ))}
        </ul>
      </aside>
    </div>
  )
}

/** Each column of the file beside its first values, with the lead field it fills (or none). */
function MappingStep({
  preview,
  onBack,
  onStarted,
}: {
  preview: Preview
  onBack: () => void
  onStarted: (started: LeadImport) => void
}) {
  const queryClient = useQueryClient()
  const remembered = useQuery({
    queryKey: ['imports', 'mapping'],
    queryFn: ({ signal }) => getImportMapping(signal),
  })
  const [chosen, setChosen] = useState<(string | null)[] | null>(null)
  const columns = chosen ?? mapHeaders(preview.header, remembered.data?.columns)
  const choose = (index: number, field: string | null) =>
    setChosen(columns.map((f, i) => (i === index ? field : f === field && field !== null ? null : f)))
  const form = useSubmit({
    fields: [],
    send: async () => {
      if (!columns.some(Boolean)) throw new FormCheckError({}, 'Match at least one column to a field')
      try {
        return await importLeads(preview.file, preview.source || null, columns)
      } catch (error) {
        throw new FormCheckError({}, `The file was not imported: ${errorMessage(error)}`)
      }
    },
    onDone: (started) => {
      void queryClient.invalidateQueries({ queryKey: ['imports'] })
      onStarted(started)
    },
  })
  if (remembered.isPending) return <p className="muted">Loading…</p>
  const options = importColumns.map((c) => ({ value: c, label: columnLabels[c] }))
  return (
    <form className="card import-mapping" onSubmit={form.onSubmit} noValidate aria-label="Match columns">
      <h2>Match the columns of {preview.file.name}</h2>
      <p className="muted">
        Choose the lead field each column fills, or ignore it. The first {preview.rows.length} rows are shown;
        your choices are kept for the next file with these headers.
      </p>
      <FormAlert message={form.errors.form} />
      <div className="table-wrap">
        <table className="table" aria-label="Columns">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Field</th>
              {preview.rows.map((_, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the preview never reorders
                <th scope="col" key={r} className="muted">
                  Row {r + 1}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.header.map((name, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns keep their place in the file
              <tr key={i}>
                <th scope="row">{name || <span className="muted">(no name)</span>}</th>
                <td>
                  <select
                    aria-label={`Field for column ${name || i + 1}`}
                    value={columns[i] ?? ''}
                    onChange={(event) => choose(i, event.target.value || null)}
                  >
                    <option value="">Ignore this column</option>
                    {options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </td>
                {preview.rows.map((row, r) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the preview never reorders
                  <td key={r} className={columns[i] ? undefined : 'muted'}>
                    {row[i]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? 'Uploading…' : 'Start import'}
        </button>
        <button type="button" className="button" onClick={onBack}>
          Back
        </button>
      </div>
    </form>
  )
}

/** The company's imports, newest first, with their counts and refused rows. */
function PastImports() {
  const list = useKeysetList(['imports', 'list'], (cursor, signal) => listImports(cursor, signal))
  return (
    <section className="past-imports" aria-labelledby="past-imports">
      <h2 id="past-imports">Past imports</h2>
      <ListBody list={list} empty="No imports yet." count={(n) => `${n} import${n === 1 ? '' : 's'}`}>
        <div className="card table-card">
          <div className="table-wrap">
            <table className="table" aria-label="Past imports">
              <thead>
                <tr>
                  <th scope="col">Started</th>
                  <th scope="col">By</th>
                  <th scope="col">State</th>
                  <th scope="col" className="number-col">
                    Added
                  </th>
                  <th scope="col" className="number-col">
                    Refused
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Links</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((imp) => (
                  <tr key={imp.id}>
                    <td>
                      <Link to={`/leads/import?import=${imp.id}`}>{formatDateTime(imp.createdAt)}</Link>
                    </td>
                    <td>{imp.createdBy}</td>
                    <td>{stateWords[imp.state]}</td>
                    <td className="number-col">{imp.createdRows}</td>
                    <td className="number-col">{imp.failedRows}</td>
                    <td>
                      {imp.failedRows > 0 ? (
                        <a href={errorsCsvUrl(imp.id)} download>
                          errors.csv
                        </a>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </ListBody>
    </section>
  )
}

/** `address.postalCode` → "Postal code": the field as the mapping step names it. */
const fieldWords = (path: string) => {
  const field = path.split('.').pop() ?? path
  return (columnLabels as Record<string, string>)[field] ?? field
}

const stateWords: Record<ImportState, string> = {
  uploading: 'Uploading',
  queued: 'Waiting',
  running: 'Importing',
  done: 'Done',
  failed: 'Stopped',
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
  const queryClient = useQueryClient()
  const ended = job !== undefined && finished(job.state)
  // The list of past imports was read while this one was still going: its counts change at the end.
  useEffect(() => {
    if (ended) void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] })
  }, [ended, queryClient])

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
            {job.failedRows > job.errors.length ? ` The first ${job.errors.length} problems are listed.` : ''}{' '}
            <a href={errorsCsvUrl(job.id)} download>
              Download the refused rows (errors.csv)
            </a>{' '}
            to fix them and import them again.
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
                    <td>{rowError.path ? fieldWords(rowError.path) : <span className="muted">—</span>}</td>
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
