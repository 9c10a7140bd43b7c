/**
 * Lead intake: `POST /api/v1/leads` through autocannon (32 connections, 20 s) ÷ pgbench running the
 * same writes — the lead row, its timeline event and a pg-boss job — at 32 clients for 20 s.
 */
import { createQueue, insertJobs } from 'pg-boss/dist/plans.js'
import { apiKey, leadSource, signup } from './lib/api.ts'
import { CpuMeter, cpuPerUnit, cpuRatio, describeCpu } from './lib/cpu.ts'
import { createDatabase, withClient } from './lib/db.ts'
import { type BenchResult, load, log, perUnit, round } from './lib/load.ts'
import { pgbench } from './lib/pgbench.ts'
import { migrate, startServer } from './lib/server.ts'

const CONNECTIONS = 32
const SECONDS = Number(process.env.BENCH_SECONDS || 20)
const WARMUP_SECONDS = 3
const JOB_QUEUE = 'bench.lead-created'

// Valid, unique US numbers: 20 area codes × 800 exchanges × 10,000 lines.
const areas = [
  212, 213, 312, 415, 617, 713, 206, 303, 404, 503, 602, 702, 305, 214, 718, 646, 917, 202, 310, 408,
]
function phone(i: number): string {
  const rest = Math.floor(i / areas.length)
  const exchange = 200 + (Math.floor(rest / 10_000) % 800)
  return `+1${areas[i % areas.length]}${exchange}${String(rest % 10_000).padStart(4, '0')}`
}

/** A full lead, unique in phone, email and name+address: every duplicate check runs and passes. */
export const leadBody = (i: number, partnerCompanyId: string) =>
  JSON.stringify({
    firstName: 'Lead',
    lastName: `Number${i}`,
    email: `lead${i}@bench.test`,
    phone: phone(i),
    address: {
      street: `${i} Main Street`,
      city: 'New York',
      region: 'NY',
      postalCode: '10001',
      country: 'US',
    },
    partnerCompanyId,
  })

/** The SQL limit: what the intake writes, in one transaction, without the reads and checks around it. */
export function intakeScript(jobInsert: string): string {
  const job = jobInsert.replace(
    '$1',
    `(json_build_array(json_build_object('data', json_build_object('leadId', :l_id::text))))`,
  )
  return `\\set n random(1, 2000000000)
BEGIN;
INSERT INTO leads (company_id, id, first_name, last_name, company_name, email, phone, street, city, region,
  postal_code, country, timezone, partner_company_id, campaign_id, location, priority_rank, contact_after,
  call_center_comments, notes, external_partner_company_id, external_campaign_id, trusted_form_cert_url,
  leadid_token, email_key, name_address_key)
VALUES (:company, bench_uuid7(), 'Lead', 'Sql' || :n::text, NULL, 'sql' || :n::text || '@bench.test',
  '+1555' || lpad(:n::text, 10, '0'), :n::text || ' Main Street', 'New York', 'NY', '10001', 'US',
  'America/New_York', :partner, NULL, 'queue', 0, now(), NULL, NULL, NULL, NULL, NULL, NULL,
  'sql' || :n::text || '@bench.test', 'lead sql' || :n::text || ' ' || :n::text || ' main street 10001')
RETURNING * \\gset l_
INSERT INTO timeline_events (company_id, id, record_kind, record_id, actor_user_id, actor_label, type, detail)
VALUES (:company, bench_uuid7(), 'lead', :l_id, :user, 'bench intake (API key)', 'created',
  json_build_object('via', 'api', 'location', 'queue', 'partnerCompanyId', :partner::text, 'campaignId', NULL)::jsonb);
${job.trim()};
END;
`
}

let counter = 0

/** autocannon posting full leads with an API key: for `seconds`, or until `amount` are sent. */
export const intakeRun = (
  url: string,
  key: string,
  partner: string,
  o: { seconds?: number; amount?: number; connections: number },
) =>
  load({
    url,
    connections: o.connections,
    ...(o.amount ? { amount: o.amount } : { duration: o.seconds }),
    requests: [
      {
        method: 'POST',
        path: '/api/v1/leads',
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: leadBody(counter++, partner),
        }),
      },
    ],
  })

export default async function intake(): Promise<BenchResult> {
  const db = await createDatabase()
  let server: Awaited<ReturnType<typeof startServer>> | undefined
  try {
    await migrate(db.url)
    server = await startServer(db.url)
    const company = await signup(server.url)
    const partner = await leadSource(company)
    const key = await apiKey(company)
    log(`intake: server ${server.url} (pid ${server.pid}), database ${db.name}`)

    const run = (duration: number) =>
      intakeRun(server?.url as string, key, partner, { seconds: duration, connections: CONNECTIONS })
    log(`intake: warm-up ${WARMUP_SECONDS} s`)
    await run(WARMUP_SECONDS)
    log(`intake: autocannon, ${CONNECTIONS} connections, ${SECONDS} s`)
    const httpCpu = new CpuMeter(db.name, server.pid).start()
    const http = await run(SECONDS)
    const httpCpuReport = httpCpu.stop()
    const leadsPerSecond = http.ok / http.seconds
    log(
      `  ${http.ok} leads created (2xx) in ${round(http.seconds, 1)} s = ${round(leadsPerSecond, 1)}/s; ` +
        `non-2xx ${http.non2xx} ${JSON.stringify(http.statusCodes)}, errors ${http.errors}, timeouts ${http.timeouts}`,
    )
    log(`  latency ms p50 ${http.latencyMs.p50}, p90 ${http.latencyMs.p90}, p99 ${http.latencyMs.p99}`)
    log(`  per second: ${http.perSecond.join(' ')}`)
    log(`  ${describeCpu(httpCpuReport, http.ok, 'lead')}`)

    // The limit, in the same database (same table, same indexes, same size), with the server idle.
    const table = await withClient(db.url, async (c) => {
      await c.query(`create or replace function bench_uuid7() returns uuid language sql volatile as $$
        select (lpad(to_hex((extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0') || '7' ||
          substr(md5(random()::text), 1, 3) || '8' || substr(md5(random()::text), 1, 15))::uuid $$`)
      await c.query(createQueue('pgboss', JOB_QUEUE, { policy: 'standard' }, false))
      const { rows } = await c.query('select table_name from pgboss.queue where name = $1', [JOB_QUEUE])
      return rows[0].table_name as string
    })
    const script = intakeScript(insertJobs('pgboss', { table, name: JOB_QUEUE, returnId: true }))
    log(`intake: pgbench, ${CONNECTIONS} clients, ${SECONDS} s (lead + timeline event + pg-boss job)`)
    const sqlCpu = new CpuMeter(db.name).start()
    const sql = await pgbench({
      url: db.url,
      script,
      clients: CONNECTIONS,
      seconds: SECONDS,
      vars: { company: company.companyId, partner, user: company.userId },
    })
    const sqlCpuReport = sqlCpu.stop()
    log(`  ${sql.transactions} transactions, ${round(sql.tps, 1)} tps, ${sql.failed} failed`)
    log(`  ${describeCpu(sqlCpuReport, sql.transactions, 'lead')}`)
    const jobs = await withClient(db.url, async (c) => {
      const { rows } = await c.query(`select count(*)::int as n from pgboss.${table} where name = $1`, [
        JOB_QUEUE,
      ])
      return rows[0].n as number
    })
    if (jobs < sql.transactions) throw new Error(`pgbench wrote ${jobs} jobs for ${sql.transactions} leads`)

    const peakRssMb = server.peakRssMb()
    log(`  server peak RSS ${peakRssMb} MB`)
    return {
      name: 'intake',
      unit: 'leads/s',
      tributary: round(leadsPerSecond, 1),
      limit: round(sql.tps, 1),
      ratio: round(leadsPerSecond / sql.tps, 3),
      goal: 0.35,
      non2xx: http.non2xx,
      statusCodes: http.statusCodes,
      errors: http.errors,
      latencyMs: http.latencyMs,
      peakRssMb,
      cpuMsPerLead: {
        server: perUnit(httpCpuReport?.ms.server, http.ok),
        postgres: perUnit(httpCpuReport?.ms.postgres, http.ok),
        postgresSql: perUnit(sqlCpuReport?.ms.postgres, sql.transactions),
      },
      cpuRatio: cpuRatio(
        cpuPerUnit(sqlCpuReport, ['postgres', 'pgbench'], sql.transactions),
        cpuPerUnit(httpCpuReport, ['server', 'postgres', 'loadgen'], http.ok),
      ),
      otherCpuPct: { http: httpCpuReport?.pct.other, sql: sqlCpuReport?.pct.other },
    }
  } finally {
    await server?.stop()
    await db.drop()
  }
}
