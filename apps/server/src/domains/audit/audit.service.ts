import type { AuditQuery } from '@tributary/contracts'
import type { Conn } from '../../db/client.ts'
import { type Actor, assertPermission, type UserActor } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { idAfter, toPage } from '../../lib/cursor.ts'
import { type AuditEntry, insertAuditEntry, listAuditEntries } from './audit.repo.ts'

const SECRET_FIELDS = /password|secret|token|key$/i

/** Secrets are never written to the audit log, only that they changed. */
function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SECRET_FIELDS.test(k) ? '[changed]' : redact(v)]),
  )
}

export async function recordAudit(
  conn: Conn,
  actor: UserActor,
  action: AuditEntry['action'],
  entityType: string,
  entityId: string | null,
  changes: Record<string, unknown> = {},
) {
  await insertAuditEntry(conn, actor.companyId, {
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action,
    entityType,
    entityId,
    changes: redact(changes) as Record<string, unknown>,
  })
}

export async function listAudit(ctx: AppContext, actor: Actor, query: AuditQuery) {
  assertPermission(actor, 'view_audit')
  const before = idAfter(query.cursor)
  const rows = await listAuditEntries(ctx.db, actor.companyId, query.limit + 1, before, {
    userId: query.userId,
    entityType: query.entityType,
    from: query.from,
    until: query.until,
  })
  return toPage(
    rows,
    query.limit,
    (r) => [r.id],
    (r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: { userId: r.actor_user_id, label: r.actor_label },
      action: r.action as AuditEntry['action'],
      entityType: r.entity_type,
      entityId: r.entity_id,
      changes: r.changes,
    }),
  )
}
