/** Preparing a company through the public HTTP API, as a customer would (not timed). */

type Json = Record<string, unknown>

export async function call(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; expect?: number } = {},
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field
): Promise<any> {
  const headers: Record<string, string> = {}
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  })
  const text = await res.text()
  const expect = options.expect ?? (method === 'POST' ? 201 : 200)
  if (res.status !== expect) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`)
  return text ? JSON.parse(text) : null
}

export type Company = { base: string; token: string; companyId: string; userId: string; slug: string }

const password = 'bench password 123'

/** A new company and its admin, through sign-up. */
export async function signup(base: string): Promise<Company> {
  const body = await call(base, 'POST', '/api/v1/signup', {
    body: { companyName: `Bench ${Date.now()}`, name: 'Bench Admin', email: 'admin@bench.test', password },
  })
  return {
    base,
    token: body.token,
    companyId: body.company.id,
    userId: body.user.id,
    slug: body.company.slug,
  }
}

/** A partner company that sells leads straight to the queue at high priority. */
export async function leadSource(c: Company, name = 'Bench Leads, Inc.'): Promise<string> {
  const body = await call(c.base, 'POST', '/api/v1/partner-companies', {
    token: c.token,
    body: {
      name,
      kind: 'outside',
      contactPerson: 'Alice Abbott',
      sellsLeads: { enabled: true, defaultLeadLocation: 'queue', leadQueuePriority: 'high' },
    },
  })
  return body.id
}

/** An API key of the admin, as a lead vendor's integration would use. */
export async function apiKey(c: Company): Promise<string> {
  const body = await call(c.base, 'POST', '/api/v1/api-keys', {
    token: c.token,
    body: { name: 'bench intake' },
  })
  return body.key
}

export type Rep = { userId: string; token: string }

/** `count` users with the built-in "Lead rep" role, each logged in (a session token). */
export async function reps(c: Company, count: number): Promise<Rep[]> {
  const roles = await call(c.base, 'GET', '/api/v1/roles', { token: c.token })
  const role = roles.items.find((r: Json) => r.name === 'Lead rep')
  if (!role) throw new Error('no "Lead rep" role')
  const made: Rep[] = []
  // A few at a time: each one hashes a password (argon2id) twice.
  for (let i = 0; i < count; i += 8) {
    const batch = Array.from({ length: Math.min(8, count - i) }, async (_, j) => {
      const email = `rep${i + j}@bench.test`
      const user = await call(c.base, 'POST', '/api/v1/users', {
        token: c.token,
        body: { name: `Rep ${i + j}`, email, password, roleIds: [role.id] },
      })
      const login = await call(c.base, 'POST', '/api/v1/auth/login', {
        body: { company: c.slug, login: email, password },
        expect: 200,
      })
      return { userId: user.id as string, token: login.token as string }
    })
    made.push(...(await Promise.all(batch)))
  }
  return made
}

/** Replaces the company's queue settings (GET, merge, PUT). */
export async function queueSettings(c: Company, changes: Json): Promise<Json> {
  const current = await call(c.base, 'GET', '/api/v1/settings/queue', { token: c.token })
  return call(c.base, 'PUT', '/api/v1/settings/queue', {
    token: c.token,
    body: { ...current, ...changes },
    expect: 200,
  })
}
