import { createEmptyDatabase, dropDatabase, serverSql } from './database.ts'
import { uniquePhone } from './leads.ts'
import { http, type ServerProcess, startServerProcess } from './server-process.ts'

/** One lead post's answer; status 0 when no answer came at all (the process died). */
export type LeadAttempt = { status: number; type: string; retryAfter: string | null; id: string | null }

export type TenantServer = {
  /** The test's own database on the PostgreSQL server of DATABASE_URL. */
  url: string
  server: ServerProcess
  token: string
  companyId: string
  sourceId: string
  /** POST /api/v1/leads over a real socket: a fresh lead, or this phone under this Idempotency-Key. */
  postLead(keyed?: { key: string; phone: string }): Promise<LeadAttempt>
  /** The company's leads and distinct phones (`start` also seeds a demo company: not counted). */
  leadCounts(): Promise<{ n: number; phones: number }>
  /** Starts `tributary start` again on the same database (after a kill). */
  restart(): Promise<ServerProcess>
  close(): Promise<void>
}

/** `tributary start` on a fresh PostgreSQL database, with a company and a lead source. */
export async function startTenantServer(
  name: string,
  serverUrl = process.env.DATABASE_URL as string,
): Promise<TenantServer> {
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
    postLead: async (keyed) => {
      const res = await fetch(`${tenant.server.url}/api/v1/leads`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tenant.token}`,
          'content-type': 'application/json',
          ...(keyed && { 'idempotency-key': keyed.key }),
        },
        body: JSON.stringify({
          partnerCompanyId: tenant.sourceId,
          firstName: 'Fay',
          lastName: 'Ult',
          phone: keyed?.phone ?? uniquePhone(),
        }),
      }).catch(() => null)
      if (!res) return { status: 0, type: '', retryAfter: null, id: null }
      const text = await res.text()
      return {
        status: res.status,
        type: res.headers.get('content-type') ?? '',
        retryAfter: res.headers.get('retry-after'),
        id: res.status === 201 ? (JSON.parse(text).id as string) : null,
      }
    },
    leadCounts: async () => {
      const [counts] = await serverSql(
        url,
        'select count(*)::int as n, count(distinct phone)::int as phones from leads where company_id = $1',
        [tenant.companyId],
      )
      return counts as { n: number; phones: number }
    },
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
