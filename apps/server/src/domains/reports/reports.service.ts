import type {
  DailyReport,
  DailyReportQuery,
  LeadCost,
  PartnerReport,
  RepsReport,
  RepsReportQuery,
  SourcesReport,
  SourcesReportQuery,
  TodayReport,
} from '@tributary/contracts'
import { type Actor, assertPermission } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError, fieldError } from '../../lib/errors.ts'
import { minorToMoney, priceToMinor } from '../../lib/money.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { findCompany } from '../companies/companies.lookup.ts'
import { setLeadCost } from '../leads/leads.records.ts'
import { recordEvent } from '../timeline/timeline.service.ts'
import { addDays, daysBetween, todayIn } from './report-dates.ts'
import * as repo from './reports.repo.ts'

/** The longest period one report covers: a few years of days. */
const MAX_DAYS = 1100

type Period = { from?: string | undefined; to?: string | undefined }

async function companyOf(ctx: AppContext, companyId: string) {
  const company = await findCompany(ctx.db, companyId)
  if (!company) throw new AppError('not-found', 'No such company')
  return company
}

/** The period in the company's zone: `to` defaults to today, `from` to 29 days before it. */
function windowOf(period: Period, timezone: string): repo.Window {
  const end = period.to ?? todayIn(timezone)
  const start = period.from ?? addDays(end, -29)
  if (start > end) throw fieldError('to', 'The first day must not be after the last')
  if (end > addDays(start, MAX_DAYS - 1)) throw fieldError('from', `A report covers at most ${MAX_DAYS} days`)
  return { start, end, timezone }
}

/** A fraction 0–1 with 4 decimals; null with nothing to divide by. */
const rate = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000
const per = (minor: number, n: number) => (n === 0 ? null : minorToMoney(minor / n))
const median = (m: number | null) => (m === null ? null : Math.round(Number(m) * 10) / 10)

function sourceFigures(f: repo.Figures, duplicatesRefused: number) {
  return {
    received: f.received,
    worked: f.worked,
    duplicatesRefused,
    returned: f.returned,
    returnRate: rate(f.returned, f.received),
    converted: f.converted,
    conversionRate: rate(f.converted, f.received),
    sold: f.sold,
    invalid: f.invalid,
    cost: minorToMoney(Number(f.cost_minor)),
    revenue: minorToMoney(Number(f.revenue_minor)),
    costPerLead: per(Number(f.cost_minor), f.received),
    costPerConversion: per(Number(f.cost_minor), f.converted),
    medianMinutesToFirstRequest: median(f.median_minutes),
  }
}

const NO_CAMPAIGN = 'No campaign'

export async function sourcesReport(
  ctx: AppContext,
  actor: Actor,
  query: SourcesReportQuery,
): Promise<SourcesReport> {
  assertPermission(actor, 'view_reports')
  const company = await companyOf(ctx, actor.companyId)
  const w = windowOf(query, company.timezone)
  const byCampaign = query.groupBy === 'campaign'
  const [rows, refused] = await Promise.all([
    repo.sourceFigures(ctx.db, actor.companyId, w, byCampaign),
    repo.refusals(ctx.db, actor.companyId, w),
  ])
  const refusedOf = (partnerId: string | null, campaignId: string | null) =>
    refused
      .filter(
        (r) =>
          partnerId === null ||
          (r.partner_company_id === partnerId && (!byCampaign || r.campaign_id === campaignId)),
      )
      .reduce((n, r) => n + r.count, 0)
  // Sources that only refused duplicates in the period still get their row.
  const keyOf = (r: { partner_company_id: string; campaign_id: string | null }) =>
    `${r.partner_company_id}/${byCampaign ? r.campaign_id : ''}`
  const seen = new Set(rows.map(keyOf))
  const unseen = [...new Map(refused.filter((r) => !seen.has(keyOf(r))).map((r) => [keyOf(r), r])).values()]
  const total = rows.find((r) => r.total)
  const empty: repo.Figures = {
    received: 0,
    worked: 0,
    returned: 0,
    converted: 0,
    sold: 0,
    invalid: 0,
    cost_minor: 0,
    revenue_minor: 0,
    median_minutes: null,
  }
  const names = new Map(
    (
      await repo.sourceNames(ctx.db, actor.companyId, [...new Set(unseen.map((r) => r.partner_company_id))])
    ).map((p) => [p.id, p.name]),
  )
  const out = rows
    .filter((r) => !r.total)
    .map((r) => ({ ...r, name: byCampaign ? `${r.name} · ${r.campaign_name ?? NO_CAMPAIGN}` : r.name }))
    .concat(
      unseen.map((r) => ({
        ...empty,
        partner_company_id: r.partner_company_id,
        campaign_id: r.campaign_id,
        campaign_name: null,
        name: names.get(r.partner_company_id) ?? '',
        total: false,
      })),
    )
  return {
    currency: company.currency,
    from: w.start,
    to: w.end,
    rows: out.map((r) => ({
      partnerCompanyId: r.partner_company_id,
      ...(byCampaign && { campaignId: r.campaign_id }),
      name: r.name,
      ...sourceFigures(r, refusedOf(r.partner_company_id, r.campaign_id)),
    })),
    totals: { name: 'Total', ...sourceFigures(total ?? empty, refusedOf(null, null)) },
  }
}

export async function dailyReport(
  ctx: AppContext,
  actor: Actor,
  query: DailyReportQuery,
): Promise<DailyReport> {
  assertPermission(actor, 'view_reports')
  const company = await companyOf(ctx, actor.companyId)
  const w = windowOf(query, company.timezone)
  const rows = await repo.dailyFigures(ctx.db, actor.companyId, w, query.partnerCompanyId)
  const sourceIds = [...new Set(rows.map((r) => r.partner_company_id))]
  const sources = (await repo.sourceNames(ctx.db, actor.companyId, sourceIds)).sort((a, b) =>
    a.name.localeCompare(b.name),
  )
  const byDay = Map.groupBy(rows, (r) => r.day)
  return {
    from: w.start,
    to: w.end,
    sources: sources.map((s) => ({ partnerCompanyId: s.id, name: s.name })),
    days: daysBetween(w.start, w.end).map((date) => {
      const of = byDay.get(date) ?? []
      const sum = (k: 'received' | 'converted' | 'returned' | 'sold') => of.reduce((n, r) => n + r[k], 0)
      return {
        date,
        received: sum('received'),
        converted: sum('converted'),
        returned: sum('returned'),
        sold: sum('sold'),
        bySource: of.map((r) => ({ partnerCompanyId: r.partner_company_id, received: r.received })),
      }
    }),
  }
}

export async function repsReport(ctx: AppContext, actor: Actor, query: RepsReportQuery): Promise<RepsReport> {
  assertPermission(actor, 'view_reports')
  const company = await companyOf(ctx, actor.companyId)
  const w = windowOf(query, company.timezone)
  const rows = await repo.repFigures(ctx.db, actor.companyId, w)
  return {
    from: w.start,
    to: w.end,
    rows: rows.map((r) => ({
      userId: r.user_id,
      name: r.name,
      requested: r.requested,
      converted: r.converted,
      returned: r.returned,
      invalid: r.invalid,
      medianMinutesToConvert: median(r.median_minutes),
    })),
  }
}

/** A partner login's own scorecard; its whole history when no dates are given. */
export async function partnerReport(ctx: AppContext, actor: Actor, query: Period): Promise<PartnerReport> {
  if (actor.kind !== 'partner') throw new AppError('forbidden', 'The scorecard is for partner logins')
  const company = await companyOf(ctx, actor.companyId)
  const w = query.from || query.to ? windowOf(query, company.timezone) : null
  const f = await repo.partnerFigures(ctx.db, actor.companyId, actor.partnerCompanyId, w)
  return {
    name: actor.partnerName,
    from: w?.start ?? null,
    to: w?.end ?? null,
    received: f.received,
    returned: f.returned,
    returnRate: rate(f.returned, f.received),
    converted: f.converted,
    conversionRate: rate(f.converted, f.received),
    returnReasons: f.reasons,
  }
}

export async function todayReport(ctx: AppContext, actor: Actor): Promise<TodayReport> {
  assertPermission(actor, 'view_reports')
  const company = await companyOf(ctx, actor.companyId)
  const date = todayIn(company.timezone)
  const r = await repo.todayFigures(ctx.db, actor.companyId, date, company.timezone)
  return {
    date,
    newLeads: r.new_leads,
    queueByPriority: { high: r.high, medium: r.medium, normal: r.normal },
    awaitingAcceptance: r.awaiting,
    returnedThisWeek: r.returned_week,
    soldToday: r.sold_today,
  }
}

/** A manager corrects what a lead cost; audited, and on the lead's timeline. */
export async function putLeadCost(
  ctx: AppContext,
  actor: Actor,
  id: string,
  cost: string,
): Promise<LeadCost> {
  assertPermission(actor, 'manage_partner_companies')
  const minor = priceToMinor(cost)
  await ctx.db.transaction().execute(async (tx) => {
    const before = await setLeadCost(tx, actor, id, minor)
    const change = { from: before === null ? null : minorToMoney(before), to: minorToMoney(minor) }
    await recordEvent(tx, actor.companyId, actor, 'lead', id, 'cost_changed', change)
    await recordAudit(tx, actor, 'update', 'lead_cost', id, change)
  })
  return { leadId: id, cost: minorToMoney(minor) }
}
