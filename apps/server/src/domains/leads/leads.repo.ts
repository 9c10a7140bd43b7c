import { type Insertable, type Selectable, sql, type Updateable } from 'kysely'
import type { Conn } from '../../db/client.ts'
import type { LeadsTable } from '../../db/schema.ts'

export type LeadRow = Selectable<LeadsTable>
export type NewLeadRow = Omit<Insertable<LeadsTable>, 'company_id'>

export const findLead = (conn: Conn, companyId: string, id: string): Promise<LeadRow | undefined> =>
  conn
    .selectFrom('leads')
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .selectAll()
    .executeTakeFirst()

/** Locks the row for a move, so two moves of one lead take turns and see each other's result. */
export const findLeadForUpdate = (conn: Conn, companyId: string, id: string): Promise<LeadRow | undefined> =>
  conn
    .selectFrom('leads')
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .selectAll()
    .forUpdate()
    .executeTakeFirst()

export type DuplicateKeys = { phone: string | null; email: string | null; nameAddress: string | null }
export type DuplicateMatch = { id: string; reason: 'phone' | 'email' | 'name_address' }
/** What the duplicate check of a new lead needs: advisory lock keys (company-scoped) and a window. */
export type DuplicateCheck = { lockKeys: string[]; keys: DuplicateKeys; since: Date | null }

/** `insert into table (columns) select …` from one JSON record of the table's row type. */
function insertFromJson(table: 'leads' | 'timeline_events', row: Record<string, unknown>) {
  const columns = Object.keys(row).filter((c) => row[c] !== undefined)
  return sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    select ${sql.join(columns.map((c) => sql.ref(`r.${c}`)))}
    from jsonb_populate_record(null::${sql.table(table)}, ${JSON.stringify(row)}::jsonb) r`
}

/**
 * A new lead and its first timeline event, unless it duplicates an earlier lead, in one statement
 * (intake is the hottest write path): `lead_duplicates` locks the keys, then finds earlier leads
 * with a snapshot that sees what other intakes committed meanwhile; the inserts run only when it
 * found none. The event row is the timeline domain's, built by its `eventRow`.
 */
export async function insertLeadUnlessDuplicate(
  conn: Conn,
  companyId: string,
  row: NewLeadRow,
  event: Record<string, unknown>,
  check: DuplicateCheck | null,
): Promise<{ lead: LeadRow; duplicates?: never } | { lead?: never; duplicates: DuplicateMatch[] }> {
  const duplicates = check
    ? sql`select coalesce(jsonb_agg(jsonb_build_object('id', d.id, 'reason', d.reason) order by d.rank, d.created_at desc), '[]')
        as matches
        from lead_duplicates(${companyId}, ${check.lockKeys}::text[], ${check.keys.phone}, ${check.keys.email},
          ${check.keys.nameAddress}, ${check.since ?? '-infinity'}::timestamptz) d`
    : sql`select '[]'::jsonb as matches`
  const result = await sql<LeadRow & { duplicate_matches: DuplicateMatch[] }>`
    with dup as materialized (${duplicates}),
    lead as (
      ${insertFromJson('leads', { ...row, company_id: companyId })}
      where (select matches from dup) = '[]'::jsonb
      returning *),
    event as (
      ${insertFromJson('timeline_events', { ...event, company_id: companyId })}
      where exists (select 1 from lead))
    select dup.matches as duplicate_matches, lead.* from dup left join lead on true`.execute(conn)
  const { duplicate_matches, ...lead } = result.rows[0] as LeadRow & { duplicate_matches: DuplicateMatch[] }
  return duplicate_matches.length > 0 ? { duplicates: duplicate_matches } : { lead: lead as LeadRow }
}

export async function updateLead(conn: Conn, companyId: string, id: string, values: Updateable<LeadsTable>) {
  return conn
    .updateTable('leads')
    .set({ ...values, updated_at: sql<Date>`now()` })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export type LeadFilter = {
  location?: LeadRow['location']
  excludeLocation?: LeadRow['location']
  partnerCompanyId?: string
  campaignId?: string
  assignedUserId?: string
  q?: string
}

/**
 * `created_at` to the microsecond, for cursors: a JavaScript Date keeps only milliseconds, and a
 * cursor rounded down would hand the page's last row out again on the next page.
 */
export const exactTime = (column: 'created_at') =>
  sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

export type ListedLeadRow = LeadRow & { created_key: string }

/** The lists' order: priority, then age (oldest first). `after` is the last row's key. */
export function listLeads(
  conn: Conn,
  companyId: string,
  filter: LeadFilter,
  limit: number,
  after?: readonly [number, string, string],
): Promise<ListedLeadRow[]> {
  let query = conn
    .selectFrom('leads')
    .where('company_id', '=', companyId)
    .selectAll()
    .select(exactTime('created_at').as('created_key'))
  if (filter.location) query = query.where('location', '=', filter.location)
  if (filter.excludeLocation) query = query.where('location', '<>', filter.excludeLocation)
  if (filter.partnerCompanyId) query = query.where('partner_company_id', '=', filter.partnerCompanyId)
  if (filter.campaignId) query = query.where('campaign_id', '=', filter.campaignId)
  if (filter.assignedUserId) query = query.where('assigned_user_id', '=', filter.assignedUserId)
  if (filter.q) {
    const q = filter.q
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    // Phone search needs enough digits to mean a phone, so a short lead number finds only that lead.
    const digits = q.replace(/\D/g, '')
    query = query.where((eb) =>
      eb.or([
        eb(sql`coalesce(first_name, '') || ' ' || coalesce(last_name, '')`, 'ilike', like),
        eb('email', 'ilike', like),
        ...(digits.length >= 7 ? [eb('phone', 'like', `%${digits}%`)] : []),
        // Only digits that fit a bigint: a longer string would fail the whole search.
        ...(/^\d{1,15}$/.test(q) ? [eb('number', '=', Number(q))] : []),
      ]),
    )
  }
  if (after) {
    query = query.where(
      sql<boolean>`(priority_rank, created_at, id) > (${after[0]}, ${after[1]}::timestamptz, ${after[2]}::uuid)`,
    )
  }
  return query.orderBy('priority_rank').orderBy('created_at').orderBy('id').limit(limit).execute()
}

/** Open leads in zone `from` whose zone is not their region's (see `contactTimeZone`) move to `to`. */
export async function retimeLeadsWithoutRegion(conn: Conn, companyId: string, from: string, to: string) {
  await conn
    .updateTable('leads')
    .set({ timezone: to, updated_at: sql<Date>`now()` })
    .where('company_id', '=', companyId)
    .where('location', 'in', ['pending', 'queue', 'assigned'])
    .where('timezone', '=', from)
    // US and Canadian regions are checked at intake, so one present always gave the zone.
    .where((eb) => eb.or([eb('region', 'is', null), eb('country', 'not in', ['US', 'CA'])]))
    .execute()
}

export const lockLeads = (conn: Conn, companyId: string, ids: string[]): Promise<LeadRow[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : conn
        .selectFrom('leads')
        .where('company_id', '=', companyId)
        .where('id', 'in', ids)
        .selectAll()
        .orderBy('id')
        .forUpdate()
        .execute()

export async function markReturned(
  conn: Conn,
  companyId: string,
  ids: string[],
  reason: string,
  comments: string | null,
) {
  if (ids.length === 0) return
  await conn
    .updateTable('leads')
    .set({
      location: 'returned',
      assigned_user_id: null,
      return_reason: reason,
      call_center_comments: comments,
      updated_at: sql<Date>`now()`,
    })
    .where('company_id', '=', companyId)
    .where('id', 'in', ids)
    .execute()
}

const withNames = (conn: Conn, companyId: string) =>
  conn
    .selectFrom('leads as l')
    .innerJoin('partner_companies as p', (j) =>
      j.onRef('p.company_id', '=', 'l.company_id').onRef('p.id', '=', 'l.partner_company_id'),
    )
    .leftJoin('campaigns as c', (j) =>
      j.onRef('c.company_id', '=', 'l.company_id').onRef('c.id', '=', 'l.campaign_id'),
    )
    .where('l.company_id', '=', companyId)
    .selectAll('l')
    .select(['p.name as source_name', 'c.name as campaign_name'])

/** The newest leads with their source's and campaign's names, for a rule preview. */
export const recentLeadsWithNames = (conn: Conn, companyId: string, limit: number) =>
  withNames(conn, companyId).orderBy('l.created_at', 'desc').orderBy('l.id', 'desc').limit(limit).execute()

export const leadWithNames = (conn: Conn, companyId: string, id: string) =>
  withNames(conn, companyId).where('l.id', '=', id).executeTakeFirst()

/** Gives the leads of a source still waiting (Pending or Queue) the source's new priority. */
export async function rerankSource(conn: Conn, companyId: string, partnerCompanyId: string, rank: number) {
  await conn
    .updateTable('leads')
    .set({ priority_rank: rank })
    .where('company_id', '=', companyId)
    .where('partner_company_id', '=', partnerCompanyId)
    .where('location', 'in', ['pending', 'queue'])
    .where('priority_rank', '<>', rank)
    .execute()
}

/** A lead refused as a duplicate at intake (reports count them per source). */
export async function insertRefusal(
  conn: Conn,
  companyId: string,
  partnerCompanyId: string,
  campaignId: string | null,
) {
  await conn
    .insertInto('lead_refusals')
    .values({ company_id: companyId, partner_company_id: partnerCompanyId, campaign_id: campaignId })
    .execute()
}
