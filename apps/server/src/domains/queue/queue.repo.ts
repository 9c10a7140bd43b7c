import { type Selectable, sql } from 'kysely'
import type { Conn } from '../../db/client.ts'
import type { LeadsTable } from '../../db/schema.ts'

type LeadRow = Selectable<LeadsTable>

export async function countAssigned(conn: Conn, companyId: string, userId: string): Promise<number> {
  const row = await conn
    .selectFrom('leads')
    .where('company_id', '=', companyId)
    .where('assigned_user_id', '=', userId)
    .where('location', '=', 'assigned')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

export type ClaimOptions = {
  userId: string
  usePartnerPriority: boolean
  /** Zones whose local time is now inside the available hours. */
  zones: string[] | 'all'
  afterRequest: 'assigned' | 'queue' | 'pending'
  blacklistMinutes: number
  /** The timeline event written by the same statement. */
  event: { id: string; actorLabel: string }
}

/**
 * Hands the best requestable lead to one rep in a single statement: the subquery walks the
 * queue index in claim order, skips rows other claims hold (SKIP LOCKED), and the update
 * moves the row out of the queue (or pushes its contact time past the blacklist) before
 * the lock is released. A row another claim changed after this statement's snapshot is
 * re-checked in its new version, which fails the `requested_xid` test even when the lead went
 * straight back to the queue: no two claims can ever return the same lead.
 */
export async function claimNextLead(
  conn: Conn,
  companyId: string,
  o: ClaimOptions,
): Promise<LeadRow | undefined> {
  if (o.zones !== 'all' && o.zones.length === 0) return undefined
  const order = o.usePartnerPriority ? sql`priority_rank, contact_after, id` : sql`contact_after, id`
  const set =
    o.afterRequest === 'assigned'
      ? sql`location = 'assigned', assigned_user_id = ${o.userId}`
      : o.afterRequest === 'pending'
        ? sql`location = 'pending', assigned_user_id = null`
        : sql`contact_after = now() + make_interval(mins => ${o.blacklistMinutes})`
  const blacklisted =
    o.afterRequest === 'queue'
      ? sql`jsonb_build_object('blacklistedUntil',
          to_char(contact_after at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`
      : sql`'{}'::jsonb`
  // One round trip: the claim and its timeline event, atomic without an explicit transaction.
  const result = await sql<LeadRow>`
    with claimed as (
      update leads set ${set}, last_requested_by = ${o.userId}, requested_xid = pg_current_xact_id(),
        updated_at = now()
      where company_id = ${companyId} and id = (
        select id from leads
        where company_id = ${companyId} and location = 'queue'
          and contact_after <= now()
          and (requested_xid is null or pg_visible_in_snapshot(requested_xid, pg_current_snapshot()))
          ${o.zones === 'all' ? sql`` : sql`and timezone = any(${o.zones})`}
        order by ${order}
        limit 1
        for update skip locked)
      returning *
    ), event as (
      insert into timeline_events (company_id, id, record_kind, record_id, actor_user_id, actor_label, type, detail)
      select company_id, ${o.event.id}::uuid, 'lead', id, ${o.userId}::uuid, ${o.event.actorLabel}, 'requested',
        jsonb_build_object('location', location) || ${blacklisted}
      from claimed
    )
    select * from claimed`.execute(conn)
  return result.rows[0]
}

/** The company's leads among `ids`, locked for a batch change. */

/** How many leads wait in the Queue, per priority rank. */
export const countQueueByRank = (conn: Conn, companyId: string) =>
  conn
    .selectFrom('leads')
    .where('company_id', '=', companyId)
    .where('location', '=', 'queue')
    .groupBy('priority_rank')
    .select(['priority_rank', (eb) => eb.fn.countAll<string>().as('n')])
    .execute()
