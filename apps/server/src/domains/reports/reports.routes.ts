import {
  DailyReport,
  DailyReportQuery,
  IdParams,
  LeadCost,
  LeadCostBody,
  PartnerReport,
  PartnerReportQuery,
  RepsReport,
  RepsReportQuery,
  SourcesReport,
  SourcesReportQuery,
  TodayReport,
} from '@tributary/contracts'
import { stringify } from 'csv-stringify/sync'
import type { FastifyReply } from 'fastify'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import {
  dailyReport,
  partnerReport,
  putLeadCost,
  repsReport,
  sourcesReport,
  todayReport,
} from './reports.service.ts'

/** A report as a spreadsheet: a header row of the JSON answer's field names, one line per row. */
function sendCsv(reply: FastifyReply, name: string, rows: Record<string, unknown>[]) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .send(stringify(rows, { header: true }))
}

export function reportsRoutes(app: App, ctx: AppContext) {
  const tags = ['Reports']
  const summary = (s: string) => `${s} (needs view_reports; dates inclusive, in the company's time zone)`
  app.get(
    '/api/v1/reports/sources',
    {
      schema: {
        tags,
        summary: summary('What each source (or campaign) delivered, cost and earned'),
        querystring: SourcesReportQuery,
        response: { 200: SourcesReport },
      },
    },
    (request) => sourcesReport(ctx, actorOf(request), request.query),
  )
  app.get(
    '/api/v1/reports/sources.csv',
    {
      schema: {
        tags,
        summary: summary('The sources report as CSV, with a Total line'),
        querystring: SourcesReportQuery,
      },
    },
    async (request, reply) => {
      const report = await sourcesReport(ctx, actorOf(request), request.query)
      // The columns are the first row's: the Total line leaves the ids empty.
      const rows = [...report.rows, { partnerCompanyId: '', ...report.totals }]
      return sendCsv(reply, `sources-${report.from}-${report.to}`, rows)
    },
  )
  app.get(
    '/api/v1/reports/daily',
    {
      schema: {
        tags,
        summary: summary('Leads received per day, and what became of them'),
        querystring: DailyReportQuery,
        response: { 200: DailyReport },
      },
    },
    (request) => dailyReport(ctx, actorOf(request), request.query),
  )
  app.get(
    '/api/v1/reports/daily.csv',
    { schema: { tags, summary: summary('The daily report as CSV'), querystring: DailyReportQuery } },
    async (request, reply) => {
      const report = await dailyReport(ctx, actorOf(request), request.query)
      const rows = report.days.map(({ bySource: _, ...day }) => day)
      return sendCsv(reply, `daily-${report.from}-${report.to}`, rows)
    },
  )
  app.get(
    '/api/v1/reports/reps',
    {
      schema: {
        tags,
        summary: summary('What each user did with leads'),
        querystring: RepsReportQuery,
        response: { 200: RepsReport },
      },
    },
    (request) => repsReport(ctx, actorOf(request), request.query),
  )
  app.get(
    '/api/v1/reports/reps.csv',
    { schema: { tags, summary: summary('The reps report as CSV'), querystring: RepsReportQuery } },
    async (request, reply) => {
      const report = await repsReport(ctx, actorOf(request), request.query)
      return sendCsv(reply, `reps-${report.from}-${report.to}`, report.rows)
    },
  )
  app.get(
    '/api/v1/reports/today',
    { schema: { tags, summary: "The dashboard's numbers of the day", response: { 200: TodayReport } } },
    (request) => todayReport(ctx, actorOf(request)),
  )
  app.get(
    '/api/v1/reports/partner',
    {
      config: { partnerAccess: true },
      schema: {
        tags,
        summary: "A partner login's own scorecard; the whole history without dates",
        querystring: PartnerReportQuery,
        response: { 200: PartnerReport },
      },
    },
    (request) => partnerReport(ctx, actorOf(request), request.query),
  )
  app.put(
    '/api/v1/leads/:id/cost',
    {
      schema: {
        tags,
        summary: 'Correct what a lead cost (needs manage_partner_companies); audited',
        params: IdParams,
        body: LeadCostBody,
        response: { 200: LeadCost },
      },
    },
    (request) => putLeadCost(ctx, actorOf(request), request.params.id, request.body.cost),
  )
}
