import { afterAll, beforeAll, expect, it } from 'vitest'
import { serverSql } from '../helpers/database.ts'
import { uniquePhone } from '../helpers/leads.ts'
import { http } from '../helpers/server-process.ts'
import { startTenantServer, type TenantServer } from '../helpers/tenant-server.ts'

// A worker SIGKILLed in the middle of a long import: a restarted one picks the job up within a
// minute and finishes it with every row imported exactly once.
const ROWS = 20_000
let t: TenantServer

beforeAll(async () => {
  t = await startTenantServer('Crash Co')
}, 120_000)
afterAll(() => t?.close())

const importState = async (id: string) =>
  (await http(t.server.url, 'GET', `/api/v1/imports/${id}`, t.token)).body
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

it(`resumes a ${ROWS}-row import within 60 s of its worker being SIGKILLed, each row once`, async () => {
  const lines = ['firstName,lastName,phone']
  for (let i = 0; i < ROWS; i++) lines.push(`First${i},Last${i},${uniquePhone()}`)
  const res = await fetch(`${t.server.url}/api/v1/leads/import?partnerCompanyId=${t.sourceId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.token}`, 'content-type': 'text/csv' },
    body: lines.join('\n'),
  })
  expect(res.status).toBe(202)
  const { id } = (await res.json()) as { id: string }
  while ((await importState(id)).processedRows < 1000) await sleep(100)

  t.server.process.kill('SIGKILL')
  await new Promise((r) => t.server.process.once('exit', r))
  const killedAt = Date.now()
  const atKill = (await serverSql(t.url, 'select processed_rows from imports where id = $1', [id]))[0]
  await t.restart()
  while ((await importState(id)).processedRows <= atKill?.processed_rows) {
    expect(Date.now() - killedAt, 'the import did not resume within 60 s').toBeLessThan(60_000)
    await sleep(250)
  }
  const resumedAfter = Date.now() - killedAt
  let state = await importState(id)
  while (state.state !== 'done' && state.state !== 'failed') {
    await sleep(500)
    state = await importState(id)
  }
  expect(state).toMatchObject({ state: 'done', processedRows: ROWS, createdRows: ROWS, failedRows: 0 })
  expect(await t.leadCounts()).toEqual({ n: ROWS, phones: ROWS })
  console.info(
    `import resumed ${resumedAfter} ms after the SIGKILL (${atKill?.processed_rows} rows done then)`,
  )
}, 300_000)
