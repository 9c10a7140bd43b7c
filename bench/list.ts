/**
 * Lead list: p50/p95 latency of the first page of `GET /api/v1/leads?location=queue` with
 * 1,000,000 leads in the company, against the same SQL (leads.repo.ts `listLeads`, limit 51)
 * timed from Node with `pg` — sequential requests, after a warm-up.
 */
import { Agent, request } from 'node:http'
import pg from 'pg'
import { listLeads } from '../apps/server/src/domains/leads/leads.repo.ts'
import { type Company, leadSource, signup } from './lib/api.ts'
import { CpuMeter, describeCpu } from './lib/cpu.ts'
import { createDatabase, uuid7Sql, withClient } from './lib/db.ts'
import { type BenchResult, log, percentile, perUnit, round } from './lib/load.ts'
import { recordQuery } from './lib/recorder.ts'
import { migrate, type Server, startServer } from './lib/server.ts'

const LEADS = Number(process.env.BENCH_LEADS || 1_000_000)
const SAMPLES = Number(process.env.BENCH_SAMPLES || 500)
// A server runs warm: V8 optimises a function after many calls, and after only 100 requests a
// third of the run still went through unoptimised code (p50 2.4 ms; 1.6 ms after 1,000).
const WARMUP = 1000
const PAGE = 50

/** 1,000,000 leads over a year: 40 % queue, 20 % pending, 30 % assigned, 10 % invalid; three priorities. */
export async function fillLeads(url: string, company: Company, partnerId: string) {
  await withClient(url, async (c) => {
    // Bulk rows reference an existing source and user: skip the per-row foreign-key triggers.
    await c.query('set session_replication_role = replica')
    const created = `(now() - interval '365 days' + g * interval '31 seconds')`
    const location = `(case when g % 10 < 4 then 'queue' when g % 10 < 6 then 'pending' when g % 10 < 9 then 'assigned' else 'invalid' end)`
    for (let from = 1; from <= LEADS; from += 250_000) {
      const to = Math.min(LEADS, from + 249_999)
      await c.query(
        `insert into leads (company_id, id, first_name, last_name, email, phone, street, city, region, postal_code,
           country, timezone, partner_company_id, location, priority_rank, assigned_user_id, contact_after,
           email_key, name_address_key, created_at, updated_at)
         select $1, ${uuid7Sql(created, 'g')}, 'Listed', 'Lead ' || g, 'listed' || g || '@bench.test',
           '+1555' || lpad(g::text, 7, '0'), g || ' Main Street', 'New York', 'NY', '10001', 'US',
           'America/New_York', $2, ${location}, g % 3, case when ${location} = 'assigned' then $3::uuid end,
           ${created}, 'listed' || g || '@bench.test', 'listed lead ' || g || ' ' || g || ' main street 10001',
           ${created}, ${created}
         from generate_series($4::int, $5::int) g`,
        [company.companyId, partnerId, company.userId, from, to],
      )
    }
    // What autovacuum would have done to a table that size.
    await c.query('vacuum (analyze) leads')
  })
}

async function time(samples: number, once: () => Promise<void>): Promise<number[]> {
  const ms: number[] = []
  for (let i = 0; i < samples; i++) {
    const start = process.hrtime.bigint()
    await once()
    ms.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  return ms.sort((a, b) => a - b)
}

export default async function list(): Promise<BenchResult> {
  const db = await createDatabase()
  let server: Server | undefined
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  try {
    await migrate(db.url)
    server = await startServer(db.url)
    const company = await signup(server.url)
    const partner = await leadSource(company)
    log(`list: filling ${LEADS} leads`)
    const fillStart = Date.now()
    await fillLeads(db.url, company, partner)
    log(`  filled in ${round((Date.now() - fillStart) / 1000, 1)} s`)
    const base = new URL(server.url)

    // One keep-alive connection, one request at a time; the body is read in full.
    const get = () =>
      new Promise<void>((resolve, reject) => {
        const req = request(
          {
            host: base.hostname,
            port: base.port,
            path: '/api/v1/leads?location=queue',
            agent,
            headers: { authorization: `Bearer ${company.token}` },
          },
          (res) => {
            let body = ''
            res.setEncoding('utf8')
            res.on('data', (chunk: string) => {
              body += chunk
            })
            res.on('end', () => {
              if (res.statusCode !== 200) return reject(new Error(`GET leads: ${res.statusCode} ${body}`))
              const page = JSON.parse(body) as { items: unknown[] }
              if (page.items.length !== PAGE) return reject(new Error(`a page of ${page.items.length} leads`))
              resolve()
            })
          },
        )
        req.on('error', reject)
        req.end()
      })

    const client = new pg.Client({ connectionString: db.url })
    await client.connect()
    const http: number[] = []
    const sql: number[] = []
    let plan: string
    let cpu: ReturnType<CpuMeter['stop']>
    try {
      // The first page as the server asks for it: leads.repo.ts `listLeads`, limit 51.
      const { text, values } = await recordQuery((recorder) =>
        listLeads(recorder, company.companyId, { location: 'queue' }, PAGE + 1),
      )
      log(`list: the server's SQL: ${text.replace(/\s+/g, ' ')}`)
      const query = async () => {
        const { rows } = await client.query(text, values)
        if (rows.length !== PAGE + 1) throw new Error(`the SQL returned ${rows.length} rows`)
      }
      // Interleaved, one request then one query, so both meet the same machine.
      log(
        `list: GET /api/v1/leads?location=queue and the same SQL from Node (pg), alternately: ` +
          `${WARMUP} warm-up + ${SAMPLES} of each, sequential`,
      )
      await time(WARMUP, get)
      await time(WARMUP, query)
      const meter = new CpuMeter(db.name, server.pid).start()
      for (let i = 0; i < SAMPLES; i++) {
        http.push(...(await time(1, get)))
        sql.push(...(await time(1, query)))
      }
      cpu = meter.stop()
      http.sort((x, y) => x - y)
      sql.sort((x, y) => x - y)
      const explained = await client.query(`explain (analyze, buffers) ${text}`, values)
      plan = explained.rows.map((r) => r['QUERY PLAN']).join('\n')
    } finally {
      await client.end()
    }

    const p = (xs: number[], q: number) => round(percentile(xs, q), 3)
    log(`  HTTP ms p50 ${p(http, 50)}, p95 ${p(http, 95)}, p99 ${p(http, 99)}, max ${p(http, 100)}`)
    log(`  SQL  ms p50 ${p(sql, 50)}, p95 ${p(sql, 95)}, p99 ${p(sql, 99)}, max ${p(sql, 100)}`)
    log(`  ${describeCpu(cpu, SAMPLES, 'request + query')}`)
    log(plan.replace(/^/gm, '    '))
    const peakRssMb = server.peakRssMb()
    log(`  server peak RSS ${peakRssMb} MB`)
    return {
      name: 'list',
      unit: 'ms (p95)',
      tributary: p(http, 95),
      limit: p(sql, 95),
      ratio: round(percentile(http, 95) / percentile(sql, 95), 2),
      goal: 3,
      p50: {
        tributary: p(http, 50),
        limit: p(sql, 50),
        ratio: round(percentile(http, 50) / percentile(sql, 50), 2),
      },
      leads: LEADS,
      samples: SAMPLES,
      serverCpuMsPerRequest: perUnit(cpu?.ms.server, SAMPLES),
      otherCpuPct: cpu?.pct.other,
      peakRssMb,
    }
  } finally {
    agent.destroy()
    await server?.stop()
    await db.drop()
  }
}
