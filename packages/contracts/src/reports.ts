import { z } from 'zod'
import { Id } from './common.ts'
import { Money, Price } from './money.ts'

/** A day in the company's time zone. */
const Day = z.iso.date('A date such as 2026-03-31')

const Period = z.object({
  from: Day.optional().describe(
    "First day, inclusive, in the company's time zone; default 29 days before `to`",
  ),
  to: Day.optional().describe("Last day, inclusive, in the company's time zone; default today"),
})

const rangeChecked = <T extends z.ZodObject>(schema: T) =>
  schema.refine((q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to, {
    message: 'The first day must not be after the last',
    path: ['to'],
  })

export const ReportGroupBy = z.enum(['partner', 'campaign'])
export const SourcesReportQuery = rangeChecked(
  Period.extend({
    groupBy: ReportGroupBy.default('partner').describe('One row per source, or per campaign'),
  }),
)
export type SourcesReportQuery = z.infer<typeof SourcesReportQuery>
export const DailyReportQuery = rangeChecked(Period.extend({ partnerCompanyId: Id.optional() }))
export type DailyReportQuery = z.infer<typeof DailyReportQuery>
export const RepsReportQuery = rangeChecked(Period)
export type RepsReportQuery = z.infer<typeof RepsReportQuery>
/** A partner's scorecard: its whole history when no dates are given. */
export const PartnerReportQuery = rangeChecked(Period)

/** A fraction 0–1 with 4 decimals; null when nothing to divide by. */
const Rate = z.number().min(0).max(1).nullable()

const SourceFigures = {
  received: z.number().int(),
  worked: z.number().int().describe('Requested by a rep, converted or marked invalid'),
  duplicatesRefused: z.number().int(),
  returned: z.number().int(),
  returnRate: Rate,
  converted: z.number().int(),
  conversionRate: Rate,
  sold: z.number().int(),
  invalid: z.number().int(),
  cost: Money,
  revenue: Money,
  costPerLead: Money.nullable(),
  costPerConversion: Money.nullable(),
  medianMinutesToFirstRequest: z.number().nullable(),
}

export const SourcesReportRow = z
  .object({
    partnerCompanyId: Id,
    campaignId: Id.nullable().optional().describe('With groupBy=campaign; null: leads without a campaign'),
    name: z.string(),
    ...SourceFigures,
  })
  .meta({ id: 'SourcesReportRow' })
export type SourcesReportRow = z.infer<typeof SourcesReportRow>

export const SourcesReport = z
  .object({
    currency: z.string(),
    from: Day,
    to: Day,
    rows: z.array(SourcesReportRow),
    totals: z.object({ name: z.string(), ...SourceFigures }),
  })
  .meta({ id: 'SourcesReport' })
export type SourcesReport = z.infer<typeof SourcesReport>

export const DailyReportDay = z.object({
  date: Day,
  received: z.number().int(),
  converted: z.number().int(),
  returned: z.number().int(),
  sold: z.number().int(),
  bySource: z
    .array(z.object({ partnerCompanyId: Id, received: z.number().int() }))
    .describe('Leads received that day by source, for the stacked chart'),
})
export const DailyReport = z
  .object({
    from: Day,
    to: Day,
    sources: z.array(z.object({ partnerCompanyId: Id, name: z.string() })),
    days: z.array(DailyReportDay),
  })
  .meta({ id: 'DailyReport' })
export type DailyReport = z.infer<typeof DailyReport>

export const RepsReportRow = z.object({
  userId: Id,
  name: z.string(),
  requested: z.number().int(),
  converted: z.number().int(),
  returned: z.number().int(),
  invalid: z.number().int(),
  medianMinutesToConvert: z.number().nullable(),
})
export const RepsReport = z
  .object({ from: Day, to: Day, rows: z.array(RepsReportRow) })
  .meta({ id: 'RepsReport' })
export type RepsReport = z.infer<typeof RepsReport>

export const PartnerReport = z
  .object({
    name: z.string(),
    from: Day.nullable(),
    to: Day.nullable(),
    received: z.number().int(),
    returned: z.number().int(),
    returnRate: Rate,
    converted: z.number().int(),
    conversionRate: Rate,
    returnReasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  })
  .meta({ id: 'PartnerReport' })
export type PartnerReport = z.infer<typeof PartnerReport>

/** Today's numbers on the dashboard. */
export const TodayReport = z
  .object({
    date: Day,
    newLeads: z.number().int(),
    queueByPriority: z.object({ high: z.number().int(), medium: z.number().int(), normal: z.number().int() }),
    awaitingAcceptance: z.number().int(),
    returnedThisWeek: z.number().int(),
    soldToday: z.number().int(),
  })
  .meta({ id: 'TodayReport' })
export type TodayReport = z.infer<typeof TodayReport>

export const LeadCostBody = z.strictObject({ cost: Price.describe('What this lead cost') })
export const LeadCost = z.object({ leadId: Id, cost: Money.nullable() }).meta({ id: 'LeadCost' })
export type LeadCost = z.infer<typeof LeadCost>
