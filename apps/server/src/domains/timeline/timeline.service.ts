import type { PageQuery } from '@tributary/contracts'
import type { Conn } from '../../db/client.ts'
import type { Actor } from '../../lib/actor.ts'
import { toPage } from '../../lib/cursor.ts'
import { newId } from '../../lib/ids.ts'
import * as repo from './timeline.repo.ts'

export type RecordKind = repo.RecordKind

/** Who did it: a user (or their API key), a partner, or Tributary itself (jobs, imports). */
export type EventActor = Actor | { kind: 'system'; label: string }

export type TimelineEntry = { recordId: string; type: string; detail?: Record<string, unknown> }

/** An event as a row, for a statement that writes it together with its change (hot paths). */
export function eventRow(
  actor: EventActor,
  kind: RecordKind,
  recordId: string,
  type: string,
  detail: Record<string, unknown>,
) {
  return {
    id: newId(),
    record_kind: kind,
    record_id: recordId,
    actor_user_id: actor.kind === 'user' ? actor.userId : null,
    actor_label: actor.label,
    type,
    detail,
  }
}

/** Written in the same transaction as the change it describes. */
export async function recordEvents(
  conn: Conn,
  companyId: string,
  actor: EventActor,
  kind: RecordKind,
  entries: TimelineEntry[],
) {
  await repo.insertEvents(
    conn,
    companyId,
    entries.map((e) => ({
      id: newId(),
      recordKind: kind,
      recordId: e.recordId,
      actorUserId: actor.kind === 'user' ? actor.userId : null,
      actorLabel: actor.label,
      type: e.type,
      detail: e.detail ?? {},
    })),
  )
}

export const recordEvent = (
  conn: Conn,
  companyId: string,
  actor: EventActor,
  kind: RecordKind,
  recordId: string,
  type: string,
  detail: Record<string, unknown> = {},
) => recordEvents(conn, companyId, actor, kind, [{ recordId, type, detail }])

/** Oldest first: a timeline reads like a story. */
export async function listTimeline(
  conn: Conn,
  companyId: string,
  kind: RecordKind,
  recordId: string,
  query: PageQuery,
  after: string | undefined,
  viewer: Actor,
) {
  const partner = viewer.kind === 'partner'
  const rows = await repo.listEvents(
    conn,
    companyId,
    kind,
    recordId,
    query.limit + 1,
    after,
    partner ? partnerVisibleTypes : undefined,
  )
  return toPage(
    rows,
    query.limit,
    (r) => [r.id],
    (r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: partner ? { userId: null, label: 'Staff' } : { userId: r.actor_user_id, label: r.actor_label },
      type: r.type,
      detail: partner ? partnerDetail(r.type, r.detail) : r.detail,
    }),
  )
}

/**
 * A partner login sees how its own records fared — arrived, returned, sold — not the
 * company's internal work on them (who worked them, callbacks, comments).
 */
const partnerVisibleTypes = ['created', 'returned', 'sold'] as const
const partnerDetail = (type: string, detail: Record<string, unknown>) =>
  type === 'returned' ? { reason: detail.reason } : {}
