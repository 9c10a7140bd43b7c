import { type RawBuilder, sql } from 'kysely'
import type { Conn } from '../../db/client.ts'
import { addDays } from './report-dates.ts'

// Every figure is counted from the leads themselves (where each one is now, what it cost, what
// it sold for) and from their timeline: no counter that could drift. A lead counts once however
// often it moved. Reports over a period count the leads that ARRIVED in it (a cohort): of the
// leads received in March, how many were converted, returned, sold. The reps report counts what
// each user did in the period, from the timeline.

/** A period: [start, end) instants, the company's first and last day at its midnight. */
export type Window = { start: string; end: string; timezone: string }

const during = (w: Window, column: RawBuilder<unknown>) =>
  sql`${column} >= (${w.start}::date)::timestamp at time zone ${w.timezone}
    and ${column} < (${w.end}::date + 1)::timestamp at time zone ${w.timezone}`
const arrived = (w: Window) => during(w, sql`l.created_at`)

// The states a lead can be in that the figures name; `worked`: a rep has had it in hand.
const figures = sql`
  count(*)::int as received,
  count(*) filter (where l.first_requested_at is not null or l.customer_id is not null
    or l.location in ('assigned', 'converted', 'invalid'))::int as worked,
  count(*) filter (where l.location = 'returned')::int as returned,
  count(*) filter (where l.customer_id is not null)::int as converted,
  count(*) filter (where l.location = 'sold')::int as sold,
  count(*) filter (where l.location = 'invalid')::int as invalid,
  coalesce(sum(l.cost_minor), 0)::bigint as cost_minor,
  coalesce(sum(l.sale_price_minor), 0)::bigint as revenue_minor,
  percentile_cont(0.5) within group (order by extract(epoch from l.first_requested_at - l.created_at) / 60)
    filter (where l.first_requested_at is not null) as median_minutes`

export type Figures = {
  received: number
  worked: number
  returned: number
  converted: number
  sold: number
  invalid: number
  cost_minor: number
  revenue_minor: number
  median_minutes: number | null
}

export type SourceRow = Figures & {
  partner_company_id: string
  campaign_id: string | null
  name: string
  campaign_name: string | null
}

/** One row per source (or source and campaign), and the totals over all of them (`total`). */
export async function sourceFigures(conn: Conn, companyId: string, w: Window, byCampaign: boolean) {
  const rows = await sql<SourceRow & { total: boolean }>`
    with f as (
      select l.partner_company_id, ${byCampaign ? sql`l.campaign_id` : sql`null::uuid as campaign_id`},
        grouping(l.partner_company_id) = 1 as total, ${figures}
      from leads l where l.company_id = ${companyId} and ${arrived(w)}
      group by grouping sets ((l.partner_company_id${byCampaign ? sql`, l.campaign_id` : sql``}), ())
    )
    select f.*, p.name, c.name as campaign_name
    from f
    left join partner_companies p on p.company_id = ${companyId} and p.id = f.partner_company_id
    left join campaigns c on c.company_id = ${companyId} and c.id = f.campaign_id
    order by f.total, lower(p.name), p.id, lower(c.name) nulls first`.execute(conn)
  return rows.rows
}

/** Duplicates refused at intake per source (and campaign) in the period. */
export async function refusals(conn: Conn, companyId: string, w: Window) {
  const rows = await sql<{ partner_company_id: string; campaign_id: string | null; count: number }>`
    select partner_company_id, campaign_id, count(*)::int as count from lead_refusals l
    where l.company_id = ${companyId} and ${during(w, sql`l.at`)}
    group by 1, 2`.execute(conn)
  return rows.rows
}

export type DayRow = {
  day: string
  partner_company_id: string
  received: number
  converted: number
  returned: number
  sold: number
}

export async function dailyFigures(conn: Conn, companyId: string, w: Window, partnerCompanyId?: string) {
  const rows = await sql<DayRow>`
    select to_char(l.created_at at time zone ${w.timezone}, 'YYYY-MM-DD') as day, l.partner_company_id,
      count(*)::int as received,
      count(*) filter (where l.customer_id is not null)::int as converted,
      count(*) filter (where l.location = 'returned')::int as returned,
      count(*) filter (where l.location = 'sold')::int as sold
    from leads l where l.company_id = ${companyId} and ${arrived(w)}
      ${partnerCompanyId ? sql`and l.partner_company_id = ${partnerCompanyId}` : sql``}
    group by 1, 2`.execute(conn)
  return rows.rows
}

export const sourceNames = (conn: Conn, companyId: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : conn
        .selectFrom('partner_companies')
        .where('company_id', '=', companyId)
        .where('id', 'in', ids)
        .select(['id', 'name'])
        .execute()

export type RepRow = {
  user_id: string
  name: string
  requested: number
  converted: number
  returned: number
  invalid: number
  median_minutes: number | null
}

/** What each user did to leads in the period: the steps on the timeline, by kind. */
export async function repFigures(conn: Conn, companyId: string, w: Window) {
  const rows = await sql<RepRow>`
    with f as (
      select e.actor_user_id,
        count(*) filter (where e.type = 'requested')::int as requested,
        count(*) filter (where e.type = 'converted')::int as converted,
        count(*) filter (where e.type = 'returned')::int as returned,
        count(*) filter (where e.type = 'invalidated')::int as invalid
      from timeline_events e
      where e.company_id = ${companyId} and e.record_kind = 'lead'
        and e.type in ('requested', 'converted', 'returned', 'invalidated', 'sold')
        and e.actor_user_id is not null and ${during(w, sql`e.at`)}
      group by 1
    ), m as (
      select e.actor_user_id,
        percentile_cont(0.5) within group (order by extract(epoch from e.at - l.first_requested_at) / 60)
          as median_minutes
      from timeline_events e
      join leads l on l.company_id = ${companyId} and l.id = e.record_id
      where e.company_id = ${companyId} and e.record_kind = 'lead'
        -- The partial index's own condition, so the planner uses it; then only conversions.
        and e.type in ('requested', 'converted', 'returned', 'invalidated', 'sold') and e.type = 'converted'
        and e.actor_user_id is not null and ${during(w, sql`e.at`)} and l.first_requested_at is not null
      group by 1
    )
    select f.actor_user_id as user_id, u.name, f.requested, f.converted, f.returned, f.invalid, m.median_minutes
    from f join users u on u.company_id = ${companyId} and u.id = f.actor_user_id
    left join m on m.actor_user_id = f.actor_user_id
    order by lower(u.name), u.id`.execute(conn)
  return rows.rows
}

/** A source's own figures, over a period or its whole history. */
export async function partnerFigures(
  conn: Conn,
  companyId: string,
  partnerCompanyId: string,
  w: Window | null,
) {
  const where = sql`l.company_id = ${companyId} and l.partner_company_id = ${partnerCompanyId}
    ${w ? sql`and ${arrived(w)}` : sql``}`
  const [figures, reasons] = await Promise.all([
    sql<{ received: number; returned: number; converted: number }>`
      select count(*)::int as received,
        count(*) filter (where l.location = 'returned')::int as returned,
        count(*) filter (where l.customer_id is not null)::int as converted
      from leads l where ${where}`.execute(conn),
    sql<{ reason: string; count: number }>`
      select coalesce(l.return_reason, '') as reason, count(*)::int as count
      from leads l where ${where} and l.location = 'returned'
      group by 1 order by 2 desc, 1`.execute(conn),
  ])
  return {
    ...(figures.rows[0] as { received: number; returned: number; converted: number }),
    reasons: reasons.rows,
  }
}

export type TodayRow = {
  new_leads: number
  high: number
  medium: number
  normal: number
  awaiting: number
  returned_week: number
  sold_today: number
}

/** The dashboard's numbers of the day (`day` in the company's zone) and the week up to it. */
export async function todayFigures(conn: Conn, companyId: string, day: string, timezone: string) {
  const today: Window = { start: day, end: day, timezone }
  const week: Window = { start: addDays(day, -6), end: day, timezone }
  const rows = await sql<TodayRow>`
    select
      (select count(*)::int from leads l where l.company_id = ${companyId} and ${arrived(today)}) as new_leads,
      q.high, q.medium, q.normal,
      (select count(*)::int from leads where company_id = ${companyId} and location = 'awaiting_acceptance') as awaiting,
      (select count(distinct e.record_id)::int from timeline_events e
        where e.company_id = ${companyId} and e.record_kind = 'lead' and e.type = 'returned'
          and ${during(week, sql`e.at`)}) as returned_week,
      (select count(distinct e.record_id)::int from timeline_events e
        where e.company_id = ${companyId} and e.record_kind = 'lead' and e.type = 'sold'
          and ${during(today, sql`e.at`)}) as sold_today
    from (select count(*) filter (where priority_rank = 0)::int as high,
        count(*) filter (where priority_rank = 1)::int as medium,
        count(*) filter (where priority_rank = 2)::int as normal
      from leads where company_id = ${companyId} and location = 'queue') q`.execute(conn)
  return rows.rows[0] as TodayRow
}
