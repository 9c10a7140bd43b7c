import { createEmptyDatabase, dropDatabase } from './database.ts'
import { http, type ServerProcess, startServerProcess } from './server-process.ts'

export type TenantServer = {
  /** The test's own database on the PostgreSQL server of DATABASE_URL. */
  url: string
  server: ServerProcess
  token: string
  companyId: string
  sourceId: string
  /** Starts `tributary start` again on the same database (after a kill). */
  restart(): Promise<ServerProcess>
  close(): Promise<void>
}

/** `tributary start` on a fresh PostgreSQL database, with a company and a lead source. */
export async function startTenantServer(name: string): Promise<TenantServer> {
  const serverUrl = process.env.DATABASE_URL as string
  const url = await createEmptyDatabase(serverUrl)
  const env = { DATABASE_URL: url, SECRETS_KEY: Buffer.alloc(32, 3).toString('base64') }
  const server = await startServerProcess(env, 'start')
  const slug = name.toLowerCase().replace(/\W+/g, '')
  const signup = await http(server.url, 'POST', '/api/v1/signup', undefined, {
    companyName: name,
    name: 'Admin',
    email: `admin@${slug}.test`,
    password: 'a long enough password',
  })
  const source = await http(server.url, 'POST', '/api/v1/partner-companies', signup.body.token, {
    name: 'Steady Source',
    sellsLeads: { enabled: true, defaultLeadLocation: 'queue', leadQueuePriority: 'high' },
  })
  const tenant: TenantServer = {
    url,
    server,
    token: signup.body.token,
    companyId: signup.body.company.id,
    sourceId: source.body.id,
    restart: async () => {
      tenant.server = await startServerProcess(env, 'start')
      return tenant.server
    },
    close: async () => {
      await tenant.server.stop()
      await dropDatabase(serverUrl, url)
    },
  }
  return tenant
}
