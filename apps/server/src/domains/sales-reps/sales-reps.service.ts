import type { SalesRep, SalesRepBody } from '@tributary/contracts'
import type { z } from 'zod'
import type { Conn } from '../../db/client.ts'
import { type Actor, assertPermission } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { fieldError, notFound } from '../../lib/errors.ts'
import { newId } from '../../lib/ids.ts'
import { recordAudit } from '../audit/audit.service.ts'
import * as repo from './sales-reps.repo.ts'

// External sales reps (seed 004): people outside the company who receive lead notification
// emails and never log in.

const toSalesRep = (r: repo.SalesRepRow): SalesRep => ({
  id: r.id,
  name: r.name,
  email: r.email,
  leadNotifications: r.lead_notifications,
})

export async function listSalesReps(ctx: AppContext, actor: Actor) {
  assertPermission(actor, 'manage_settings')
  return { items: (await repo.listSalesReps(ctx.db, actor.companyId)).map(toSalesRep), nextCursor: null }
}

export async function createSalesRep(ctx: AppContext, actor: Actor, input: z.infer<typeof SalesRepBody>) {
  assertPermission(actor, 'manage_settings')
  const id = newId()
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await repo.insertSalesRep(tx, actor.companyId, { id, ...input })))
      throw fieldError('email', 'A sales rep with this email already exists', 'conflict')
    await recordAudit(tx, actor, 'create', 'sales_rep', id, input)
  })
  return toSalesRep((await repo.findSalesRep(ctx.db, actor.companyId, id)) as repo.SalesRepRow)
}

export async function updateSalesRep(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof SalesRepBody>,
) {
  assertPermission(actor, 'manage_settings')
  await ctx.db.transaction().execute(async (tx) => {
    const updated = await repo.updateSalesRep(tx, actor.companyId, id, input)
    if (updated === 'taken')
      throw fieldError('email', 'A sales rep with this email already exists', 'conflict')
    if (!updated) throw notFound('Sales rep')
    await recordAudit(tx, actor, 'update', 'sales_rep', id, input)
  })
  return toSalesRep((await repo.findSalesRep(ctx.db, actor.companyId, id)) as repo.SalesRepRow)
}

export async function deleteSalesRep(ctx: AppContext, actor: Actor, id: string) {
  assertPermission(actor, 'manage_settings')
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await repo.deleteSalesRep(tx, actor.companyId, id))) throw notFound('Sales rep')
    await recordAudit(tx, actor, 'delete', 'sales_rep', id, {})
  })
}

/** Which of `ids` are not sales reps of the company. */
export async function unknownSalesReps(conn: Conn, companyId: string, ids: string[]) {
  const known = new Set((await repo.listSalesReps(conn, companyId)).map((r) => r.id))
  return ids.filter((id) => !known.has(id))
}

export const salesRepRecipients = async (conn: Conn, companyId: string) =>
  (await repo.listSalesReps(conn, companyId)).filter((r) => r.lead_notifications).map(toSalesRep)

export const setSalesRepRecipients = (conn: Conn, companyId: string, ids: string[]) =>
  repo.setRecipients(conn, companyId, ids)
