import { type Insertable, type Selectable, sql } from 'kysely'
import type { Conn } from '../../db/client.ts'
import type { RecordActivitiesTable } from '../../db/schema.ts'

export type ActivityRow = Selectable<RecordActivitiesTable>
export type NewActivityRow = Omit<Insertable<RecordActivitiesTable>, 'company_id'>
export type RecordKind = ActivityRow['record_kind']

export async function insertActivities(conn: Conn, companyId: string, rows: NewActivityRow[]) {
  if (rows.length === 0) return []
  return conn
    .insertInto('record_activities')
    .values(rows.map((r) => ({ ...r, company_id: companyId })))
    .returningAll()
    .execute()
}

/** Oldest first (ids are time-ordered), comments or notes and calls. */
export const listActivities = (
  conn: Conn,
  companyId: string,
  kind: RecordKind,
  recordId: string,
  kinds: readonly ActivityRow['kind'][],
  limit: number,
  after?: string,
) =>
  conn
    .selectFrom('record_activities')
    .where('company_id', '=', companyId)
    .where('record_kind', '=', kind)
    .where('record_id', '=', recordId)
    .where('kind', 'in', kinds)
    .$if(after !== undefined, (q) => q.where('id', '>', after as string))
    .selectAll()
    .orderBy('id')
    .limit(limit)
    .execute()

/**
 * The follow-ups one user set that fall on the local day `date` in `zone` (DST-safe: the day's
 * bounds are local midnights turned into instants), each with its record's number and name.
 */
export const followUpsOn = (conn: Conn, companyId: string, userId: string, zone: string, date: string) =>
  conn
    .selectFrom('record_activities as a')
    .leftJoin('leads as l', (j) =>
      j
        .onRef('l.company_id', '=', 'a.company_id')
        .onRef('l.id', '=', 'a.record_id')
        .on('a.record_kind', '=', 'lead'),
    )
    .leftJoin('customers as c', (j) =>
      j
        .onRef('c.company_id', '=', 'a.company_id')
        .onRef('c.id', '=', 'a.record_id')
        .on('a.record_kind', '=', 'customer'),
    )
    .where('a.company_id', '=', companyId)
    .where('a.author_user_id', '=', userId)
    .where('a.follow_up_at', '>=', sql<Date>`(${date}::date)::timestamp at time zone ${zone}`)
    .where('a.follow_up_at', '<', sql<Date>`(${date}::date + 1)::timestamp at time zone ${zone}`)
    .select([
      'a.id',
      'a.kind',
      'a.text',
      'a.follow_up_at',
      'a.record_kind',
      'a.record_id',
      sql<string>`coalesce(l.number, c.number)`.as('number'),
      sql<
        string | null
      >`nullif(concat_ws(' ', coalesce(l.first_name, c.first_name), coalesce(l.last_name, c.last_name)), '')`.as(
        'person',
      ),
      sql<string | null>`coalesce(l.company_name, c.company_name)`.as('company_name'),
    ])
    .orderBy('a.follow_up_at')
    .orderBy('a.id')
    .execute()
