import { Readable } from 'node:stream'
import { type Import, type ImportList, type ImportMapping, leadImportColumns } from '@tributary/contracts'
import { type Actor, assertPermission } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { idAfter, toPage } from '../../lib/cursor.ts'
import { AppError, fieldError, notFound } from '../../lib/errors.ts'
import { newId } from '../../lib/ids.ts'
import { runImport } from './imports.jobs.ts'
import * as repo from './imports.repo.ts'

const CHUNK_BYTES = 256 * 1024
const MAX_BYTES = 200 * 1024 * 1024

const toSummary = (r: repo.ImportRow) => {
  const { errors: _, ...summary } = toImport(r)
  return summary
}

function toImport(r: repo.ImportRow): Import {
  return {
    id: r.id,
    kind: r.kind,
    state: r.state,
    progress:
      r.state === 'done' ? 1 : Number(r.total_bytes) ? Number(r.processed_bytes) / Number(r.total_bytes) : 0,
    processedRows: r.processed_rows,
    createdRows: r.created_rows,
    failedRows: r.failed_rows,
    errors: r.errors,
    failure: r.failure,
    createdBy: r.created_by_label,
    createdAt: r.created_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
  }
}

export async function getImport(ctx: AppContext, actor: Actor, id: string): Promise<Import> {
  assertPermission(actor, 'create_leads')
  const row = await repo.findImport(ctx.db, actor.companyId, id)
  if (!row) throw notFound('Import')
  return toImport(row)
}

/**
 * Stores the uploaded CSV in chunks as it arrives (never the whole file in memory, and no
 * long transaction), then queues the import job in the same transaction that marks it queued.
 */
export async function startLeadImport(
  ctx: AppContext,
  actor: Actor,
  body: AsyncIterable<Buffer>,
  defaultPartnerCompanyId: string | undefined,
  columns: string | undefined,
): Promise<Import> {
  assertPermission(actor, 'create_leads')
  const mapping = columns === undefined ? null : parseColumns(columns)
  const id = newId()
  const companyId = actor.companyId
  await repo.insertImport(ctx.db, companyId, {
    id,
    createdBy: actor.userId,
    createdByLabel: actor.label,
    defaultPartnerCompanyId: defaultPartnerCompanyId ?? null,
    columns: mapping,
  })
  try {
    let pending: Buffer[] = []
    let pendingBytes = 0
    let total = 0
    let seq = 0
    const flush = async () => {
      if (pendingBytes === 0) return
      await repo.insertChunk(ctx.db, companyId, id, seq++, Buffer.concat(pending))
      pending = []
      pendingBytes = 0
    }
    for await (const part of body) {
      total += part.length
      if (total > MAX_BYTES)
        throw new AppError('too-large', `A CSV import may be at most ${MAX_BYTES / 1024 / 1024} MiB`)
      pending.push(part)
      pendingBytes += part.length
      if (pendingBytes >= CHUNK_BYTES) await flush()
    }
    await flush()
    if (total === 0) throw new AppError('bad-request', 'The CSV file is empty')
    await ctx.db.transaction().execute(async (tx) => {
      if (!(await repo.markQueued(tx, companyId, id, total))) {
        throw new AppError('conflict', 'The upload took too long and was given up; send the file again')
      }
      await ctx.jobs.send(tx, runImport, { companyId, importId: id })
    })
  } catch (error) {
    await repo.deleteImport(ctx.db, companyId, id)
    throw error
  }
  return getImport(ctx, actor, id)
}

/** `firstName,,phone` → the field of each column (null: ignored); a 400 for a field that is not one. */
function parseColumns(columns: string): (string | null)[] {
  const fields = columns.split(',').map((c) => c.trim() || null)
  for (const [i, field] of fields.entries()) {
    if (field === null) continue
    if (!(leadImportColumns as readonly string[]).includes(field)) {
      throw fieldError('columns', `Column ${i + 1} is mapped to “${field}”, which is not a lead field`)
    }
    if (fields.indexOf(field) !== i) {
      throw fieldError('columns', `“${field}” is mapped to more than one column; choose one`)
    }
  }
  return fields
}

export async function listImports(
  ctx: AppContext,
  actor: Actor,
  query: { limit: number; cursor?: string },
): Promise<ImportList> {
  assertPermission(actor, 'create_leads')
  const rows = await repo.listImports(ctx.db, actor.companyId, query.limit + 1, idAfter(query.cursor))
  return toPage(rows, query.limit, (r) => [r.id], toSummary)
}

export async function getImportMapping(ctx: AppContext, actor: Actor): Promise<ImportMapping> {
  assertPermission(actor, 'create_leads')
  return { columns: await repo.findMapping(ctx.db, actor.companyId) }
}

const csvCell = (text: string) => `"${text.replace(/"/g, '""')}"`

/**
 * errors.csv: the header and the refused rows exactly as uploaded, each with an `error` column
 * naming all its problems, ready to fix and import again. Streamed a page of rows at a time.
 */
export async function importErrorsCsv(ctx: AppContext, actor: Actor, id: string) {
  assertPermission(actor, 'create_leads')
  const imp = await repo.findImport(ctx.db, actor.companyId, id)
  if (!imp) throw notFound('Import')
  const companyId = actor.companyId
  async function* lines() {
    yield `${imp?.header ? `${imp.header},` : ''}error\r\n`
    for (let after = 0; ; ) {
      const rows = await repo.refusedRows(ctx.db, companyId, id, after, 1000)
      if (rows.length === 0) return
      yield rows.map((r) => `${r.raw},${csvCell(r.errors.map((e) => e.message).join('; '))}\r\n`).join('')
      after = rows[rows.length - 1]?.row ?? after
    }
  }
  return {
    body: Readable.from(lines()),
    filename: `import-${imp.created_at.toISOString().slice(0, 10)}-errors.csv`,
  }
}
