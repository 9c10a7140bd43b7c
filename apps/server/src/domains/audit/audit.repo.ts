import type { Conn } from '../../db/client.ts'
import { newId } from '../../lib/ids.ts'

export type AuditEntry = {
  actorUserId: string | null
  actorLabel: string
  action: 'create' | 'update' | 'delete'
  entityType: string
  entityId: string | null
  changes: Record<string, unknown>
}

export async function insertAuditEntry(conn: Conn, companyId: string, entry: AuditEntry) {
  await conn
    .insertInto('audit_log')
    .values({
      company_id: companyId,
      id: newId(),
      actor_user_id: entry.actorUserId,
      actor_label: entry.actorLabel,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      changes: JSON.stringify(entry.changes),
    })
    .execute()
}

export type AuditFilters = { userId?: string; entityType?: string; from?: string; until?: string }

export const listAuditEntries = (
  conn: Conn,
  companyId: string,
  limit: number,
  before: string | undefined,
  filters: AuditFilters,
) =>
  conn
    .selectFrom('audit_log')
    .where('company_id', '=', companyId)
    .$if(before !== undefined, (q) => q.where('id', '<', before as string))
    .$if(filters.userId !== undefined, (q) => q.where('actor_user_id', '=', filters.userId as string))
    .$if(filters.entityType !== undefined, (q) => q.where('entity_type', '=', filters.entityType as string))
    .$if(filters.from !== undefined, (q) => q.where('at', '>=', new Date(filters.from as string)))
    .$if(filters.until !== undefined, (q) => q.where('at', '<', new Date(filters.until as string)))
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
