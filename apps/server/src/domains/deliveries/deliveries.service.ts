import type { Delivery, DeliveryQuery } from '@tributary/contracts'
import type { Conn } from '../../db/client.ts'
import type { DeliveryChannel } from '../../db/schema.ts'
import { type Actor, assertPermission } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { decodeCursor, toPage } from '../../lib/cursor.ts'
import { AppError, notFound } from '../../lib/errors.ts'
import { sendDelivery } from './deliveries.jobs.ts'
import * as repo from './deliveries.repo.ts'

/** What a sale, return or handshake hands over to be delivered. */
export type DeliveryDraft = {
  id: string
  type: string
  recordKind?: 'lead' | 'customer'
  recordId?: string
  partnerCompanyId: string
  method: 'exchange' | 'email'
  channel: DeliveryChannel
  data: Record<string, unknown>
  mailId?: string | null
  priceMinor?: number | null
}

/**
 * Writes the deliveries in the caller's transaction, with a send job for each exchange one:
 * a delivery exists, and goes out, only if the sale (or return) that causes it commits.
 */
export async function queueDeliveries(
  conn: Conn,
  ctx: AppContext,
  companyId: string,
  drafts: DeliveryDraft[],
) {
  await repo.insertDeliveries(
    conn,
    companyId,
    drafts.map((d) => ({
      id: d.id,
      type: d.type,
      record_kind: d.recordKind ?? null,
      record_id: d.recordId ?? null,
      partner_company_id: d.partnerCompanyId,
      method: d.method,
      channel: d.channel,
      data: JSON.stringify(d.data),
      mail_id: d.mailId ?? null,
      price_minor: d.priceMinor ?? null,
      next_attempt_at: d.method === 'exchange' ? new Date() : null,
      remote_id: null,
      last_error: null,
      delivered_at: null,
    })),
  )
  const sends = drafts.filter((d) => d.method === 'exchange').map((d) => ({ companyId, deliveryId: d.id }))
  await ctx.jobs.sendMany(conn, sendDelivery, sends)
}

function assertMaySee(actor: Actor) {
  if (actor.kind === 'user' && actor.permissions.has('manage_partner_companies')) return
  assertPermission(actor, 'sell_leads')
}

type ListedRow = Awaited<ReturnType<typeof repo.listDeliveries>>[number]
type AttemptRow = Awaited<ReturnType<typeof repo.attemptsOf>>[number]

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString())

function toDelivery(r: ListedRow, attempts: AttemptRow[]): Delivery {
  return {
    id: r.id,
    kind: r.type,
    recordKind: r.record_kind,
    recordId: r.record_id,
    partnerCompanyId: r.partner_company_id,
    partnerCompanyName: r.partner_name,
    method: r.method,
    state: r.effective_state,
    attempts: attempts.map((a) => ({ at: a.at.toISOString(), status: a.status, error: a.error })),
    nextAttemptAt:
      r.effective_state === 'retrying' || r.effective_state === 'pending' ? iso(r.next_attempt_at) : null,
    lastError: r.error,
    remoteId: r.remote_id,
    createdAt: r.created_at.toISOString(),
    deliveredAt: iso(r.done_at),
  }
}

async function present(conn: Conn, companyId: string, rows: ListedRow[]) {
  const attempts = await repo.attemptsOf(
    conn,
    companyId,
    rows.map((r) => r.id),
  )
  return rows.map((r) =>
    toDelivery(
      r,
      attempts.filter((a) => a.delivery_id === r.id),
    ),
  )
}

export async function listDeliveries(ctx: AppContext, actor: Actor, query: DeliveryQuery) {
  assertMaySee(actor)
  const after = query.cursor ? decodeCursor(query.cursor, ['time', 'uuid']) : undefined
  const rows = await repo.listDeliveries(
    ctx.db,
    actor.companyId,
    { state: query.state, partnerCompanyId: query.partnerCompanyId, recordId: query.recordId },
    query.limit + 1,
    after,
  )
  const page = toPage(
    rows,
    query.limit,
    (r) => [r.created_key, r.id],
    (r) => r,
  )
  return { items: await present(ctx.db, actor.companyId, page.items), nextCursor: page.nextCursor }
}

async function loadOne(conn: Conn, companyId: string, id: string) {
  const [row] = await repo.listDeliveries(conn, companyId, { id }, 1)
  if (!row) throw notFound('Delivery')
  return row
}

export async function getDelivery(ctx: AppContext, actor: Actor, id: string): Promise<Delivery> {
  assertMaySee(actor)
  const row = await loadOne(ctx.db, actor.companyId, id)
  return (await present(ctx.db, actor.companyId, [row]))[0] as Delivery
}

/** Retry by hand: a failed or waiting exchange delivery is attempted again at once. */
export async function retryDelivery(ctx: AppContext, actor: Actor, id: string): Promise<Delivery> {
  assertPermission(actor, 'sell_leads')
  await ctx.db.transaction().execute(async (tx) => {
    const d = await repo.lockDelivery(tx, actor.companyId, id)
    if (!d) throw notFound('Delivery')
    if (d.method !== 'exchange')
      throw new AppError('conflict', 'An email delivery is retried from the mail log')
    if (d.state === 'delivered')
      throw new AppError('conflict', 'This delivery has arrived; there is nothing to retry')
    await repo.restart(tx, actor.companyId, id)
    await ctx.jobs.send(tx, sendDelivery, { companyId: actor.companyId, deliveryId: id })
  })
  return getDelivery(ctx, actor, id)
}

export const lastDeliveryTo = (conn: Conn, companyId: string, partnerCompanyId: string) =>
  repo.lastDeliveryTo(conn, companyId, partnerCompanyId)
