import { afterAll, beforeAll, expect, it } from 'vitest'
import { createEmptyDatabase, dropDatabase, serverSql } from '../helpers/database.ts'
import { uniquePhone } from '../helpers/leads.ts'
import { http, type ServerProcess, startServerProcess } from '../helpers/server-process.ts'

// A worker SIGKILLed in the middle of a long import: a restarted one picks the job up within a
// minute and finishes it with every row imported exactly once.
const serverUrl = process.env.DATABASE_URL as string
const ROWS = 20_000
const env = () => ({ DATABASE_URL: url, SECRETS_KEY: Buffer.alloc(32, 5).toString('base64') })
let url: string
let server: ServerProcess
let token: string
let companyId: string
let sourceId: string

beforeAll(async () => {
  url = await createEmptyDatabase(serverUrl)
  server = await startServerProcess(env(), 'start')
  const signup = await http(server.url, 'POST', '/api/v1/signup', undefined, {
    companyName: 'Crash Co',
    name: 'Admin',
    email: 'admin@crash.test',
    password: 'a long enough password',
  })
  token = signup.body.token
  companyId = signup.body.company.id
  const source = await http(server.url, 'POST', '/api/v1/partner-companies', token, {
    name: 'CSV Source',
    sellsLeads: { enabled: true, defaultLeadLocation: 'queue', leadQueuePriority: 'normal' },
  })
  sourceId = source.body.id
}, 120_000)

afterAll(async () => {
  await server?.stop()
  await dropDatabase(serverUrl, url)
})

const importState = async (id: string) => (await http(server.url, 'GET', `/api/v1/imports/${id}`, token)).body
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

it(`resumes a ${ROWS}-row import within 60 s of its worker being SIGKILLed, each row once`, async () => {
  const lines = ['firstName,lastName,phone']
  for (let i = 0; i < ROWS; i++) lines.push(`First${i},Last${i},${uniquePhone()}`)
  const res = await fetch(`${server.url}/api/v1/leads/import?partnerCompanyId=${sourceId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: lines.join('\n'),
  })
  expect(res.status).toBe(202)
  const { id } = (await res.json()) as { id: string }
  while ((await importState(id)).processedRows < 1000) await sleep(100)

  server.process.kill('SIGKILL')
  await new Promise((r) => server.process.once('exit', r))
  const killedAt = Date.now()
  const atKill = (await serverSql(url, 'select processed_rows from imports where id = $1', [id]))[0]
  server = await startServerProcess(env(), 'start')
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
  // `start` also seeds the demo company: count this company's leads only.
  const [leads] = await serverSql(
    url,
    'select count(*)::int as n, count(distinct phone)::int as phones from leads where company_id = $1',
    [companyId],
  )
  expect(leads).toEqual({ n: ROWS, phones: ROWS })
  console.info(
    `import resumed ${resumedAfter} ms after the SIGKILL (${atKill?.processed_rows} rows done then)`,
  )
}, 300_000)
