import { type Insertable, type Selectable, sql } from 'kysely'
import type { Conn } from '../../db/client.ts'
import type { DeliveriesTable, DeliveryState } from '../../db/schema.ts'

export type DeliveryRow = Selectable<DeliveriesTable>
export type NewDelivery = Omit<Insertable<DeliveriesTable>, 'company_id'>

export async function insertDeliveries(conn: Conn, companyId: string, rows: NewDelivery[]) {
  if (rows.length === 0) return
  await conn
    .insertInto('deliveries')
    .values(rows.map((r) => ({ ...r, company_id: companyId })))
    .execute()
}

/** The deliveries of a batch of jobs, in one read. */
export async function findDeliveries(conn: Conn, keys: { companyId: string; deliveryId: string }[]) {
  if (keys.length === 0) return []
  return conn
    .selectFrom('deliveries')
    .where('id', '=', sql<string>`any(${keys.map((k) => k.deliveryId)}::uuid[])`)
    .where('company_id', '=', sql<string>`any(${[...new Set(keys.map((k) => k.companyId))]}::uuid[])`)
    .selectAll()
    .execute()
}

export const lockDelivery = (conn: Conn, companyId: string, id: string) =>
  conn
    .selectFrom('deliveries')
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .selectAll()
    .forUpdate()
    .executeTakeFirst()

export type DeliveryFilter = {
  id?: string
  state?: DeliveryState
  partnerCompanyId?: string
  recordId?: string
}

/**
 * Newest first, with the partner's name; an email delivery's state is its mail's state
 * (queued → pending, sent or logged → delivered), so the two can never disagree.
 */
export function listDeliveries(
  conn: Conn,
  companyId: string,
  filter: DeliveryFilter,
  limit: number,
  after?: readonly [string, string],
) {
  const state = sql<DeliveryState>`case when d.method = 'email' then
      case m.state when 'queued' then 'pending' when 'retrying' then 'retrying' when 'failed' then 'failed'
        else 'delivered' end
      else d.state end`
  let query = conn
    .selectFrom('deliveries as d')
    .innerJoin('partner_companies as p', (j) =>
      j.onRef('p.company_id', '=', 'd.company_id').onRef('p.id', '=', 'd.partner_company_id'),
    )
    .leftJoin('mail as m', (j) =>
      j.onRef('m.company_id', '=', 'd.company_id').onRef('m.id', '=', 'd.mail_id'),
    )
    .where('d.company_id', '=', companyId)
    .selectAll('d')
    .select([
      'p.name as partner_name',
      state.as('effective_state'),
      sql<string>`to_char(d.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'created_key',
      ),
      sql<string | null>`coalesce(d.delivered_at, m.sent_at)`.as('done_at'),
      sql<string | null>`coalesce(d.last_error, m.error)`.as('error'),
    ])
  if (filter.id) query = query.where('d.id', '=', filter.id)
  if (filter.state) query = query.where(state, '=', filter.state)
  if (filter.partnerCompanyId) query = query.where('d.partner_company_id', '=', filter.partnerCompanyId)
  if (filter.recordId) query = query.where('d.record_id', '=', filter.recordId)
  if (after)
    query = query.where(sql<boolean>`(d.created_at, d.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`)
  return query.orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').limit(limit).execute()
}

export async function attemptsOf(conn: Conn, companyId: string, deliveryIds: string[]) {
  if (deliveryIds.length === 0) return []
  return conn
    .selectFrom('delivery_attempts')
    .where('company_id', '=', companyId)
    .where('delivery_id', 'in', deliveryIds)
    .select(['delivery_id', 'n', 'at', 'status', 'error'])
    .orderBy('delivery_id')
    .orderBy('n')
    .execute()
}

/** Records one attempt and the delivery's new state, in one statement. */
export async function recordAttempt(
  conn: Conn,
  companyId: string,
  id: string,
  attempt: { status: number | null; error: string | null },
  next: {
    state: DeliveryState
    nextAttemptAt: Date | null
    remoteId?: string | null
  },
) {
  await sql`with d as (
      update deliveries set attempts = attempts + 1, state = ${next.state},
        next_attempt_at = ${next.nextAttemptAt}, last_error = ${attempt.error},
        remote_id = coalesce(${next.remoteId ?? null}, remote_id),
        delivered_at = case when ${next.state} = 'delivered' then now() else delivered_at end,
        updated_at = now()
      where company_id = ${companyId} and id = ${id}
      returning attempts)
    insert into delivery_attempts (company_id, delivery_id, n, status, error)
    select ${companyId}, ${id}, attempts, ${attempt.status}, ${attempt.error} from d`.execute(conn)
}

/** Records the successful attempts of a batch and their deliveries' new state, in one statement. */
export async function recordDelivered(
  conn: Conn,
  rows: { companyId: string; id: string; status: number; remoteId: string | null }[],
) {
  if (rows.length === 0) return
  await sql`with v as (
      select * from unnest(${rows.map((r) => r.companyId)}::uuid[], ${rows.map((r) => r.id)}::uuid[],
        ${rows.map((r) => r.status)}::int[], ${rows.map((r) => r.remoteId)}::text[])
        as v(company_id, id, status, remote_id)),
    d as (
      update deliveries x set attempts = x.attempts + 1, state = 'delivered', next_attempt_at = null,
        last_error = null, remote_id = coalesce(v.remote_id, x.remote_id), delivered_at = now(),
        updated_at = now()
      from v where x.company_id = v.company_id and x.id = v.id
      returning x.company_id, x.id, x.attempts, v.status)
    insert into delivery_attempts (company_id, delivery_id, n, status, error)
    select company_id, id, attempts, status, null from d`.execute(conn)
}

/** A hand-made retry: the delivery starts over (its attempts so far stay in its history). */
export async function restart(conn: Conn, companyId: string, id: string) {
  await conn
    .updateTable('deliveries')
    .set({
      state: 'pending',
      round_start: sql`attempts`,
      next_attempt_at: sql`now()`,
      updated_at: sql`now()`,
    })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute()
}

/** The newest delivery to a partner, for its connection's state. */
export const lastDeliveryTo = (conn: Conn, companyId: string, partnerCompanyId: string) =>
  conn
    .selectFrom('deliveries')
    .where('company_id', '=', companyId)
    .where('partner_company_id', '=', partnerCompanyId)
    .where('method', '=', 'exchange')
    .select(['id', 'type', 'state', 'created_at'])
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst()
