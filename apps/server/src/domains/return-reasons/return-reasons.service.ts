import type { ReturnReason, ReturnReasonBody, ReturnReasonPatch } from '@tributary/contracts'
import type { z } from 'zod'
import type { Conn } from '../../db/client.ts'
import { type Actor, assertPermission } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError, fieldError, notFound } from '../../lib/errors.ts'
import { newId } from '../../lib/ids.ts'
import { recordAudit } from '../audit/audit.service.ts'
import * as repo from './return-reasons.repo.ts'

export const defaultReturnReasons = [
  'Wrong or disconnected number',
  'Not interested',
  'Did not request contact',
  'Duplicate',
  'Outside service area',
]

/** Every new company starts with the common reasons; admins edit the list. */
export const addDefaultReturnReasons = (conn: Conn, companyId: string) =>
  repo.insertReturnReasons(
    conn,
    companyId,
    defaultReturnReasons.map((name, i) => ({ id: newId(), name, position: i + 1 })),
  )

/** The reason as the company spells it; a reason not on the list is refused. */
export async function resolveReturnReason(conn: Conn, companyId: string, reason: string): Promise<string> {
  const found = await repo.findReturnReasonByName(conn, companyId, reason)
  if (!found) throw fieldError('reason', 'Not one of the company’s return reasons', 'unprocessable')
  return found.name
}

export async function listReturnReasons(ctx: AppContext, actor: Actor) {
  return { items: await repo.listReturnReasons(ctx.db, actor.companyId), nextCursor: null }
}

async function assertNameFree(conn: Conn, companyId: string, name: string, exceptId?: string) {
  const other = await repo.findReturnReasonByName(conn, companyId, name)
  if (other && other.id !== exceptId)
    throw fieldError('name', 'This reason is already on the list', 'conflict')
}

export async function createReturnReason(
  ctx: AppContext,
  actor: Actor,
  input: z.infer<typeof ReturnReasonBody>,
): Promise<ReturnReason> {
  assertPermission(actor, 'manage_settings')
  return ctx.db.transaction().execute(async (tx) => {
    await assertNameFree(tx, actor.companyId, input.name)
    const reason = { id: newId(), name: input.name, position: input.position ?? 100 }
    await repo.insertReturnReasons(tx, actor.companyId, [reason])
    await recordAudit(tx, actor, 'create', 'return_reason', reason.id, input)
    return reason
  })
}

export async function updateReturnReason(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof ReturnReasonPatch>,
): Promise<ReturnReason> {
  assertPermission(actor, 'manage_settings')
  return ctx.db.transaction().execute(async (tx) => {
    if (!(await repo.findReturnReason(tx, actor.companyId, id))) throw notFound('Return reason')
    if (input.name !== undefined) await assertNameFree(tx, actor.companyId, input.name, id)
    await repo.updateReturnReason(tx, actor.companyId, id, input)
    await recordAudit(tx, actor, 'update', 'return_reason', id, input)
    return (await repo.findReturnReason(tx, actor.companyId, id)) as ReturnReason
  })
}

export async function deleteReturnReason(ctx: AppContext, actor: Actor, id: string) {
  assertPermission(actor, 'manage_settings')
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await repo.findReturnReason(tx, actor.companyId, id))) throw notFound('Return reason')
    if ((await repo.listReturnReasons(tx, actor.companyId)).length === 1) {
      throw new AppError('conflict', 'Keep at least one return reason')
    }
    await repo.deleteReturnReason(tx, actor.companyId, id)
    await recordAudit(tx, actor, 'delete', 'return_reason', id)
  })
}
