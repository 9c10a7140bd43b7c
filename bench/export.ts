/**
 * Export: rows per second of `GET /api/v1/leads/export.csv` (all 1,000,000 leads of the company,
 * the list's default order) against psql's `\copy (select …) to stdout` of the same columns in the
 * same order, and the server's resident memory while it streams against the same server idle.
 */
import { spawn } from 'node:child_process'
import { request } from 'node:http'
import path from 'node:path'
import { leadSource, signup } from './lib/api.ts'
import { CpuMeter, describeCpu } from './lib/cpu.ts'
import { createDatabase } from './lib/db.ts'
import { type BenchResult, log, round } from './lib/load.ts'
import { pgbenchPath } from './lib/pgbench.ts'
import { migrate, type Server, startServer } from './lib/server.ts'
import { fillLeads } from './list.ts'

const LEADS = Number(process.env.BENCH_LEADS || 1_000_000)

/** Reads a whole stream, counting bytes and lines; calls `tick` between chunks. */
async function drain(stream: NodeJS.ReadableStream, tick: () => void) {
  let bytes = 0
  let lines = 0
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++
    tick()
  }
  return { bytes, lines }
}

/** The export over HTTP, the body read as fast as it comes; RSS sampled every 20 ms meanwhile. */
async function exportOverHttp(server: Server, token: string) {
  const base = new URL(server.url)
  let peakRss = server.rssMb()
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, server.rssMb())
  }, 20)
  try {
    const started = process.hrtime.bigint()
    const res = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
      const req = request(
        {
          host: base.hostname,
          port: base.port,
          path: '/api/v1/leads/export.csv',
          headers: { authorization: `Bearer ${token}` },
        },
        resolve,
      )
      req.on('error', reject)
      req.end()
    })
    if (res.statusCode !== 200) throw new Error(`export answered ${res.statusCode}`)
    const read = await drain(res, () => {})
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    return { ...read, seconds, peakRss: Math.max(peakRss, server.rssMb()) }
  } finally {
    clearInterval(sampler)
  }
}

/** The same columns and order as leads.export.ts, names by join, written by PostgreSQL itself. */
const copySql = (companyId: string) =>
  `\\copy (select l.number as "Number", l.first_name as "First name", l.last_name as "Last name",
    l.company_name as "Company", l.email as "Email", l.phone as "Phone", l.street as "Street", l.city as "City",
    l.region as "State", l.postal_code as "ZIP", l.country as "Country", p.name as "Source", c.name as "Campaign",
    l.location as "Location", (array['high', 'medium', 'normal'])[l.priority_rank + 1] as "Priority",
    u.name as "Assigned to", to_char(l.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "Added"
  from leads l
  join partner_companies p on p.company_id = l.company_id and p.id = l.partner_company_id
  left join campaigns c on c.company_id = l.company_id and c.id = l.campaign_id
  left join users u on u.company_id = l.company_id and u.id = l.assigned_user_id
  where l.company_id = '${companyId}'
  order by l.priority_rank, l.created_at, l.id) to stdout with (format csv, header true)`.replace(/\s+/g, ' ')

async function copyWithPsql(url: string, companyId: string) {
  const psql = path.join(path.dirname(pgbenchPath), 'psql')
  const started = process.hrtime.bigint()
  const child = spawn(psql, [url, '-v', 'ON_ERROR_STOP=1', '-c', copySql(companyId)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const read = await drain(child.stdout, () => {})
  const code = await exited
  if (code !== 0) throw new Error(`psql exited with ${code}`)
  return { ...read, seconds: Number(process.hrtime.bigint() - started) / 1e9 }
}

export default async function exportBench(): Promise<BenchResult> {
  const db = await createDatabase()
  let server: Server | undefined
  try {
    await migrate(db.url)
    server = await startServer(db.url)
    const company = await signup(server.url)
    const partner = await leadSource(company)
    log(`export: filling ${LEADS} leads`)
    const fillStart = Date.now()
    await fillLeads(db.url, company, partner)
    log(`  filled in ${round((Date.now() - fillStart) / 1000, 1)} s`)

    const idleRss = server.rssMb()
    log(`export: GET /api/v1/leads/export.csv (all ${LEADS} leads), server RSS idle ${idleRss} MB`)
    const meter = new CpuMeter(db.name, server.pid).start()
    const http = await exportOverHttp(server, company.token)
    const httpCpu = meter.stop()
    const rows = http.lines - 1
    if (rows !== LEADS) throw new Error(`the export had ${rows} rows, not ${LEADS}`)
    const httpRate = rows / http.seconds
    log(
      `  ${round(http.seconds, 2)} s, ${round(httpRate, 0)} rows/s, ${round(http.bytes / 1e6, 1)} MB; ` +
        `RSS peak ${http.peakRss} MB (idle ${idleRss} MB)`,
    )
    log(`  ${describeCpu(httpCpu, rows, 'row')}`)

    log(`export: psql \\copy (select …) to stdout of the same columns and order`)
    const copyMeter = new CpuMeter(db.name, server.pid).start()
    const copy = await copyWithPsql(db.url, company.companyId)
    const copyCpu = copyMeter.stop()
    if (copy.lines - 1 !== LEADS) throw new Error(`\\copy gave ${copy.lines - 1} rows, not ${LEADS}`)
    const copyRate = LEADS / copy.seconds
    log(`  ${round(copy.seconds, 2)} s, ${round(copyRate, 0)} rows/s, ${round(copy.bytes / 1e6, 1)} MB`)
    log(`  ${describeCpu(copyCpu, LEADS, 'row')}`)

    const rssOverIdleMb = round(http.peakRss - idleRss, 1)
    return {
      name: 'export',
      unit: 'rows/s',
      tributary: round(httpRate, 0),
      limit: round(copyRate, 0),
      ratio: round(httpRate / copyRate, 3),
      goal: 0.5,
      leads: LEADS,
      idleRssMb: idleRss,
      exportPeakRssMb: http.peakRss,
      rssOverIdleMb,
      rssGoalMb: 50,
      otherCpuPct: httpCpu?.pct.other,
      copyOtherCpuPct: copyCpu?.pct.other,
      peakRssMb: server.peakRssMb(),
    }
  } finally {
    await server?.stop()
    await db.drop()
  }
}
