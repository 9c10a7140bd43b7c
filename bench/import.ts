/**
 * CSV import: a 100,000-row file (every row a full lead, unique in phone, email and name+address)
 * posted to `POST /api/v1/leads/import` of `tributary start` (API and worker in one process) on
 * PostgreSQL, timed until the import is done ÷ PostgreSQL's own bulk load (`COPY`) of the same
 * rows into the same table. Also the peak RSS of the process against the size of the file: the
 * file is streamed into the database and read back in batches, never held whole.
 */
import { execFile } from 'node:child_process'
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { promisify } from 'node:util'
import { call, leadSource, signup } from './lib/api.ts'
import { CpuMeter, describeCpu } from './lib/cpu.ts'
import { createDatabase } from './lib/db.ts'
import { type BenchResult, log, round } from './lib/load.ts'
import { pgbenchPath } from './lib/pgbench.ts'
import { migrate, startServer } from './lib/server.ts'

const ROWS = Number(process.env.BENCH_ROWS || 100_000)
const HEADER = 'firstName,lastName,email,phone,street,city,region,postalCode'

/** Valid, unique US numbers (as bench/intake), and a full address. */
function row(i: number): string {
  const areas = [212, 213, 312, 415, 617, 713, 206, 303, 404, 503]
  const rest = Math.floor(i / areas.length)
  const phone = `+1${areas[i % areas.length]}${200 + (Math.floor(rest / 10_000) % 800)}${String(rest % 10_000).padStart(4, '0')}`
  return `Imported,Lead ${i},import${i}@bench.test,${phone},${i} Main Street,New York,NY,10001`
}

async function writeCsv(file: string) {
  async function* lines() {
    yield `${HEADER}\n`
    let chunk: string[] = []
    for (let i = 0; i < ROWS; i++) {
      chunk.push(row(i))
      if (chunk.length === 1000) {
        yield `${chunk.join('\n')}\n`
        chunk = []
      }
    }
    if (chunk.length) yield `${chunk.join('\n')}\n`
  }
  await pipeline(lines, createWriteStream(file))
}

export default async function importBench(): Promise<BenchResult> {
  const db = await createDatabase()
  const dir = mkdtempSync(path.join(tmpdir(), 'tributary-import-'))
  let server: Awaited<ReturnType<typeof startServer>> | undefined
  try {
    const file = path.join(dir, 'leads.csv')
    await writeCsv(file)
    const fileMb = round(statSync(file).size / 1_048_576, 1)
    await migrate(db.url)
    server = await startServer(db.url, 'start')
    const company = await signup(server.url)
    const partner = await leadSource(company)
    log(`import: ${ROWS} rows (${fileMb} MB) into ${server.url} (pid ${server.pid}), database ${db.name}`)

    const meter = new CpuMeter(db.name, server.pid).start()
    const started = Date.now()
    const res = await fetch(`${server.url}/api/v1/leads/import?partnerCompanyId=${partner}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${company.token}`, 'content-type': 'text/csv' },
      body: readFileSync(file),
    })
    if (res.status !== 202) throw new Error(`import: ${res.status} ${await res.text()}`)
    const { id } = (await res.json()) as { id: string }
    let state: {
      state: string
      processedRows: number
      createdRows: number
      failedRows: number
      errors: unknown[]
    }
    let lastLog = 0
    for (;;) {
      state = await call(server.url, 'GET', `/api/v1/imports/${id}`, { token: company.token })
      if (state.state === 'done' || state.state === 'failed') break
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now()
        log(`  ${round((Date.now() - started) / 1000, 0)} s: ${state.processedRows} rows`)
      }
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    const seconds = (Date.now() - started) / 1000
    const cpu = meter.stop()
    const rowsPerSecond = state.createdRows / seconds
    log(
      `  ${state.state}: ${state.createdRows} created, ${state.failedRows} failed in ${round(seconds, 1)} s = ` +
        `${round(rowsPerSecond, 1)} rows/s`,
    )
    log(`  ${describeCpu(cpu, state.createdRows, 'row')}`)
    const peakRssMb = server.peakRssMb()
    log(`  peak RSS of the process ${peakRssMb} MB for a ${fileMb} MB file`)
    await server.stop()
    server = undefined

    // The limit: PostgreSQL's own bulk load of the same rows into the same table, no checks
    // (psql's \copy sends the file from here, so the server may be elsewhere).
    const psql = path.join(path.dirname(pgbenchPath), 'psql')
    const copyStarted = Date.now()
    await promisify(execFile)(psql, [
      db.url,
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      `create table bench_incoming (first_name text, last_name text, email text, phone text, street text,
        city text, region text, postal_code text)`,
      '-c',
      `\\copy bench_incoming from '${file}' with (format csv, header true)`,
      '-c',
      `insert into leads (company_id, id, first_name, last_name, email, phone, street, city, region, postal_code,
         timezone, partner_company_id, location, priority_rank, contact_after, email_key, name_address_key)
       select '${company.companyId}', gen_random_uuid(), first_name, last_name, email, phone, street, city,
         region, postal_code, 'America/New_York', '${partner}', 'pending', 2, now(), lower(email),
         lower(first_name || ' ' || last_name || ' ' || street || ' ' || postal_code)
       from bench_incoming`,
    ])
    const copySeconds = (Date.now() - copyStarted) / 1000
    const copyRowsPerSecond = ROWS / copySeconds
    log(
      `import: COPY and insert of the same rows: ${round(copySeconds, 1)} s = ${round(copyRowsPerSecond, 1)} rows/s`,
    )
    return {
      name: 'import',
      unit: 'rows/s',
      tributary: round(rowsPerSecond, 1),
      limit: round(copyRowsPerSecond, 1),
      ratio: round(rowsPerSecond / copyRowsPerSecond, 3),
      rows: ROWS,
      created: state.createdRows,
      failedRows: state.failedRows,
      seconds: round(seconds, 1),
      fileMb,
      peakRssMb,
      failed: state.state !== 'done' || state.createdRows !== ROWS,
      otherCpuPct: cpu?.pct.other,
    }
  } finally {
    await server?.stop()
    await db.drop()
    rmSync(dir, { recursive: true, force: true })
  }
}
