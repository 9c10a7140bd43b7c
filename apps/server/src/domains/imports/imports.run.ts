import { Readable } from 'node:stream'
import { setTimeout as nextTurn } from 'node:timers/promises'
import { type LeadImportColumn, mapHeaders, normaliseHeader } from '@tributary/contracts'
import { parse } from 'csv-parse'
import type { ImportRowError } from '../../db/schema.ts'
import type { AppContext } from '../../lib/context.ts'
import { addImportedLeads, type ImportedRow, notifyImportedLeads } from '../leads/leads.import.ts'
import { queueSettingsOf } from '../queue-settings/queue-settings.service.ts'
import * as repo from './imports.repo.ts'

// A batch locks up to three duplicate keys per row (advisory locks share PostgreSQL's lock table).
const BATCH_ROWS = 500
const MAX_ERRORS = 1000
// The embedded database runs in this thread, and a query's promise settles without a turn of
// the event loop: an import would hold the whole server until it ends. There, batches are small
// (a transaction holds the database whole, ~100 ms at most), and the loop turns before each batch
// and between its statements (a request, and an in-process client, need a few turns each).
const EMBEDDED_BATCH_ROWS = 50

/** Uploads with no new chunk for this long were cut off (their server was killed mid-file). */
export const UPLOAD_IDLE_SECONDS = 15 * 60

export async function expireStalledUploads(ctx: AppContext) {
  const expired = await repo.expireStalledUploads(
    ctx.db,
    UPLOAD_IDLE_SECONDS,
    'The upload stopped before the end of the file; send the file again',
  )
  if (expired > 0) ctx.log.warn({ expired }, 'stalled uploads given up')
}

async function* chunksOf(ctx: AppContext, companyId: string, importId: string) {
  for (let seq = 0; ; seq++) {
    const chunk = await repo.readChunk(ctx.db, companyId, importId, seq)
    if (!chunk) return
    yield chunk.data
  }
}

/** A data row of the file: its number (1 = the first after the header), text as uploaded and values. */
type FileRow = { row: number; raw: string; values: string[] }

const asUploaded = (raw: string) => raw.replace(/[\r\n]+$/, '')

/**
 * The field of each column: the mapping chosen on upload, else the field each header names.
 * A broken mapping or an unknown header fails the import (thrown as a plain-words Error).
 */
function columnsOf(header: string[], chosen: (string | null)[] | null): (LeadImportColumn | null)[] {
  if (chosen) {
    if (chosen.length !== header.length) {
      throw new FileProblem(`The mapping names ${chosen.length} columns but the file has ${header.length}`)
    }
    return chosen as (LeadImportColumn | null)[]
  }
  const fields = mapHeaders(header)
  const unknown = header.filter((_, i) => fields[i] === null)
  if (unknown.length) {
    throw new FileProblem(
      `Unknown columns: ${unknown.join(', ')}. Name each column with a lead field (such as First Name, ` +
        'Phone Number, E-mail, Zip, State or Source), or map the columns to fields on the import page',
    )
  }
  return fields
}

/** A problem of the whole file: the import fails for good. */
class FileProblem extends Error {}

/**
 * The import job: streams the chunks through the CSV parser and adds leads a batch at a time
 * (leads.import: every problem of each row, duplicates found set-based, survivors inserted in
 * one statement); each batch commits with its progress and refused rows, so a retried job
 * resumes after the last batch. At the end, one purchase notification per source.
 */
export async function runLeadImport(ctx: AppContext, companyId: string, importId: string) {
  const imp = await repo.findImport(ctx.db, companyId, importId)
  if (!imp || imp.state === 'done' || imp.state === 'failed' || imp.state === 'uploading') return
  await repo.setState(ctx.db, companyId, importId, 'running')
  const settings = await queueSettingsOf(ctx.db, companyId)
  const actor = { kind: 'system' as const, label: `${imp.created_by_label} (CSV import)` }
  const parser = Readable.from(chunksOf(ctx, companyId, importId)).pipe(
    parse({ bom: true, trim: true, skip_empty_lines: true, info: true, raw: true, relax_column_count: true }),
  )
  let columns: (LeadImportColumn | null)[] = []
  let batch: FileRow[] = []
  let bytes = 0
  let done = imp.processed_rows
  const embedded = ctx.database.engine === 'pglite'
  const batchRows = embedded ? EMBEDDED_BATCH_ROWS : BATCH_ROWS
  const pause = embedded ? () => nextTurn() : undefined

  const flush = async () => {
    if (pause) await pause()
    const rows: ImportedRow[] = []
    const refused: { row: number; raw: string; errors: ImportRowError[] }[] = []
    const raws = new Map<number, string>()
    for (const { row, raw, values } of batch) {
      raws.set(row, raw)
      if (values.length !== columns.length) {
        const message = `This row has ${values.length} values but the header has ${columns.length} columns`
        refused.push({ row, raw, errors: [{ row, message }] })
        continue
      }
      const fields: ImportedRow['values'] = {}
      columns.forEach((field, i) => {
        if (field) fields[field] = values[i]
      })
      rows.push({ row, values: fields })
    }
    await ctx.db.transaction().execute(async (tx) => {
      const outcome = await addImportedLeads(tx, companyId, actor, rows, {
        settings,
        defaultSource: imp.default_partner_company_id,
        notify: ctx,
        pause,
      })
      for (const r of outcome.refused) {
        refused.push({
          row: r.row,
          raw: raws.get(r.row) ?? '',
          errors: r.problems.map((p) => ({
            row: r.row,
            ...(p.path && { path: p.path }),
            message: p.message,
          })),
        })
      }
      refused.sort((a, b) => a.row - b.row)
      await repo.insertRefusedRows(tx, companyId, importId, refused)
      const created = [...outcome.created.values()].reduce((a, b) => a + b, 0)
      const recorded = await repo.recordProgress(tx, companyId, importId, {
        after: done,
        rows: batch.length,
        created,
        failed: batch.length - created,
        bytes,
        errors: refused.flatMap((r) => r.errors),
        maxErrors: MAX_ERRORS,
        createdBySource: Object.fromEntries(outcome.created),
      })
      if (!recorded) throw new Error('Another run of this import has moved on')
    })
    done += batch.length
    batch = []
  }
  try {
    let row = -1
    for await (const { record, info, raw } of parser as AsyncIterable<{
      record: string[]
      raw: string
      info: { bytes: number }
    }>) {
      row++
      if (row === 0) {
        columns = columnsOf(record, imp.columns)
        if (imp.header === null) await rememberHeader(ctx, imp, record, asUploaded(raw))
        continue
      }
      if (row <= imp.processed_rows) continue
      bytes = info.bytes
      batch.push({ row, raw: asUploaded(raw), values: record })
      if (batch.length >= batchRows) await flush()
    }
    if (batch.length) await flush()
  } catch (error) {
    // A broken file fails the import for good; anything else is thrown, so the job retries.
    const brokenFile =
      error instanceof FileProblem ||
      (error instanceof Error && (error as { code?: string }).code?.startsWith('CSV_'))
    if (!brokenFile) throw error
    await repo.setState(ctx.db, companyId, importId, 'failed', { failure: error.message })
    return
  }
  await ctx.db.transaction().execute(async (tx) => {
    const created = await repo.finishImport(tx, companyId, importId)
    if (created) await notifyImportedLeads(tx, ctx, companyId, created)
  })
}

/** Keeps the header as uploaded, and the mapping chosen for it, for the company's next import. */
async function rememberHeader(ctx: AppContext, imp: repo.ImportRow, header: string[], raw: string) {
  await ctx.db.transaction().execute(async (tx) => {
    await repo.setHeader(tx, imp.company_id, imp.id, raw)
    const chosen = imp.columns
    if (chosen) {
      await repo.rememberMapping(
        tx,
        imp.company_id,
        Object.fromEntries(header.map((h, i) => [normaliseHeader(h), chosen[i] ?? null])),
      )
    }
  })
}
