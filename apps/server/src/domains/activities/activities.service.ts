import type { Activity, ActivityBody, CommentEntry } from '@tributary/contracts'
import type { Conn } from '../../db/client.ts'
import { type Actor, assertUser } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { toPage } from '../../lib/cursor.ts'
import { AppError } from '../../lib/errors.ts'
import { newId } from '../../lib/ids.ts'
import { canonicalTimeZone } from '../../lib/regions.ts'
import { queueSettingsOf } from '../queue-settings/queue-settings.service.ts'
import { type EventActor, recordEvents } from '../timeline/timeline.service.ts'
import * as repo from './activities.repo.ts'

// Call-center comments (an append-only history) and the notes and calls people log on a lead or
// customer. The leads and customers domains check who may see and work the record, then call here.

export type RecordKind = repo.RecordKind
export type CommentVia = NonNullable<repo.ActivityRow['via']>

const authorOf = (actor: EventActor) => ({
  author_user_id: actor.kind === 'user' ? actor.userId : null,
  author_label: actor.label,
})

const toComment = (r: repo.ActivityRow): CommentEntry => ({
  id: r.id,
  at: r.at.toISOString(),
  author: { userId: r.author_user_id, label: r.author_label },
  text: r.text,
  via: r.via ?? 'comment',
})

const toActivity = (r: repo.ActivityRow): Activity => ({
  id: r.id,
  at: r.at.toISOString(),
  author: { userId: r.author_user_id, label: r.author_label },
  kind: r.kind === 'call' ? 'call' : 'note',
  text: r.text,
  outcome: r.outcome,
  durationSeconds: r.duration_seconds,
  followUpAt: r.follow_up_at?.toISOString() ?? null,
})

/**
 * Adds one comment entry to each record, in the caller's transaction; earlier entries stay as they
 * are. Written on the record (`comment`), it gets a timeline event of its own; a return's comments
 * are told by the return's event.
 */
export async function appendComments(
  conn: Conn,
  companyId: string,
  actor: EventActor,
  kind: RecordKind,
  recordIds: string[],
  text: string | null | undefined,
  via: CommentVia,
) {
  const body = text?.trim()
  if (!body || recordIds.length === 0) return []
  const rows = await repo.insertActivities(
    conn,
    companyId,
    recordIds.map((recordId) => ({
      id: newId(),
      record_kind: kind,
      record_id: recordId,
      kind: 'comment',
      via,
      text: body,
      ...authorOf(actor),
    })),
  )
  if (via === 'comment') {
    await recordEvents(
      conn,
      companyId,
      actor,
      kind,
      rows.map((r) => ({ recordId: r.record_id, type: 'commented', detail: { text: r.text } })),
    )
  }
  return rows.map(toComment)
}

/** A record's comments, oldest first; `after` is the decoded cursor (checked before the record is read). */
export async function listComments(
  conn: Conn,
  companyId: string,
  kind: RecordKind,
  id: string,
  limit: number,
  after: string | undefined,
) {
  const rows = await repo.listActivities(conn, companyId, kind, id, ['comment'], limit + 1, after)
  return toPage(rows, limit, (r) => [r.id], toComment)
}

/** A record's notes and calls, oldest first; `after` as for listComments. */
export async function listActivities(
  conn: Conn,
  companyId: string,
  kind: RecordKind,
  id: string,
  limit: number,
  after: string | undefined,
) {
  const rows = await repo.listActivities(conn, companyId, kind, id, ['note', 'call'], limit + 1, after)
  return toPage(rows, limit, (r) => [r.id], toActivity)
}

/** A note or a call on a record the caller may work, with its timeline event, in the caller's transaction. */
export async function logActivity(
  conn: Conn,
  companyId: string,
  actor: Actor,
  kind: RecordKind,
  recordId: string,
  input: ActivityBody,
): Promise<Activity> {
  assertUser(actor)
  if (input.kind !== 'call') {
    const errors = [
      ...(input.outcome !== undefined ? [{ path: 'outcome', message: 'Only a call has an outcome' }] : []),
      ...(input.durationSeconds !== undefined
        ? [{ path: 'durationSeconds', message: 'Only a call has a length' }]
        : []),
    ]
    if (errors.length) throw new AppError('bad-request', 'A note has no outcome or length', { errors })
  }
  const [row] = await repo.insertActivities(conn, companyId, [
    {
      id: newId(),
      record_kind: kind,
      record_id: recordId,
      kind: input.kind,
      via: null,
      text: input.text,
      outcome: input.outcome ?? null,
      duration_seconds: input.durationSeconds ?? null,
      follow_up_at: input.followUpAt ? new Date(input.followUpAt) : null,
      ...authorOf(actor),
    },
  ])
  const activity = toActivity(row as repo.ActivityRow)
  const { id, at: _at, author: _author, kind: type, ...detail } = activity
  await recordEvents(conn, companyId, actor, kind, [
    {
      recordId,
      type,
      detail: { activityId: id, ...Object.fromEntries(Object.entries(detail).filter(([, v]) => v !== null)) },
    },
  ])
  return activity
}

/** "Today" in a zone, as YYYY-MM-DD. */
export const localDate = (zone: string, now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now)

/** My follow-ups: those the caller set that fall today, in the zone asked for or the company's. */
export async function followUpsDueToday(ctx: AppContext, actor: Actor, timeZone: string | undefined) {
  assertUser(actor)
  const zone = timeZone
    ? canonicalTimeZone(timeZone)
    : (await queueSettingsOf(ctx.db, actor.companyId)).timezone
  const date = localDate(zone)
  const rows = await repo.followUpsOn(ctx.db, actor.companyId, actor.userId, zone, date)
  return {
    timeZone: zone,
    date,
    items: rows.map((r) => ({
      activityId: r.id,
      followUpAt: (r.follow_up_at as Date).toISOString(),
      kind: r.kind === 'call' ? ('call' as const) : ('note' as const),
      text: r.text,
      record: {
        kind: r.record_kind,
        id: r.record_id,
        number: Number(r.number),
        name: r.person ?? r.company_name,
      },
    })),
  }
}
