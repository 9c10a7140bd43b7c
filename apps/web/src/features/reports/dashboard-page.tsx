import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useSearchParams } from 'react-router'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { useAuth } from '../../app/auth.tsx'
import { ErrorView } from '../errors/error-view.tsx'
import { ChartCard, FiguresTable } from './chart-card.tsx'
import { DateRangePicker } from './date-range-picker.tsx'
import { lastDays, shortDay } from './report-dates.ts'
import {
  csvUrl,
  type DailyReport,
  type DateRange,
  getDailyReport,
  getRepsReport,
  getSourcesReport,
  getTodayReport,
  type RepsReport,
  reportKeys,
  type SourcesReport,
  type SourcesReportRow,
} from './reports.api.ts'
import { type Column, SortableTable } from './sortable-table.tsx'
import './reports.css'

// One colour per source in the stacked bars, cycling after ten.
const palette = [
  '#1f5fbf',
  '#e07b39',
  '#2e9e6b',
  '#b44fb0',
  '#c9a227',
  '#4aa3c7',
  '#c24d4d',
  '#6c6fd1',
  '#7a8b3c',
  '#8c5a3c',
]

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)} %`)

/** The period from the address (?from=&to=), the last 30 days by default: a dashboard link keeps it. */
function useRange(): [DateRange, (r: DateRange) => void] {
  const [params, setParams] = useSearchParams()
  const fallback = lastDays(30)
  const range = { from: params.get('from') ?? fallback.from, to: params.get('to') ?? fallback.to }
  return [range, (r) => setParams({ from: r.from, to: r.to }, { replace: true })]
}

function Stat({ label, value, hint }: { label: string; value: ReactNode; hint?: string }) {
  return (
    <div className="stat">
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
      {hint && <span className="stat-hint muted">{hint}</span>}
    </div>
  )
}

function TodayNumbers() {
  const today = useQuery({ queryKey: reportKeys.today, queryFn: ({ signal }) => getTodayReport(signal) })
  if (today.error) return <ErrorView error={today.error} onRetry={() => today.refetch()} />
  const t = today.data
  const q = t?.queueByPriority
  return (
    <section className="section" aria-labelledby="today-title">
      <div className="section-header">
        <h2 id="today-title">Today</h2>
      </div>
      <div className="stats" aria-busy={today.isPending}>
        <Stat label="New leads" value={t?.newLeads ?? '…'} />
        <Stat
          label="In the queue"
          value={q ? q.high + q.medium + q.normal : '…'}
          {...(q && { hint: `${q.high} high · ${q.medium} medium · ${q.normal} normal` })}
        />
        <Stat label="Awaiting acceptance" value={t?.awaitingAcceptance ?? '…'} />
        <Stat label="Returned this week" value={t?.returnedThisWeek ?? '…'} />
        <Stat label="Sold today" value={t?.soldToday ?? '…'} />
      </div>
    </section>
  )
}

function DailyChart({ report }: { report: DailyReport }) {
  const data = report.days.map((d) => ({
    day: shortDay(d.date),
    ...Object.fromEntries(d.bySource.map((s) => [s.partnerCompanyId, s.received])),
  }))
  return (
    <ChartCard
      title="Leads per day by source"
      actions={
        <a className="button" href={csvUrl('daily', report)} download>
          CSV
        </a>
      }
      chart={
        <ResponsiveContainer width="100%" height={280}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={12} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {report.sources.map((s, i) => (
              <Bar
                key={s.partnerCompanyId}
                dataKey={s.partnerCompanyId}
                name={s.name}
                stackId="received"
                fill={palette[i % palette.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <FiguresTable
          label="Leads per day"
          head={['Day', ...report.sources.map((s) => s.name), 'Received', 'Converted', 'Returned', 'Sold']}
          rows={report.days.map((d) => ({
            key: d.date,
            cells: [
              d.date,
              ...report.sources.map(
                (s) => d.bySource.find((b) => b.partnerCompanyId === s.partnerCompanyId)?.received ?? 0,
              ),
              d.received,
              d.converted,
              d.returned,
              d.sold,
            ],
          }))}
        />
      }
    />
  )
}

function Funnel({ report }: { report: SourcesReport }) {
  const t = report.totals
  const steps = [
    { step: 'Received', leads: t.received },
    { step: 'Worked', leads: t.worked },
    { step: 'Converted', leads: t.converted },
    { step: 'Sold', leads: t.sold },
    { step: 'Returned', leads: t.returned },
    { step: 'Invalid', leads: t.invalid },
  ]
  return (
    <ChartCard
      title="Funnel"
      chart={
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={steps} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
            <YAxis type="category" dataKey="step" width={80} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Bar dataKey="leads" name="Leads" fill="#1f5fbf" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <FiguresTable
          label="Funnel"
          head={['Step', 'Leads', 'Of received']}
          rows={steps.map((s) => ({
            key: s.step,
            cells: [s.step, s.leads, t.received ? percent(s.leads / t.received) : '—'],
          }))}
        />
      }
    />
  )
}

type SourceLine = SourcesReportRow | (SourcesReport['totals'] & { partnerCompanyId: string })

function SourcesTable({ report }: { report: SourcesReport }) {
  const money = (v: string | null) => (v === null ? '—' : `${v} ${report.currency}`)
  const columns: Column<SourceLine>[] = [
    { key: 'name', label: 'Source', value: (r) => r.name },
    { key: 'received', label: 'Received', value: (r) => r.received, numeric: true },
    { key: 'duplicatesRefused', label: 'Duplicates', value: (r) => r.duplicatesRefused, numeric: true },
    { key: 'converted', label: 'Converted', value: (r) => r.converted, numeric: true },
    {
      key: 'conversionRate',
      label: 'Conversion',
      value: (r) => r.conversionRate,
      render: (r) => percent(r.conversionRate),
      numeric: true,
    },
    { key: 'returned', label: 'Returned', value: (r) => r.returned, numeric: true },
    {
      key: 'returnRate',
      label: 'Return rate',
      value: (r) => r.returnRate,
      render: (r) => percent(r.returnRate),
      numeric: true,
    },
    { key: 'sold', label: 'Sold', value: (r) => r.sold, numeric: true },
    { key: 'invalid', label: 'Invalid', value: (r) => r.invalid, numeric: true },
    { key: 'cost', label: 'Cost', value: (r) => Number(r.cost), render: (r) => money(r.cost), numeric: true },
    {
      key: 'costPerConversion',
      label: 'Cost per conversion',
      value: (r) => (r.costPerConversion === null ? null : Number(r.costPerConversion)),
      render: (r) => money(r.costPerConversion),
      numeric: true,
    },
    {
      key: 'revenue',
      label: 'Revenue',
      value: (r) => Number(r.revenue),
      render: (r) => money(r.revenue),
      numeric: true,
    },
    {
      key: 'medianMinutesToFirstRequest',
      label: 'Minutes to first request',
      value: (r) => r.medianMinutesToFirstRequest,
      numeric: true,
    },
  ]
  return (
    <section className="section" aria-labelledby="sources-title">
      <div className="section-header">
        <h2 id="sources-title">Sources</h2>
        <a className="button" href={csvUrl('sources', report)} download>
          CSV
        </a>
      </div>
      {report.rows.length === 0 ? (
        <div className="card empty-state">
          <p>No leads arrived in this period.</p>
        </div>
      ) : (
        <SortableTable
          label="Sources"
          columns={columns}
          rows={report.rows}
          rowKey={(r) => `${r.partnerCompanyId}`}
          footer={{ ...report.totals, partnerCompanyId: '' }}
          initial={{ key: 'received', descending: true }}
        />
      )}
    </section>
  )
}

type RepLine = RepsReport['rows'][number]

function RepsTable({ report, range }: { report: RepsReport; range: DateRange }) {
  const columns: Column<RepLine>[] = [
    { key: 'name', label: 'Rep', value: (r) => r.name },
    { key: 'requested', label: 'Requested', value: (r) => r.requested, numeric: true },
    { key: 'converted', label: 'Converted', value: (r) => r.converted, numeric: true },
    { key: 'returned', label: 'Returned', value: (r) => r.returned, numeric: true },
    { key: 'invalid', label: 'Invalid', value: (r) => r.invalid, numeric: true },
    {
      key: 'medianMinutesToConvert',
      label: 'Minutes to convert',
      value: (r) => r.medianMinutesToConvert,
      numeric: true,
    },
  ]
  return (
    <section className="section" aria-labelledby="reps-title">
      <div className="section-header">
        <h2 id="reps-title">Reps</h2>
        <a className="button" href={csvUrl('reps', range)} download>
          CSV
        </a>
      </div>
      {report.rows.length === 0 ? (
        <div className="card empty-state">
          <p>Nobody worked a lead in this period.</p>
        </div>
      ) : (
        <SortableTable label="Reps" columns={columns} rows={report.rows} rowKey={(r) => r.userId} />
      )}
    </section>
  )
}

/** Reports over the chosen period, each loading and failing on its own. */
function Period({ range }: { range: DateRange }) {
  const options = { placeholderData: keepPreviousData }
  const sources = useQuery({
    queryKey: reportKeys.sources(range),
    queryFn: ({ signal }) => getSourcesReport(range, signal),
    ...options,
  })
  const daily = useQuery({
    queryKey: reportKeys.daily(range),
    queryFn: ({ signal }) => getDailyReport(range, signal),
    ...options,
  })
  const reps = useQuery({
    queryKey: reportKeys.reps(range),
    queryFn: ({ signal }) => getRepsReport(range, signal),
    ...options,
  })
  const failed = sources.error ?? daily.error ?? reps.error
  if (failed)
    return (
      <ErrorView
        error={failed}
        onRetry={() => void Promise.all([sources.refetch(), daily.refetch(), reps.refetch()])}
      />
    )
  return (
    <div aria-busy={sources.isFetching || daily.isFetching || reps.isFetching}>
      <div className="chart-grid section">
        {daily.data ? <DailyChart report={daily.data} /> : <p className="muted">Loading…</p>}
        {sources.data ? <Funnel report={sources.data} /> : <p className="muted">Loading…</p>}
      </div>
      {sources.data && <SourcesTable report={sources.data} />}
      {reps.data && <RepsTable report={reps.data} range={range} />}
    </div>
  )
}

/** The home page: what came in today, and what each source cost and yielded over a period. */
export function DashboardPage() {
  const { me } = useAuth()
  const [range, setRange] = useRange()
  return (
    <section className="page">
      <title>Dashboard · Tributary</title>
      <header className="page-header page-header-split">
        <div>
          <p className="breadcrumb">{me.company.name}</p>
          <h1>Dashboard</h1>
        </div>
        <DateRangePicker range={range} onChange={setRange} />
      </header>
      <TodayNumbers />
      <Period range={range} />
    </section>
  )
}
