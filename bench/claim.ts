/**
 * Queue claims: `POST /api/v1/queue/request` by 64 reps over 32 connections for 90 s on a queue of
 * 100,000 leads ÷ pgbench running the bare claim statement at 32 clients on a fresh copy of that
 * queue. Also the claim rate of the last 10 s ÷ the first 10 s (dead rows at the head of the queue
 * index make a naive claim decay), and a check that no lead was handed out twice (fails the run).
 *
 * After a request a lead goes back to the queue, behind the others of its priority (the queue's
 * "back to queue" mode, no blacklist): the queue stays at 100,000 however fast the claims come, as
 * when reps work and requeue all day. So a lead is handed out again once its priority band has
 * gone round (tens of thousands of claims, many seconds later); "twice" is two hand-outs of one
 * lead less than DOUBLE_CLAIM_GAP apart, i.e. to two reps at once.
 */
import type { Client } from 'autocannon'
import { zonesWithinHours } from '../apps/server/src/domains/queue/local-hours.ts'
import { claimNextLead } from '../apps/server/src/domains/queue/queue.repo.ts'
import { type Company, leadSource, queueSettings, type Rep, reps, signup } from './lib/api.ts'
import { CpuMeter, cpuPerUnit, cpuRatio, describeCpu } from './lib/cpu.ts'
import { type BenchDatabase, createDatabase, tableStats, uuid7Sql, withClient } from './lib/db.ts'
import { type BenchResult, load, log, perUnit, round, sum } from './lib/load.ts'
import { pgbench } from './lib/pgbench.ts'
import { asPgbench, type RecordedQuery, recordQuery } from './lib/recorder.ts'
import { migrate, type Server, startServer } from './lib/server.ts'

const CONNECTIONS = 32
const REPS = 64
const QUEUE = Number(process.env.BENCH_LEADS || 100_000)
const SECONDS = Number(process.env.BENCH_SECONDS || 90)
const WARMUP_SECONDS = 3
const WINDOW = 10
const DOUBLE_CLAIM_GAP_MS = 1000
// Four US zones for the queued leads, skipping one whose local time is about to leave 00:00–23:59.
const ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Anchorage',
]
  .filter((zone) => {
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    return local.format(new Date()) < '23:45'
  })
  .slice(0, 4)
const FROM = '00:00'
const UNTIL = '23:59'
const COMPANY_ZONE = 'America/New_York'

/** 100,000 requestable leads: three priorities, arrived over the last 30 days, four US zones. */
async function fillQueue(url: string, company: Company, partnerId: string) {
  await withClient(url, async (c) => {
    const created = `(now() - interval '30 days' + g * interval '25 ms')`
    await c.query(
      `insert into leads (company_id, id, first_name, last_name, email, phone, region, country, timezone,
         partner_company_id, location, priority_rank, contact_after, email_key, created_at, updated_at)
       select $1, ${uuid7Sql(created, 'g')}, 'Queued', 'Lead ' || g, 'queued' || g || '@bench.test',
         '+1555' || lpad(g::text, 7, '0'), 'NY', 'US', ($4::text[])[1 + g % 4], $2, 'queue', g % 3,
         ${created} + interval '1 minute', 'queued' || g || '@bench.test', ${created}, ${created}
       from generate_series(1, $3) g`,
      [company.companyId, partnerId, QUEUE, ZONES],
    )
    // Autovacuum would have analysed a table that size; after a bulk load the benchmark does.
    await c.query('vacuum (analyze) leads')
  })
}

async function copyDatabase(template: string) {
  // The server's connections may linger a moment after it stops.
  for (let attempt = 0; ; attempt++) {
    try {
      return await createDatabase(template)
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
}

type ClaimLoad = {
  claims: number
  empty: number
  /** When each lead was last answered, and how many answers came within DOUBLE_CLAIM_GAP_MS of its last. */
  lastAnswer: Map<string, number>
  tooSoon: number
  perSecond: number[]
  /** When the run started (Date.now()). */
  start: number
}

/** Each connection alternates between its own two reps (a rep's requests take turns on the server). */
async function claimLoad(server: Server, team: Rep[], seconds: number) {
  const counted: ClaimLoad = {
    claims: 0,
    empty: 0,
    lastAnswer: new Map(),
    tooSoon: 0,
    perSecond: [],
    start: 0,
  }
  let connection = 0
  const start = Date.now()
  counted.start = start
  const result = await load({
    url: server.url,
    connections: CONNECTIONS,
    duration: seconds,
    method: 'POST',
    setupClient: (client: Client) => {
      const mine = team.filter((_, i) => i % CONNECTIONS === connection % CONNECTIONS)
      connection++
      let turn = 0
      client.setRequests([
        {
          method: 'POST',
          path: '/api/v1/queue/request',
          setupRequest: (request) => ({
            ...request,
            headers: { ...request.headers, authorization: `Bearer ${mine[turn++ % mine.length]?.token}` },
          }),
          onResponse: (status, body) => {
            if (status !== 200) return
            const match = /^\{"lead":\{"id":"([^"]+)"/.exec(body)
            if (!match?.[1]) {
              if (body.startsWith('{"lead":null')) counted.empty++
              else throw new Error(`unexpected answer: ${body.slice(0, 200)}`)
              return
            }
            counted.claims++
            const now = Date.now()
            const last = counted.lastAnswer.get(match[1])
            if (last !== undefined && now - last < DOUBLE_CLAIM_GAP_MS) counted.tooSoon++
            counted.lastAnswer.set(match[1], now)
            const second = Math.floor((now - start) / 1000)
            counted.perSecond[second] = (counted.perSecond[second] ?? 0) + 1
          },
        },
      ])
    },
  })
  const whole = Math.floor(result.seconds)
  counted.perSecond = Array.from({ length: whole }, (_, i) => counted.perSecond[i] ?? 0)
  return { result, counted }
}

/**
 * The limit: the bare statement on a fresh copy of the queue, for as many claims as the server
 * made (so both dig equally deep into the dead rows they leave).
 */
async function bareClaims(
  copyUrl: string,
  copyName: string,
  company: Company,
  statement: RecordedQuery,
  claims: number,
) {
  const perClient = Math.max(100, Math.ceil(claims / CONNECTIONS))
  log(
    `claim: pgbench, bare claim statement, ${CONNECTIONS} clients × ${perClient} claims, on a copy of the queue`,
  )
  const claimStatement = asPgbench(statement)
  const meter = new CpuMeter(copyName).start()
  const sql = await pgbench({
    url: copyUrl,
    script: claimStatement.script,
    clients: CONNECTIONS,
    transactions: perClient,
    vars: claimStatement.vars,
  })
  const cpu = meter.stop()
  const claimed = await withClient(copyUrl, async (c) => {
    const { rows } = await c.query(
      `select count(*)::int as n from timeline_events where company_id = $1 and type = 'requested'`,
      [company.companyId],
    )
    return rows[0].n as number
  })
  if (claimed !== sql.transactions)
    throw new Error(`pgbench claimed ${claimed} leads in ${sql.transactions} runs`)
  log(`  ${sql.transactions} claims, ${round(sql.tps, 1)} tps, ${sql.failed} failed`)
  log(`  per second: ${sql.perSecond.map((x) => Math.round(x)).join(' ')}`)
  log(`  ${describeCpu(cpu, sql.transactions, 'claim')}`)
  return { sql, cpu }
}

/**
 * One claim run inside a transaction that is rolled back, under EXPLAIN (ANALYZE, BUFFERS): how
 * many buffers the walk down the queue index touches before it finds a live, unlocked lead.
 */
async function explainClaim(url: string, statement: RecordedQuery) {
  return withClient(url, async (c) => {
    await c.query('begin')
    try {
      const { rows } = await c.query(
        `explain (analyze, buffers, format json) ${statement.text}`,
        statement.values,
      )
      const [explained] = rows[0]['QUERY PLAN'] as {
        'Execution Time': number
        Plan: { 'Shared Hit Blocks': number; 'Shared Read Blocks': number }
      }[]
      if (!explained) throw new Error('no plan')
      return {
        ms: round(explained['Execution Time'], 3),
        buffers: explained.Plan['Shared Hit Blocks'] + explained.Plan['Shared Read Blocks'],
      }
    } finally {
      await c.query('rollback')
    }
  })
}

/**
 * No lead handed out twice at once (two 'requested' events of a lead closer than
 * DOUBLE_CLAIM_GAP_MS), and every requested lead has its events.
 */
async function doubleClaimCheck(url: string, company: Company) {
  return withClient(url, async (c) => {
    const twice = await c.query(
      `select count(*)::int as n from (
         select at - lag(at) over (partition by record_id order by at, id) as gap from timeline_events
         where company_id = $1 and type = 'requested') t
       where gap < make_interval(secs => $2 / 1000.0)`,
      [company.companyId, DOUBLE_CLAIM_GAP_MS],
    )
    const assigned = await c.query(
      `select (select count(*)::int from leads where company_id = $1 and last_requested_by is not null)
          - (select count(distinct record_id)::int from timeline_events
             where company_id = $1 and type = 'requested') as n`,
      [company.companyId],
    )
    const requested = await c.query(
      `select count(*)::int as n from timeline_events where company_id = $1 and type = 'requested'`,
      [company.companyId],
    )
    return {
      twice: twice.rows[0].n as number,
      /** Requested leads without a 'requested' event (or the reverse): must be 0. */
      unmatched: assigned.rows[0].n as number,
      requested: requested.rows[0].n as number,
    }
  })
}

export default async function claim(): Promise<BenchResult> {
  const db = await createDatabase()
  let copy: BenchDatabase | undefined
  let server: Server | undefined
  try {
    await migrate(db.url)
    server = await startServer(db.url)
    const company = await signup(server.url)
    const partner = await leadSource(company)
    await queueSettings(company, {
      availableFrom: FROM,
      availableUntil: UNTIL,
      maxAssignedPerRep: null,
      afterRequest: 'queue',
      blacklistMinutesAfterRequest: 0,
      usePartnerPriority: true,
      timezone: COMPANY_ZONE,
    })
    const team = await reps(company, REPS)
    await server.stop()
    server = undefined
    log(`claim: company and ${REPS} reps made through the API; filling the queue with ${QUEUE} leads`)
    await fillQueue(db.url, company, partner)
    const zones = zonesWithinHours(FROM, UNTIL, COMPANY_ZONE)
    if (zones !== 'all' && !ZONES.every((z) => zones.includes(z)))
      throw new Error(`the queue's zones are not all within ${FROM}–${UNTIL} now: ${zones.join(', ')}`)
    const autovacuum = await withClient(
      db.url,
      async (c) => (await c.query('show autovacuum')).rows[0].autovacuum as string,
    )
    // The server's own claim statement: leads.repo.ts `claimNextLead` with the company's settings,
    // which also writes the claim's timeline event. The server makes a new event id per claim;
    // here the database does, so pgbench can repeat the statement.
    const eventId = '00000000-0000-7000-8000-0000000000e1'
    const recorded = await recordQuery((recorder) =>
      claimNextLead(recorder, company.companyId, {
        userId: (team[0] as Rep).userId,
        usePartnerPriority: true,
        zones,
        afterRequest: 'queue',
        blacklistMinutes: 0,
        event: { id: eventId, actorLabel: 'bench' },
      }),
    )
    const eventParam = `$${recorded.values.indexOf(eventId) + 1}::uuid`
    const statement = {
      ...recorded,
      text: recorded.text.replace(
        eventParam,
        `(case when ${eventParam} is null then null else gen_random_uuid() end)`,
      ),
    }
    const headBefore = await explainClaim(db.url, statement)
    // A fresh copy of the queue for the limit, taken while nobody is connected.
    copy = await copyDatabase(db.name)

    server = await startServer(db.url)
    log(`claim: server ${server.url} (pid ${server.pid}), database ${db.name}, autovacuum=${autovacuum}`)
    log(`claim: warm-up ${WARMUP_SECONDS} s`)
    const warm = await claimLoad(server, team, WARMUP_SECONDS)
    const before = await withClient(db.url, (c) => tableStats(c, 'leads'))
    log(`claim: autocannon, ${CONNECTIONS} connections, ${REPS} reps, ${SECONDS} s`)
    const meter = new CpuMeter(db.name, server.pid).start()
    const { result: http, counted } = await claimLoad(server, team, SECONDS)
    const httpCpu = meter.stop()
    const after = await withClient(db.url, (c) => tableStats(c, 'leads'))
    const perSecond = counted.perSecond
    const claimsPerSecond = counted.claims / http.seconds
    const first = sum(perSecond.slice(0, WINDOW)) / WINDOW
    const last = sum(perSecond.slice(-WINDOW)) / WINDOW
    // The same comparison in CPU per claim (server + PostgreSQL): steadier than rates on a shared machine.
    const windowCpu = (fromSecond: number) => {
      const ms = meter.between(
        counted.start + fromSecond * 1000,
        counted.start + (fromSecond + WINDOW) * 1000,
        ['server', 'postgres'],
      )
      const claims = sum(perSecond.slice(fromSecond, fromSecond + WINDOW))
      return ms === undefined || claims === 0 ? undefined : ms / claims
    }
    const firstCpu = windowCpu(0)
    const lastCpu = windowCpu(perSecond.length - WINDOW)
    log(
      `  ${counted.claims} claims in ${round(http.seconds, 1)} s = ${round(claimsPerSecond, 1)}/s; ` +
        `empty answers ${counted.empty}; non-2xx ${http.non2xx} ${JSON.stringify(http.statusCodes)}, errors ${http.errors}`,
    )
    log(`  latency ms p50 ${http.latencyMs.p50}, p90 ${http.latencyMs.p90}, p99 ${http.latencyMs.p99}`)
    log(`  per second: ${perSecond.join(' ')}`)
    log(
      `  first ${WINDOW} s ${round(first, 1)}/s, last ${WINDOW} s ${round(last, 1)}/s, ratio ${round(last / first, 3)}`,
    )
    log(`  ${describeCpu(httpCpu, counted.claims, 'claim')}`)
    if (firstCpu && lastCpu)
      log(
        `  server + PostgreSQL CPU per claim: first ${WINDOW} s ${round(firstCpu, 3)} ms, ` +
          `last ${WINDOW} s ${round(lastCpu, 3)} ms (first ÷ last ${round(firstCpu / lastCpu, 3)})`,
      )
    log(
      `  leads table: dead tuples ${before.dead} → ${after.dead}, updates ${after.updates - before.updates} ` +
        `(HOT ${after.hot_updates - before.hot_updates}), autovacuums ${after.autovacuums - before.autovacuums}`,
    )
    const headAfter = await explainClaim(db.url, statement)
    log(
      `  one claim (EXPLAIN ANALYZE, rolled back): ${headBefore.buffers} buffers, ${headBefore.ms} ms before the run; ` +
        `${headAfter.buffers} buffers, ${headAfter.ms} ms after it`,
    )
    const answeredTwice = counted.tooSoon + warm.counted.tooSoon
    const check = await doubleClaimCheck(db.url, company)
    const answered = counted.claims + warm.counted.claims
    log(
      `  check: ${answered} claims answered, ${check.requested} 'requested' events; answered twice within ` +
        `${DOUBLE_CLAIM_GAP_MS} ms ${answeredTwice}, requested twice within it ${check.twice}`,
    )
    const doubleClaims = answeredTwice + check.twice
    if (check.unmatched !== 0) log(`  FAIL: requested leads and their events differ by ${check.unmatched}`)
    if (doubleClaims > 0) log(`  FAIL: ${doubleClaims} leads were handed out twice`)
    const drained = counted.empty > 0
    if (drained)
      log(`  WARNING: the queue ran dry (${counted.empty} empty answers): the rates are not comparable`)
    const peakRssMb = server.peakRssMb()
    log(`  server peak RSS ${peakRssMb} MB`)
    await server.stop()
    server = undefined

    const { sql, cpu: sqlCpu } = await bareClaims(copy.url, copy.name, company, statement, check.requested)
    const httpCpuPerClaim = cpuPerUnit(httpCpu, ['server', 'postgres', 'loadgen'], counted.claims)
    const sqlCpuPerClaim = cpuPerUnit(sqlCpu, ['postgres', 'pgbench'], sql.transactions)
    return {
      name: 'claim',
      unit: 'claims/s',
      tributary: round(claimsPerSecond, 1),
      limit: round(sql.tps, 1),
      ratio: round(claimsPerSecond / sql.tps, 3),
      goal: 0.5,
      firstTenSeconds: round(first, 1),
      lastTenSeconds: round(last, 1),
      lastFirstRatio: round(last / first, 3),
      lastFirstGoal: 0.8,
      // The bare statement has no vacuum of its own: it decays, and its mean falls with it.
      limitFirstTenSeconds: round(sum(sql.perSecond.slice(0, WINDOW)) / WINDOW, 1),
      lastFirstCpuRatio: firstCpu && lastCpu ? round(firstCpu / lastCpu, 3) : undefined,
      doubleClaims,
      failed: doubleClaims > 0 || check.unmatched !== 0,
      queueRanDry: drained,
      non2xx: http.non2xx,
      errors: http.errors,
      latencyMs: http.latencyMs,
      deadTuples: { before: before.dead, after: after.dead },
      claimBuffers: { before: headBefore.buffers, after: headAfter.buffers },
      autovacuum,
      cpuMsPerClaim: {
        server: perUnit(httpCpu?.ms.server, counted.claims),
        postgres: perUnit(httpCpu?.ms.postgres, counted.claims),
        postgresSql: perUnit(sqlCpu?.ms.postgres, sql.transactions),
      },
      cpuRatio: cpuRatio(sqlCpuPerClaim, httpCpuPerClaim),
      otherCpuPct: { http: httpCpu?.pct.other, sql: sqlCpu?.pct.other },
      peakRssMb,
    }
  } finally {
    await server?.stop()
    await copy?.drop()
    await db.drop()
  }
}
