import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmptyDatabase, dropDatabase } from './helpers/database.ts'
import { hoursAround } from './helpers/leads.ts'
import { http, type ServerProcess, startServerProcess } from './helpers/server-process.ts'

// Real concurrency: two `tributary serve` processes on one PostgreSQL, requests over sockets.
const serverUrl = process.env.DATABASE_URL as string
let url: string
let servers: ServerProcess[] = []
let admin: { token: string; companyId: string }
let sourceId: string

beforeAll(async () => {
  url = await createEmptyDatabase(serverUrl)
  const env = {
    DATABASE_URL: url,
    SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'),
    // This database's autovacuum never runs in a test this short; the servers vacuum the queue.
    QUEUE_VACUUM_CLAIMS: '100',
  }
  // Start one first so the second finds the schema migrated; then both serve.
  servers.push(await startServerProcess(env))
  servers.push(await startServerProcess(env))
  const base = servers[0]?.url as string
  const signup = await http(base, 'POST', '/api/v1/signup', undefined, {
    companyName: 'Concurrency Co',
    name: 'Admin',
    email: 'admin@concurrency.test',
    password: 'a long enough password',
  })
  admin = { token: signup.body.token, companyId: signup.body.company.id }
  const source = await http(base, 'POST', '/api/v1/partner-companies', admin.token, {
    name: 'Busy Source',
    sellsLeads: { enabled: true, defaultLeadLocation: 'queue', leadQueuePriority: 'high' },
  })
  sourceId = source.body.id
}, 120_000)

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()))
  servers = []
  await dropDatabase(serverUrl, url)
})

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(text, values)).rows
  } finally {
    await client.end()
  }
}

/** The company's queue settings: hours around now in UTC, no duplicate check, and `changes`. */
const putQueueSettings = (changes: Record<string, unknown>) =>
  http(servers[0]?.url as string, 'PUT', '/api/v1/settings/queue', admin.token, {
    usePartnerPriority: true,
    requestableAfterMinutes: 0,
    ...hoursAround('UTC'),
    duplicateWindowDays: 0,
    timezone: 'UTC',
    ...changes,
  })

/** 40 reps' session tokens, made once. */
let repList: string[] | undefined
async function repTokens(): Promise<string[]> {
  if (repList) return repList
  const base = servers[0]?.url as string
  const roles = await http(base, 'GET', '/api/v1/roles', admin.token)
  const repRole = roles.body.items.find((r: { name: string }) => r.name === 'Lead rep').id
  const reps: string[] = []
  for (let i = 0; i < 40; i++) {
    const email = `rep${i}@concurrency.test`
    await http(base, 'POST', '/api/v1/users', admin.token, {
      name: `Rep ${i}`,
      email,
      password: 'rep password 123',
      roleIds: [repRole],
    })
    const login = await http(base, 'POST', '/api/v1/auth/login', undefined, {
      company: 'concurrency-co',
      login: email,
      password: 'rep password 123',
    })
    reps.push(login.body.token)
  }
  repList = reps
  return reps
}

describe('on PostgreSQL with two server processes', () => {
  it('hands every lead to at most one rep, and no rep past the cap, under 200 concurrent requests by 40 reps', async () => {
    const reps = await repTokens()
    await putQueueSettings({
      maxAssignedPerRep: 3,
      afterRequest: 'assigned',
      blacklistMinutesAfterRequest: 30,
    })
    await sql(
      `insert into leads (company_id, id, first_name, phone, timezone, partner_company_id, location, priority_rank, contact_after)
       select $1, gen_random_uuid(), 'Lead ' || g, '+1602555' || lpad(g::text, 4, '0'), 'UTC', $2, 'queue', g % 3,
              now() - make_interval(secs => g)
       from generate_series(1, 5000) g`,
      [admin.companyId, sourceId],
    )
    const requests = Array.from({ length: 200 }, (_, i) =>
      http(servers[i % 2]?.url as string, 'POST', '/api/v1/queue/request', reps[i % 40]),
    )
    const answers = await Promise.all(requests)
    expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true)
    const handed = answers.filter((a) => a.status === 200 && a.body.lead).map((a) => a.body.lead.id as string)
    expect(new Set(handed).size).toBe(handed.length)
    expect(handed.length).toBe(120)
    const perRep = await sql<{ n: number }>(
      `select count(*)::int as n from leads where company_id = $1 and location = 'assigned' group by assigned_user_id`,
      [admin.companyId],
    )
    expect(perRep).toHaveLength(40)
    expect(Math.max(...perRep.map((r) => r.n))).toBeLessThanOrEqual(3)
    const twice = await sql(
      `select record_id from timeline_events where company_id = $1 and type = 'requested'
       group by record_id having count(*) > 1`,
      [admin.companyId],
    )
    expect(twice).toEqual([])
    // Claim order: all handed-out leads are high priority (rank 0) before any other.
    const ranks = await sql<{ priority_rank: number }>(
      `select distinct priority_rank from leads where company_id = $1 and location = 'assigned'`,
      [admin.companyId],
    )
    expect(ranks.map((r) => r.priority_rank)).toEqual([0])
  })

  it('sends a requested lead to the back of the queue once: 300 concurrent requests on 600 queued leads get 300 leads', async () => {
    const reps = await repTokens()
    await sql(`update leads set location = 'invalid' where company_id = $1 and location <> 'invalid'`, [
      admin.companyId,
    ])
    await putQueueSettings({
      maxAssignedPerRep: null,
      afterRequest: 'queue',
      blacklistMinutesAfterRequest: 0,
    })
    await sql(
      `insert into leads (company_id, id, first_name, phone, timezone, partner_company_id, location, priority_rank, contact_after)
       select $1, gen_random_uuid(), 'Requeued ' || g, '+1480555' || lpad(g::text, 4, '0'), 'UTC', $2, 'queue', 0,
              now() - make_interval(secs => g)
       from generate_series(1, 600) g`,
      [admin.companyId, sourceId],
    )
    // Without a blacklist a requested lead is requestable again at once, but behind 599 others.
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        http(servers[i % 2]?.url as string, 'POST', '/api/v1/queue/request', reps[i % 40]),
      ),
    )
    const handed = answers.map((a) => a.body.lead?.id as string)
    expect(handed.every(Boolean)).toBe(true)
    expect(new Set(handed).size).toBe(300)
    // Each claim left a dead row at the head of the queue; every 100 claims a server vacuums them.
    await expect
      .poll(
        async () => {
          const [row] = await sql<{ vacuums: number }>(
            `select vacuum_count::int as vacuums from pg_stat_user_tables where relname = 'leads'`,
          )
          return row?.vacuums ?? 0
        },
        { timeout: 15_000, interval: 250 },
      )
      .toBeGreaterThan(0)
  })

  it('creates one lead from 20 concurrent identical posts with one Idempotency-Key, all answered with it', async () => {
    const body = { partnerCompanyId: sourceId, firstName: 'Keyed', phone: '+1 480 555 2020' }
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${servers[i % 2]?.url}/api/v1/leads`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${admin.token}`,
            'content-type': 'application/json',
            'idempotency-key': 'k-20',
          },
          body: JSON.stringify(body),
        }).then(async (res) => ({ status: res.status, body: await res.json() })),
      ),
    )
    expect(answers.every((a) => a.status === 201)).toBe(true)
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1)
    const rows = await sql(`select id from leads where company_id = $1 and first_name = 'Keyed'`, [
      admin.companyId,
    ])
    expect(rows).toHaveLength(1)
  })

  it('creates one lead from identical posts arriving at the same instant on both servers', async () => {
    await http(servers[0]?.url as string, 'PUT', '/api/v1/settings/queue', admin.token, {
      usePartnerPriority: true,
      requestableAfterMinutes: 0,
      availableFrom: '08:00',
      availableUntil: '21:00',
      maxAssignedPerRep: null,
      afterRequest: 'assigned',
      blacklistMinutesAfterRequest: 30,
      duplicateWindowDays: 30,
      timezone: 'UTC',
    })
    for (const copies of [2, 20]) {
      const body = { partnerCompanyId: sourceId, firstName: 'Twin', phone: `+1 480 555 ${1000 + copies}` }
      const answers = await Promise.all(
        Array.from({ length: copies }, (_, i) =>
          http(servers[i % 2]?.url as string, 'POST', '/api/v1/leads', admin.token, body),
        ),
      )
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1)
      const refused = answers.filter((a) => a.status === 422)
      expect(refused).toHaveLength(copies - 1)
      for (const r of refused) expect(r.body.type).toMatch(/\/duplicate-lead$/)
      const rows = await sql(
        `select id from leads where company_id = $1 and first_name = 'Twin' and phone like $2`,
        [admin.companyId, `%${1000 + copies}`],
      )
      expect(rows).toHaveLength(1)
    }
  })

  it('numbers 200 leads and 200 customers posted at once to both servers 1 to 200 in a new company', async () => {
    const base = servers[0]?.url as string
    const signup = await http(base, 'POST', '/api/v1/signup', undefined, {
      companyName: 'Counted Co',
      name: 'Admin',
      email: 'admin@counted.test',
      password: 'a long enough password',
    })
    const token = signup.body.token as string
    const offices = await http(base, 'GET', '/api/v1/office-locations', token)
    const source = await http(base, 'POST', '/api/v1/partner-companies', token, {
      name: 'Counted Source',
      sellsLeads: { enabled: true, defaultLeadLocation: 'queue' },
      sellsCustomers: { enabled: true, defaultOfficeLocationId: offices.body.items[0].id },
    })
    for (const path of ['/api/v1/leads', '/api/v1/customers']) {
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          http(servers[i % 2]?.url as string, 'POST', path, token, {
            partnerCompanyId: source.body.id,
            firstName: `Counted ${i}`,
            phone: `+1 480 556 ${String(i).padStart(4, '0')}`,
          }),
        ),
      )
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201))
      const numbers = answers.map((a) => a.body.number as number).sort((a, b) => a - b)
      expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => i + 1))
    }
  })
})
