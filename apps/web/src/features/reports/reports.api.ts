import { api } from '../../app/api.ts'
import type {
  DailyReport,
  PartnerReport,
  RepsReport,
  SourcesReport,
  SourcesReportRow,
  TodayReport,
} from '../../app/contracts.ts'

/** Days in the company's time zone, both inclusive ('YYYY-MM-DD'). */
export type DateRange = { from: string; to: string }

const span = (r: DateRange) => `from=${r.from}&to=${r.to}`

export const reportKeys = {
  all: ['reports'] as const,
  sources: (r: DateRange) => ['reports', 'sources', r] as const,
  daily: (r: DateRange) => ['reports', 'daily', r] as const,
  reps: (r: DateRange) => ['reports', 'reps', r] as const,
  today: ['reports', 'today'] as const,
  partner: (r: DateRange | null) => ['reports', 'partner', r] as const,
}

export const getSourcesReport = (r: DateRange, signal?: AbortSignal) =>
  api.get<SourcesReport>(`/api/v1/reports/sources?${span(r)}`, signal ? { signal } : undefined)
export const getDailyReport = (r: DateRange, signal?: AbortSignal) =>
  api.get<DailyReport>(`/api/v1/reports/daily?${span(r)}`, signal ? { signal } : undefined)
export const getRepsReport = (r: DateRange, signal?: AbortSignal) =>
  api.get<RepsReport>(`/api/v1/reports/reps?${span(r)}`, signal ? { signal } : undefined)
export const getTodayReport = (signal?: AbortSignal) =>
  api.get<TodayReport>('/api/v1/reports/today', signal ? { signal } : undefined)
export const getPartnerReport = (r: DateRange | null, signal?: AbortSignal) =>
  api.get<PartnerReport>(`/api/v1/reports/partner${r ? `?${span(r)}` : ''}`, signal ? { signal } : undefined)

/** The CSV download of a report, same period. */
export const csvUrl = (report: 'sources' | 'daily' | 'reps', r: DateRange) =>
  `/api/v1/reports/${report}.csv?${span(r)}`

export type { DailyReport, PartnerReport, RepsReport, SourcesReport, SourcesReportRow, TodayReport }
