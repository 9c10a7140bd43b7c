import type { leadSortKeys } from '@tributary/contracts'
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely'
import type { Conn } from '../../db/client.ts'
import type { LeadsTable } from '../../db/schema.ts'
import {
  byParentName,
  cappedCount,
  key,
  parentKeys,
  type SortedRow,
  type SortKey,
  type SortOf,
  sorted,
  textKey,
  timeKey,
} from '../../lib/sort.ts'

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

/**
 * A row of another table that must be new for the lead to be written, in the lead's statement:
 * the exchange's receipt of a webhook-id, so a repeated post finds it taken and writes nothing.
 */
export type ClaimRow = { table: 'exchange_receipts'; row: Record<string, unknown> }

/** `insert into table (columns) select …` from one JSON record of the table's row type. */
function insertFromJson(
  table: 'leads' | 'timeline_events' | ClaimRow['table'],
  row: Record<string, unknown>,
) {
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
  claim?: ClaimRow,
): Promise<{ lead?: LeadRow; duplicates?: DuplicateMatch[] }> {
  const duplicates = check
    ? sql`select coalesce(jsonb_agg(jsonb_build_object('id', d.id, 'reason', d.reason) order by d.rank, d.created_at desc), '[]')
        as matches
        from lead_duplicates(${companyId}, ${check.lockKeys}::text[], ${check.keys.phone}, ${check.keys.email},
          ${check.keys.nameAddress}, ${check.since ?? '-infinity'}::timestamptz) d`
    : sql`select '[]'::jsonb as matches`
  const unique = sql`(select matches from dup) = '[]'::jsonb`
  const claimed = claim
    ? sql`claim as (${insertFromJson(claim.table, { ...claim.row, company_id: companyId })}
        where ${unique} on conflict do nothing returning 1),`
    : sql``
  const result = await sql<LeadRow & { duplicate_matches: DuplicateMatch[] }>`
    with dup as materialized (${duplicates}),
    ${claimed}
    lead as (
      ${insertFromJson('leads', { ...row, company_id: companyId })}
      where ${unique} ${claim ? sql`and exists (select 1 from claim)` : sql``}
      returning *),
    event as (
      ${insertFromJson('timeline_events', { ...event, company_id: companyId })}
      where exists (select 1 from lead))
    select dup.matches as duplicate_matches, lead.* from dup left join lead on true`.execute(conn)
  const { duplicate_matches, ...lead } = result.rows[0] as LeadRow & { duplicate_matches: DuplicateMatch[] }
  if (duplicate_matches.length > 0) return { duplicates: duplicate_matches }
  // No lead without duplicates: the claim was taken.
  return lead.id ? { lead: lead as LeadRow } : {}
}

/**
 * Many new leads and their first timeline events in one statement (CSV imports); the rows are
 * built as for `insertLeadUnlessDuplicate`, and their duplicate keys already checked and locked.
 */
export async function insertLeads(
  conn: Conn,
  companyId: string,
  rows: NewLeadRow[],
  events: Record<string, unknown>[],
): Promise<{ id: string; number: number }[]> {
  if (rows.length === 0) return []
  const insertAll = (table: 'leads' | 'timeline_events', records: Record<string, unknown>[]) => {
    const columns = [...new Set(records.flatMap((r) => Object.keys(r)))]
    return sql`insert into ${sql.table(table)} (company_id, ${sql.join(columns.map((c) => sql.ref(c)))})
      select ${companyId}, ${sql.join(columns.map((c) => sql.ref(`r.${c}`)))}
      from jsonb_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(records)}::jsonb) r`
  }
  const result = await sql<{ id: string; number: string | number }>`
    with lead as (${insertAll('leads', rows)} returning id, number),
    event as (${insertAll('timeline_events', events)})
    select id, number from lead`.execute(conn)
  return result.rows.map((r) => ({ id: r.id, number: Number(r.number) }))
}

/**
 * Locks the duplicate keys of many new leads (as intake's `lead_duplicates` does, in the same
 * sorted order, so never a deadlock); the next statement's snapshot sees what intakes holding
 * them committed meanwhile.
 */
export async function lockDuplicateKeys(conn: Conn, lockKeys: string[]) {
  if (lockKeys.length === 0) return
  await sql`select count(pg_advisory_xact_lock(hashtextextended(k, 0)))
    from (select distinct k from unnest(${lockKeys}::text[]) k order by k) sorted`.execute(conn)
}

/** Which of these duplicate keys earlier leads (created since `since`) already have. */
export async function takenDuplicateKeys(
  conn: Conn,
  companyId: string,
  keys: { phones: string[]; emails: string[]; nameAddresses: string[] },
  since: Date | null,
): Promise<{ phones: Set<string>; emails: Set<string>; nameAddresses: Set<string> }> {
  const after = since ?? '-infinity'
  const { rows } = await sql<{ kind: 'p' | 'e' | 'n'; key: string }>`
    select distinct 'p' as kind, phone as key from leads
      where company_id = ${companyId} and phone = any(${keys.phones}::text[]) and created_at >= ${after}::timestamptz
    union all
    select distinct 'e', email_key from leads
      where company_id = ${companyId} and email_key = any(${keys.emails}::text[]) and created_at >= ${after}::timestamptz
    union all
    select distinct 'n', name_address_key from leads
      where company_id = ${companyId} and name_address_key = any(${keys.nameAddresses}::text[])
        and created_at >= ${after}::timestamptz`.execute(conn)
  const of = (kind: string) => new Set(rows.filter((r) => r.kind === kind).map((r) => r.key))
  return { phones: of('p'), emails: of('e'), nameAddresses: of('n') }
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
  excludeQueue?: boolean
  partnerCompanyId?: string
  campaignId?: string
  assignedUserId?: string
  q?: string
}

/** The leads of a company that match a filter, nothing selected yet: lists, totals, export, bulk. */
export function matchingLeads(conn: Conn, companyId: string, filter: LeadFilter) {
  let query = conn.selectFrom('leads').where('company_id', '=', companyId)
  if (filter.location) query = query.where('location', '=', filter.location)
  if (filter.excludeLocation) query = query.where('location', '<>', filter.excludeLocation)
  if (filter.excludeQueue) query = query.where('location', '<>', 'queue')
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
  return query
}

/**
 * The lists' orders (`?sort=`), each ending in id; `priority` (the default) is priority, then age
 * (oldest first). `source` orders by the source's name (`byParentName`). Each has an index (0003,
 * 0035) that starts with company_id and holds its keys.
 */
export const leadSorts = {
  number: [key('number', 'int')],
  createdAt: [timeKey('created_at')],
  lastName: [textKey('last_name')],
  priority: [key('priority_rank', 'int'), timeKey('created_at')],
  location: [key('location', 'text')],
  source: parentKeys,
} satisfies Record<LeadSortName, readonly SortKey[]>

export type LeadSortName = (typeof leadSortKeys)[number]
export type ListedLeadRow = LeadRow & SortedRow & { total: number }

/**
 * Leads in a sort after the cursor's keys `after`, at most `limit`; with `counted`, every row also
 * carries the total matching the filter (one statement, so a page costs one round trip).
 */
export async function listLeads(
  conn: Conn,
  companyId: string,
  filter: LeadFilter,
  limit: number,
  after?: readonly (string | number)[],
  sort: SortOf<LeadSortName> = { name: 'priority', desc: false },
  counted = true,
): Promise<ListedLeadRow[]> {
  const base = matchingLeads(conn, companyId, filter)
  const total = counted ? cappedCount(base) : sql<number>`null`
  if (sort.name === 'source') {
    const parent = { table: 'partner_companies', companyId, fk: 'partner_company_id' }
    const { rows } = await byParentName(base.selectAll(), parent, sort.desc, limit, after, total).execute(
      conn,
    )
    return rows
  }
  return sorted(
    base.selectAll().select(total.as('total')),
    leadSorts[sort.name],
    sort.desc,
    'id',
    limit,
    after,
  ).execute()
}

/** The ids of the leads matching a filter, at most `limit`, in id order (bulk actions by filter). */
export const matchingLeadIds = async (conn: Conn, companyId: string, filter: LeadFilter, limit: number) =>
  (await matchingLeads(conn, companyId, filter).select('id').orderBy('id').limit(limit).execute()).map(
    (r) => r.id,
  )

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
      // The newest comment; the history keeps every earlier one (record_activities).
      ...(comments && { call_center_comments: comments }),
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
