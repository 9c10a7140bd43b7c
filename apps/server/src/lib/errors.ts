import type { Problem } from '@tributary/contracts'

export type ErrorCode =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'uri-too-long'
  | 'headers-too-large'
  | 'timeout'
  | 'unprocessable'
  | 'throttled'
  | 'unavailable'
  | 'internal'

const status: Record<ErrorCode, number> = {
  'bad-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'uri-too-long': 414,
  'headers-too-large': 431,
  timeout: 408,
  unprocessable: 422,
  throttled: 429,
  unavailable: 503,
  internal: 500,
}

const titles: Record<ErrorCode, string> = {
  'bad-request': 'The request is malformed',
  unauthorized: 'Not logged in',
  forbidden: 'Not allowed',
  'not-found': 'Not found',
  conflict: 'Conflict with the current state',
  'too-large': 'The request is too large',
  'uri-too-long': 'The address is too long',
  'headers-too-large': 'The request headers are too large',
  timeout: 'The request took too long to arrive',
  unprocessable: 'The request breaks a business rule',
  throttled: 'Too many requests',
  unavailable: 'Temporarily unavailable',
  internal: 'Internal error',
}

export type FieldError = { path: string; message: string }

export type AppErrorDetails = {
  errors?: FieldError[]
  /** A more specific problem type than the code, e.g. `duplicate-lead`. */
  type?: string
  /** Extra members of the problem document, e.g. `matches`. */
  extra?: Record<string, unknown>
  retryAfterSeconds?: number
}

/** The one error type services throw; the HTTP layer turns it into problem+json. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly details: AppErrorDetails
  constructor(code: ErrorCode, message: string, details: AppErrorDetails = {}) {
    super(message)
    this.code = code
    this.details = details
  }

  get status(): number {
    return status[this.code]
  }

  toProblem(): Problem & Record<string, unknown> {
    return {
      type: `/problems/${this.details.type ?? this.code}`,
      title: titles[this.code],
      status: this.status,
      detail: this.message,
      ...(this.details.errors ? { errors: this.details.errors } : {}),
      ...this.details.extra,
    }
  }
}

export const notFound = (what: string) => new AppError('not-found', `${what} not found`)

export const fieldError = (path: string, message: string, code: ErrorCode = 'bad-request') =>
  new AppError(code, message, { errors: [{ path, message }] })
