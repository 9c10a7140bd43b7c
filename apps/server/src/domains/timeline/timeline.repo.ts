import type { Conn } from '../../db/client.ts'

export type RecordKind = 'lead' | 'customer'

export type NewEvent = {
  id: string
  recordKind: RecordKind
  recordId: string
  actorUserId: string | null
  actorLabel: string
  type: string
  detail: Record<string, unknown>
}

export async function insertEvents(conn: Conn, companyId: string, events: NewEvent[]) {
  if (events.length === 0) return
  await conn
    .insertInto('timeline_events')
    .values(
      events.map((e) => ({
        company_id: companyId,
        id: e.id,
        record_kind: e.recordKind,
        record_id: e.recordId,
        actor_user_id: e.actorUserId,
        actor_label: e.actorLabel,
        type: e.type,
        detail: JSON.stringify(e.detail),
      })),
    )
    .execute()
}

export const listEvents = (
  conn: Conn,
  companyId: string,
  kind: RecordKind,
  recordId: string,
  limit: number,
  after?: string,
  types?: readonly string[],
) =>
  conn
    .selectFrom('timeline_events')
    .where('company_id', '=', companyId)
    .where('record_kind', '=', kind)
    .where('record_id', '=', recordId)
    .$if(types !== undefined, (q) => q.where('type', 'in', types as string[]))
    .$if(after !== undefined, (q) => q.where('id', '>', after as string))
    .selectAll()
    .orderBy('id')
    .limit(limit)
    .execute()
