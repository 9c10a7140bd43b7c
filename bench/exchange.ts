/**
 * The exchange: leads delivered per second from one Tributary (A, `start`: API and worker) to
 * another (B, `serve`) over loopback, both on PostgreSQL, ÷ B's own intake rate (POST
 * /api/v1/leads with autocannon) measured in the same run on the same machine.
 */
import { intakeRun } from './intake.ts'
import { apiKey, call, leadSource, signup } from './lib/api.ts'
import { CpuMeter, cpuPerUnit } from './lib/cpu.ts'
import { createDatabase, withClient } from './lib/db.ts'
import { type BenchResult, log, round } from './lib/load.ts'
import { migrate, startServer } from './lib/server.ts'

const LEADS = Number(process.env.BENCH_LEADS || 6000)
const SECONDS = Number(process.env.BENCH_SECONDS || 20)
const PER_SALE = 500

export default async function exchange(): Promise<BenchResult> {
  const [dbA, dbB] = await Promise.all([createDatabase(), createDatabase()])
  // A posts to B on loopback; B takes as many posts as come.
  process.env.OUTBOUND_ALLOW_HOSTS = '127.0.0.1'
  process.env.EXCHANGE_RATE_LIMIT_PER_MINUTE = '100000000'
  const servers: Awaited<ReturnType<typeof startServer>>[] = []
  try {
    await Promise.all([migrate(dbA.url), migrate(dbB.url)])
    const b = await startServer(dbB.url, 'serve')
    const a = await startServer(dbA.url, 'start')
    servers.push(a, b)
    const seller = await signup(a.url)
    const buyer = await signup(b.url)
    const sellerAtBuyer = await leadSource(buyer, 'Seller over the exchange')
    const creds = await call(b.url, 'POST', `/api/v1/partner-companies/${sellerAtBuyer}/connection`, {
      token: buyer.token,
    })
    const section = {
      enabled: true,
      deliveryMethod: 'exchange',
      postUrl: `${b.url}/api/v1/exchange/${buyer.slug}`,
      sourceId: creds.sourceId,
      secret: creds.secret,
    }
    const buyerAtSeller = (
      await call(a.url, 'POST', '/api/v1/partner-companies', {
        token: seller.token,
        body: { name: 'Buyer over the exchange', buysLeads: section },
      })
    ).id as string

    log(`exchange: ${LEADS} leads into A through its API (not timed)`)
    const source = await leadSource(seller)
    const key = await apiKey(seller)
    const loaded = await intakeRun(a.url, key, source, { amount: LEADS, connections: 16 })
    if (loaded.ok !== LEADS) throw new Error(`A took ${loaded.ok} of ${LEADS} leads`)
    const ids = await withClient(dbA.url, async (c) => {
      const { rows } = await c.query('select id from leads where partner_company_id = $1', [source])
      return rows.map((r) => r.id as string)
    })
    if (ids.length !== LEADS) throw new Error(`expected ${LEADS} leads at A, found ${ids.length}`)

    log(`exchange: sell ${LEADS} leads A → B in sales of ${PER_SALE}, until every delivery is delivered`)
    // Each meter sees one side: its server process and its database's backends.
    const meters = [new CpuMeter(dbA.name, a.pid).start(), new CpuMeter(dbB.name, b.pid).start()]
    const started = performance.now()
    for (let i = 0; i < ids.length; i += PER_SALE) {
      await call(a.url, 'POST', '/api/v1/leads/sell', {
        token: seller.token,
        body: { leadIds: ids.slice(i, i + PER_SALE), partnerCompanyId: buyerAtSeller },
        expect: 202,
      })
    }
    let delivered = 0
    while (delivered < LEADS) {
      await new Promise((r) => setTimeout(r, 100))
      delivered = await withClient(dbA.url, async (c) => {
        const { rows } = await c.query(
          "select count(*) filter (where state = 'delivered')::int as ok, count(*) filter (where state = 'failed')::int as failed from deliveries where type = 'lead.sold'",
        )
        if (rows[0].failed > 0) throw new Error(`${rows[0].failed} deliveries failed`)
        return rows[0].ok as number
      })
      if (performance.now() - started > 600_000) throw new Error(`only ${delivered} delivered in 10 minutes`)
    }
    const seconds = (performance.now() - started) / 1000
    const [sellerCpu, buyerCpu] = meters.map((m) => m.stop())
    const cpuMsPerLead = {
      sellerServer: cpuPerUnit(sellerCpu, ['server'], LEADS),
      sellerPostgres: cpuPerUnit(sellerCpu, ['postgres'], LEADS),
      buyerServer: cpuPerUnit(buyerCpu, ['server'], LEADS),
      buyerPostgres: cpuPerUnit(buyerCpu, ['postgres'], LEADS),
    }
    log(`  CPU ms per lead: ${JSON.stringify(cpuMsPerLead)}`)
    const exchangeRate = LEADS / seconds
    const arrived = await withClient(dbB.url, async (c) => {
      const { rows } = await c.query('select count(*)::int as n from leads where partner_company_id = $1', [
        sellerAtBuyer,
      ])
      return rows[0].n as number
    })
    if (arrived !== LEADS) throw new Error(`B has ${arrived} leads of ${LEADS}`)
    log(`  ${LEADS} delivered in ${round(seconds, 1)} s = ${round(exchangeRate, 1)}/s`)

    log(`exchange: B's own intake, ${SECONDS} s`)
    const buyerKey = await apiKey(buyer)
    const intakeSource = await leadSource(buyer, 'Direct source')
    await intakeRun(b.url, buyerKey, intakeSource, { seconds: 3, connections: 32 })
    const intakeMeter = new CpuMeter(dbB.name, b.pid).start()
    const intake = await intakeRun(b.url, buyerKey, intakeSource, { seconds: SECONDS, connections: 32 })
    const intakeCpu = intakeMeter.stop()
    const intakeRate = intake.ok / intake.seconds
    log(`  ${round(intakeRate, 1)} leads/s (non-2xx ${intake.non2xx})`)
    return {
      name: 'exchange',
      unit: 'leads/s',
      tributary: round(exchangeRate, 1),
      limit: round(intakeRate, 1),
      ratio: round(exchangeRate / intakeRate, 3),
      goal: 0.5,
      leads: LEADS,
      cpuMsPerLead: {
        ...cpuMsPerLead,
        intakeServer: cpuPerUnit(intakeCpu, ['server'], intake.ok),
        intakePostgres: cpuPerUnit(intakeCpu, ['postgres'], intake.ok),
      },
      peakRssMb: { seller: a.peakRssMb(), buyer: b.peakRssMb() },
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()))
    await Promise.all([dbA.drop(), dbB.drop()])
  }
}
