import type { Import } from '@tributary/contracts'
import { type Actor, assertPermission } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError, notFound } from '../../lib/errors.ts'
import { newId } from '../../lib/ids.ts'
import { runImport } from './imports.jobs.ts'
import * as repo from './imports.repo.ts'

const CHUNK_BYTES = 256 * 1024
const MAX_BYTES = 200 * 1024 * 1024

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
): Promise<Import> {
  assertPermission(actor, 'create_leads')
  const id = newId()
  const companyId = actor.companyId
  await repo.insertImport(ctx.db, companyId, {
    id,
    createdBy: actor.userId,
    createdByLabel: actor.label,
    defaultPartnerCompanyId: defaultPartnerCompanyId ?? null,
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
