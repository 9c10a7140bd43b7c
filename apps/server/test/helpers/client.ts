import type { App } from '../../src/lib/http-types.ts'

export type Session = { token: string; companyId: string; userId: string; slug: string }

export type Call = {
  status: number
  headers: Record<string, string | string[] | number | undefined>
  // biome-ignore lint/suspicious/noExplicitAny: answers are asserted field by field
  body: any
  contentType: string
}

/** One HTTP call through the real Fastify stack (no socket). */
export async function call(
  app: App,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string>; rawBody?: string } = {},
): Promise<Call> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  let payload: string | undefined = options.rawBody
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json'
    payload = JSON.stringify(options.body)
  }
  const res = await app.inject({ method, url, headers, ...(payload !== undefined && { payload }) })
  const contentType = String(res.headers['content-type'] ?? '')
  const body = contentType.includes('json') && res.body ? JSON.parse(res.body) : res.body
  return { status: res.statusCode, headers: res.headers, body, contentType }
}

let counter = 0
/** A new company with its admin, through the public sign-up route. */
export async function signup(
  app: App,
  name = `Company ${++counter} ${Date.now()}`,
): Promise<Session & { password: string; email: string }> {
  const email = `admin${counter}@example.test`
  const password = 'correct horse battery'
  const res = await call(app, 'POST', '/api/v1/signup', {
    body: { companyName: name, name: 'Admin', email, password },
  })
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`)
  return {
    token: res.body.token,
    companyId: res.body.company.id,
    slug: res.body.company.slug,
    userId: res.body.user.id,
    password,
    email,
  }
}

/** A user with one built-in role, logged in. */
export async function userWithRole(
  app: App,
  admin: Session,
  roleName: string,
): Promise<Session & { email: string; password: string }> {
  const roles = await call(app, 'GET', '/api/v1/roles', { token: admin.token })
  const role = roles.body.items.find((r: { name: string }) => r.name === roleName)
  if (!role) throw new Error(`no role ${roleName}`)
  const email = `${roleName.replace(/\W/g, '').toLowerCase()}${++counter}@example.test`
  const password = 'another good password'
  const created = await call(app, 'POST', '/api/v1/users', {
    token: admin.token,
    body: { name: roleName, email, password, roleIds: [role.id] },
  })
  if (created.status !== 201) throw new Error(`create user failed: ${JSON.stringify(created.body)}`)
  const login = await call(app, 'POST', '/api/v1/auth/login', {
    body: { company: admin.slug, login: email, password },
  })
  return {
    token: login.body.token,
    companyId: admin.companyId,
    slug: admin.slug,
    userId: created.body.id,
    email,
    password,
  }
}

export const isProblem = (res: Call) => res.contentType.startsWith('application/problem+json')
