import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmptyDatabase, dropDatabase } from './helpers/database.ts'
import { http, type ServerProcess, startServerProcess } from './helpers/server-process.ts'

// Each process keeps who is behind a token in memory (db/company-cache.ts). A change made through
// one process must be refused by the other as soon as it has answered: two `tributary serve`
// processes on one PostgreSQL, the change on A, the next request on B (which had the caller cached).
const serverUrl = process.env.DATABASE_URL as string
let url: string
let a: string
let b: string
let servers: ServerProcess[] = []
let admin: string

beforeAll(async () => {
  url = await createEmptyDatabase(serverUrl)
  const env = { DATABASE_URL: url, SECRETS_KEY: Buffer.alloc(32, 7).toString('base64') }
  servers.push(await startServerProcess(env))
  servers.push(await startServerProcess(env))
  a = servers[0]?.url as string
  b = servers[1]?.url as string
  const signup = await http(a, 'POST', '/api/v1/signup', undefined, {
    companyName: 'Cache Co',
    name: 'Admin',
    email: 'admin@cache.test',
    password: 'a long enough password',
  })
  admin = signup.body.token
}, 120_000)

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()))
  servers = []
  await dropDatabase(serverUrl, url)
})

/** Both processes answer `token` (so both have it cached), and B a few times over. */
async function warm(token: string, path = '/api/v1/me') {
  for (const base of [a, b, b, b]) expect((await http(base, 'GET', path, token)).status).toBe(200)
}

let users = 0
async function user(): Promise<{ id: string; token: string }> {
  const roles = await http(a, 'GET', '/api/v1/roles', admin)
  const adminRole = roles.body.items.find((r: { name: string }) => r.name === 'Admin').id
  const email = `user${++users}@cache.test`
  const created = await http(a, 'POST', '/api/v1/users', admin, {
    name: `User ${users}`,
    email,
    password: 'user password 123',
    roleIds: [adminRole],
  })
  const login = await http(a, 'POST', '/api/v1/auth/login', undefined, {
    company: 'cache-co',
    login: email,
    password: 'user password 123',
  })
  return { id: created.body.id, token: login.body.token }
}

describe('on PostgreSQL with two server processes, a cached caller', () => {
  it('is refused on the other process at once when its API key is revoked (10 keys in a row)', async () => {
    for (let i = 0; i < 10; i++) {
      const key = await http(a, 'POST', '/api/v1/api-keys', admin, { name: `Key ${i}` })
      await warm(key.body.key, '/api/v1/api-keys')
      expect((await http(a, 'DELETE', `/api/v1/api-keys/${key.body.id}`, admin)).status).toBe(204)
      expect((await http(b, 'GET', '/api/v1/api-keys', key.body.key)).status).toBe(401)
    }
  })

  it('is refused on the other process at once after logging out on one', async () => {
    for (let i = 0; i < 5; i++) {
      const u = await user()
      await warm(u.token)
      expect((await http(a, 'POST', '/api/v1/auth/logout', u.token)).status).toBe(204)
      expect((await http(b, 'GET', '/api/v1/me', u.token)).status).toBe(401)
    }
  })

  it('is refused on both processes at once when the user is disabled, and loses a role taken away', async () => {
    const u = await user()
    const key = await http(a, 'POST', '/api/v1/api-keys', u.token, { name: 'Their key' })
    await warm(u.token)
    await warm(key.body.key, '/api/v1/api-keys')
    expect((await http(a, 'PATCH', `/api/v1/users/${u.id}`, admin, { roleIds: [] })).status).toBe(200)
    expect((await http(b, 'GET', '/api/v1/api-keys', key.body.key)).status).toBe(403)
    expect((await http(a, 'GET', '/api/v1/api-keys', key.body.key)).status).toBe(403)
    expect((await http(a, 'PATCH', `/api/v1/users/${u.id}`, admin, { disabled: true })).status).toBe(200)
    for (const base of [a, b]) {
      expect((await http(base, 'GET', '/api/v1/me', u.token)).status).toBe(401)
      expect((await http(base, 'GET', '/api/v1/api-keys', key.body.key)).status).toBe(401)
    }
  })
})
