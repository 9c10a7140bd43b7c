/**
 * Embedded intake: `POST /api/v1/leads` through autocannon (32 connections, 20 s) against
 * `tributary start` on the embedded database (PGlite, inside the server's process) ÷ PGlite
 * running the same writes in this process — the lead row, its timeline event and a pg-boss job,
 * one transaction each — on the server's own data once it has stopped.
 */
import { rmSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { createQueue, insertJobs } from 'pg-boss/dist/plans.js'
import { leadBody } from './intake.ts'
import { apiKey, leadSource, signup } from './lib/api.ts'
import { CpuMeter, describeCpu } from './lib/cpu.ts'
import { type BenchResult, load, log, round } from './lib/load.ts'
import { startServer } from './lib/server.ts'

const CONNECTIONS = 32
const SECONDS = Number(process.env.BENCH_SECONDS || 20)
const WARMUP_SECONDS = 3
const JOB_QUEUE = 'bench.lead-created'

const insertLead = `insert into leads (company_id, id, first_name, last_name, email, phone, street, city, region,
    postal_code, country, timezone, partner_company_id, location, priority_rank, contact_after, email_key,
    name_address_key)
  values ($1, gen_random_uuid(), 'Lead', 'Sql' || $3::text, 'sql' || $3::text || '@bench.test',
    '+1555' || lpad($3::text, 10, '0'), $3::text || ' Main Street', 'New York', 'NY', '10001', 'US',
    'America/New_York', $2, 'queue', 0, now(), 'sql' || $3::text || '@bench.test',
    'lead sql' || $3::text || ' ' || $3::text || ' main street 10001')
  returning *`
const insertEvent = `insert into timeline_events (company_id, id, record_kind, record_id, actor_user_id, actor_label,
    type, detail)
  values ($1, gen_random_uuid(), 'lead', $2, $3, 'bench intake (API key)', 'created',
    jsonb_build_object('via', 'api', 'location', 'queue', 'partnerCompanyId', $4::text, 'campaignId', null))`

export default async function embedded(): Promise<BenchResult> {
  const server = await startServer(null, 'start')
  let stopped = false
  try {
    const company = await signup(server.url)
    const partner = await leadSource(company)
    const key = await apiKey(company)
    log(`embedded: server ${server.url} (pid ${server.pid}) on PGlite in ${server.dataDir}`)
    let counter = 0
    const run = (duration: number) =>
      load({
        url: server.url,
        connections: CONNECTIONS,
        duration,
        requests: [
          {
            method: 'POST',
            path: '/api/v1/leads',
            setupRequest: (request) => ({
              ...request,
              headers: {
                ...request.headers,
                authorization: `Bearer ${key}`,
                'content-type': 'application/json',
              },
              body: leadBody(counter++, partner),
            }),
          },
        ],
      })
    log(`embedded: warm-up ${WARMUP_SECONDS} s`)
    await run(WARMUP_SECONDS)
    log(`embedded: autocannon, ${CONNECTIONS} connections, ${SECONDS} s`)
    const httpCpu = new CpuMeter('-', server.pid).start()
    const http = await run(SECONDS)
    const httpCpuReport = httpCpu.stop()
    const leadsPerSecond = http.ok / http.seconds
    log(
      `  ${http.ok} leads created (2xx) in ${round(http.seconds, 1)} s = ${round(leadsPerSecond, 1)}/s; ` +
        `non-2xx ${http.non2xx} ${JSON.stringify(http.statusCodes)}, errors ${http.errors}`,
    )
    log(`  latency ms p50 ${http.latencyMs.p50}, p90 ${http.latencyMs.p90}, p99 ${http.latencyMs.p99}`)
    log(`  ${describeCpu(httpCpuReport, http.ok, 'lead')}`)
    const peakRssMb = server.peakRssMb()
    await server.stop()
    stopped = true

    // The limit: the same writes on the same data, in this process, one transaction at a time.
    const pg = await PGlite.create(server.dataDir)
    try {
      await pg.exec(createQueue('pgboss', JOB_QUEUE, { policy: 'standard' }, false))
      const { rows } = await pg.query<{ table_name: string }>(
        'select table_name from pgboss.queue where name = $1',
        [JOB_QUEUE],
      )
      const insertJob = insertJobs('pgboss', {
        table: rows[0]?.table_name as string,
        name: JOB_QUEUE,
        returnId: true,
      })
      const write = async (n: number) =>
        pg.transaction(async (tx) => {
          const lead = await tx.query<{ id: string }>(insertLead, [company.companyId, partner, n])
          const leadId = lead.rows[0]?.id as string
          await tx.query(insertEvent, [company.companyId, leadId, company.userId, partner])
          await tx.query(insertJob, [JSON.stringify([{ data: { leadId } }])])
        })
      const warmUntil = Date.now() + WARMUP_SECONDS * 1000
      let n = 0
      while (Date.now() < warmUntil) await write(n++)
      log(`embedded: PGlite in this process, ${SECONDS} s (lead + timeline event + pg-boss job)`)
      const sqlCpu = new CpuMeter('-').start()
      const started = Date.now()
      const until = started + SECONDS * 1000
      let transactions = 0
      while (Date.now() < until) {
        await write(n++)
        transactions++
      }
      const tps = transactions / ((Date.now() - started) / 1000)
      const sqlCpuReport = sqlCpu.stop()
      log(`  ${transactions} transactions, ${round(tps, 1)} tps`)
      log(`  ${describeCpu(sqlCpuReport, transactions, 'lead')}`)
      log(`  server peak RSS ${peakRssMb} MB`)
      return {
        name: 'embedded',
        unit: 'leads/s',
        tributary: round(leadsPerSecond, 1),
        limit: round(tps, 1),
        ratio: round(leadsPerSecond / tps, 3),
        goal: 0.5,
        non2xx: http.non2xx,
        errors: http.errors,
        latencyMs: http.latencyMs,
        peakRssMb,
        otherCpuPct: { http: httpCpuReport?.pct.other, sql: sqlCpuReport?.pct.other },
      }
    } finally {
      await pg.close()
    }
  } finally {
    if (!stopped) await server.stop()
    rmSync(server.dataDir, { recursive: true, force: true })
  }
}
