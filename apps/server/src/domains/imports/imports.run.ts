import { Readable } from 'node:stream'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { CreateLeadBody, leadImportColumns } from '@tributary/contracts'
import { parse } from 'csv-parse'
import type { ImportRowError } from '../../db/schema.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { addLead, sourcesForBatch } from '../leads/leads.intake.ts'
import { queueSettingsOf } from '../queue-settings/queue-settings.service.ts'
import * as repo from './imports.repo.ts'

const BATCH_ROWS = 500
const MAX_ERRORS = 1000
// The embedded database runs in this thread, and a query's promise settles without a turn of
// the event loop: an import would hold the whole server until it ends. There, batches are small
// (a transaction holds the database whole) and each row waits for a turn of the event loop.
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

const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v)

function rowToLead(record: Record<string, string>, defaultSource: string | null) {
  const r = Object.fromEntries(Object.entries(record).map(([k, v]) => [k, blank(v)]))
  return {
    firstName: r.firstName,
    lastName: r.lastName,
    companyName: r.companyName,
    email: r.email,
    phone: r.phone,
    address: {
      street: r.street,
      city: r.city,
      region: r.region,
      postalCode: r.postalCode,
      country: r.country ?? 'US',
    },
    partnerCompanyId: r.partnerCompanyId ?? (r.externalCampaignId ? undefined : (defaultSource ?? undefined)),
    campaignId: r.campaignId,
    externalPartnerCompanyId: r.externalPartnerCompanyId,
    externalCampaignId: r.externalCampaignId,
    location: r.location,
    callCenterComments: r.callCenterComments,
    notes: r.notes,
    trustedFormCertUrl: r.trustedFormCertUrl,
    leadiDToken: r.leadiDToken,
  }
}

/**
 * The import job: streams the chunks through the CSV parser and adds leads a batch at a
 * time; each batch commits with its progress, so a retried job resumes after the last batch.
 * A bad row is reported with its row number and field; the others still import.
 */
export async function runLeadImport(ctx: AppContext, companyId: string, importId: string) {
  const imp = await repo.findImport(ctx.db, companyId, importId)
  if (!imp || imp.state === 'done' || imp.state === 'failed' || imp.state === 'uploading') return
  await repo.setState(ctx.db, companyId, importId, 'running')
  const settings = await queueSettingsOf(ctx.db, companyId)
  const actor = { kind: 'system' as const, label: `${imp.created_by_label} (CSV import)` }
  const parser = Readable.from(chunksOf(ctx, companyId, importId)).pipe(
    parse({
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
      columns: (header: string[]) => {
        const unknown = header.filter((h) => !(leadImportColumns as readonly string[]).includes(h))
        if (unknown.length) throw new Error(`Unknown columns: ${unknown.join(', ')}`)
        return header
      },
    }),
  )
  let batch: { row: number; record: Record<string, string> }[] = []
  let bytes = 0
  let done = imp.processed_rows
  const embedded = ctx.database.engine === 'pglite'
  const batchRows = embedded ? EMBEDDED_BATCH_ROWS : BATCH_ROWS

  const flush = async () => {
    const errors: ImportRowError[] = []
    let created = 0
    // Sources are read once per batch, inside its transaction.
    const findSource = sourcesForBatch()
    await ctx.db.transaction().execute(async (tx) => {
      for (const { row, record } of batch) {
        if (embedded) await nextTurn()
        const parsed = CreateLeadBody.safeParse(rowToLead(record, imp.default_partner_company_id))
        if (!parsed.success) {
          for (const issue of parsed.error.issues.slice(0, 3)) {
            errors.push({ row, path: issue.path.join('.'), message: issue.message })
          }
          continue
        }
        try {
          await addLead(tx, companyId, actor, parsed.data, {
            settings,
            via: 'import',
            notify: ctx,
            findSource,
          })
          created++
        } catch (error) {
          if (!(error instanceof AppError)) throw error
          const field = error.details.errors?.[0]
          errors.push({ row, ...(field && { path: field.path }), message: field?.message ?? error.message })
        }
      }
      const recorded = await repo.recordProgress(tx, companyId, importId, {
        after: done,
        rows: batch.length,
        created,
        failed: batch.length - created,
        bytes,
        errors,
        maxErrors: MAX_ERRORS,
      })
      if (!recorded) throw new Error('Another run of this import has moved on')
    })
    done += batch.length
    batch = []
  }
  try {
    let row = 0
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>
      info: { bytes: number }
    }>) {
      row++
      if (row <= imp.processed_rows) continue
      bytes = info.bytes
      batch.push({ row, record })
      if (batch.length >= batchRows) await flush()
    }
    if (batch.length) await flush()
  } catch (error) {
    // A broken file fails the import for good; anything else is thrown, so the job retries.
    const brokenFile =
      error instanceof Error &&
      ((error as { code?: string }).code?.startsWith('CSV_') || error.message.startsWith('Unknown columns'))
    if (!brokenFile) throw error
    await repo.setState(ctx.db, companyId, importId, 'failed', { failure: error.message })
    return
  }
  await repo.setState(ctx.db, companyId, importId, 'done')
}
