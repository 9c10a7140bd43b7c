/** The one way the web app talks to the server: same-origin fetch, CSRF header, problem+json errors. */

export type FieldError = { path: string; message: string }

export type Problem = {
  status: number
  title: string
  detail: string
  errors: FieldError[]
  /** The problem type, e.g. `/problems/duplicate-lead`; empty when the answer named none. */
  type?: string
  /** Seconds from the Retry-After header (429, 503). */
  retryAfter?: number
  /** Further members of the problem document, e.g. `matches` of a duplicate lead. */
  extensions?: Record<string, unknown>
}

export type Page<T> = {
  items: T[]
  nextCursor: string | null
  /** Lists that count: the rows matching the filters, exact up to 10,000. */
  total?: number
  totalIsLowerBound?: boolean
}

export class ApiError extends Error implements Problem {
  readonly status: number
  readonly title: string
  readonly detail: string
  readonly errors: FieldError[]
  readonly type: string
  readonly retryAfter?: number
  readonly extensions: Record<string, unknown>

  constructor(problem: Problem) {
    super(problem.detail || problem.title)
    this.name = 'ApiError'
    this.status = problem.status
    this.title = problem.title
    this.detail = problem.detail
    this.errors = problem.errors
    this.type = problem.type ?? ''
    this.extensions = problem.extensions ?? {}
    if (problem.retryAfter !== undefined) this.retryAfter = problem.retryAfter
  }

  /** Whether the problem type is this one: `is('duplicate-lead')` for `…/problems/duplicate-lead`. */
  is(type: string): boolean {
    return this.type === type || this.type.endsWith(`/${type}`)
  }

  /** Field errors keyed by path (`password`, `roleIds.0`); the first message per path wins. */
  fieldErrors(): Record<string, string> {
    const byPath: Record<string, string> = {}
    for (const { path, message } of this.errors) byPath[path] ??= message
    return byPath
  }
}

export const CSRF_COOKIE = 'tributary_csrf'
const COMPANY_KEY = 'tributary.company'

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return decodeURIComponent(rest.join('='))
  }
  return undefined
}

/** The company slug last used on this browser, to prefill the login form after a logout or expiry. */
export function rememberedCompany(): string {
  try {
    return localStorage.getItem(COMPANY_KEY) ?? ''
  } catch {
    return ''
  }
}

export function rememberCompany(slug: string) {
  try {
    localStorage.setItem(COMPANY_KEY, slug)
  } catch {
    // Private mode without storage: prefilling is only a convenience.
  }
}

export function loginUrl(next?: string): string {
  const params = new URLSearchParams()
  const company = rememberedCompany()
  if (company) params.set('company', company)
  if (next && next !== '/') params.set('next', next)
  const query = params.toString()
  return query ? `/login?${query}` : '/login'
}

function redirectToLogin() {
  const { pathname, search } = window.location
  if (pathname === '/login') return
  window.location.assign(loginUrl(pathname + search))
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryHeader = response.headers.get('retry-after')
  const retryAfter = retryHeader && /^\d+$/.test(retryHeader) ? Number(retryHeader) : undefined
  let body: Record<string, unknown> = {}
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    const parsed: unknown = await response.json().catch(() => ({}))
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      body = parsed as Record<string, unknown>
  }
  const { type, title, status: _status, detail, errors: rawErrors, ...extensions } = body
  const errors = Array.isArray(rawErrors)
    ? rawErrors.filter((e): e is FieldError => typeof e?.path === 'string' && typeof e?.message === 'string')
    : []
  return new ApiError({
    status: response.status,
    title: typeof title === 'string' ? title : response.statusText || 'Request failed',
    detail: typeof detail === 'string' ? detail : '',
    errors,
    type: typeof type === 'string' ? type : '',
    extensions,
    ...(retryAfter === undefined ? {} : { retryAfter }),
  })
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export type RequestOptions = {
  body?: unknown
  /** A body sent as it is (a file), instead of `body` as JSON. */
  raw?: { data: Blob; contentType: string }
  signal?: AbortSignal
  /** A 401 normally sends the browser to /login; the login form itself wants the error instead. */
  redirectOnUnauthorized?: boolean
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  let body: BodyInit | undefined
  if (options.raw) {
    headers['content-type'] = options.raw.contentType
    body = options.raw.data
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE)
    if (csrf) headers['x-csrf-token'] = csrf
  }
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body }),
      ...(options.signal ? { signal: options.signal } : {}),
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError({
      status: 0,
      title: 'Network error',
      detail: 'The server could not be reached. Check the connection and try again.',
      errors: [],
    })
  }
  if (!response.ok) {
    if (response.status === 401 && options.redirectOnUnauthorized !== false) redirectToLogin()
    throw await toApiError(response)
  }
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: (path: string) => request<void>('DELETE', path),
  /** Sends a file as the body, e.g. a CSV import (`text/csv`), with the same CSRF and errors. */
  upload: <T>(path: string, data: Blob, contentType: string) =>
    request<T>('POST', path, { raw: { data, contentType } }),
}

/** Every page of a keyset-paginated list (admin lists are small; the cap guards against a runaway loop). */
export async function getAll<T>(path: string, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = []
  let cursor: string | null = null
  for (let pages = 0; pages < 50; pages++) {
    const separator = path.includes('?') ? '&' : '?'
    const url: string = `${path}${separator}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
    const page: Page<T> = await api.get<Page<T>>(url, signal ? { signal } : undefined)
    items.push(...page.items)
    cursor = page.nextCursor
    if (!cursor) break
  }
  return items
}

/** One line for a failed request, for a banner. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail || error.title
  return error instanceof Error ? error.message : 'Something went wrong'
}
