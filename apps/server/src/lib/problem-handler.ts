import type { Socket } from 'node:net'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { isForeignKeyViolation, isUniqueViolation } from '../db/constraints.ts'
import { AppError, type FieldError } from './errors.ts'

const PROBLEM = 'application/problem+json; charset=utf-8'
/** On every answer: browsers must take each content type as sent. */
export const NOSNIFF = { 'x-content-type-options': 'nosniff' } as const

export function sendProblem(reply: FastifyReply, error: AppError): FastifyReply {
  if (error.details.retryAfterSeconds !== undefined) {
    reply.header('retry-after', String(Math.max(1, Math.ceil(error.details.retryAfterSeconds))))
  }
  return reply.code(error.status).type(PROBLEM).send(error.toProblem())
}

function validationErrors(
  error: FastifyError & {
    validation: { instancePath: string; message?: string; params?: Record<string, unknown> }[]
  },
): FieldError[] {
  return error.validation.map((v) => {
    const path = v.instancePath.split('/').filter(Boolean).join('.')
    const keys = Array.isArray(v.params?.keys) ? (v.params.keys as string[]).join(', ') : undefined
    return {
      path: path || keys || error.validationContext || '',
      message: v.message ?? 'Invalid value',
    }
  })
}

/** Maps every failure to problem+json: a database outage is a 503, anything unexpected a 500. */
export function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'request'
    return new AppError('bad-request', `The ${where} is not valid`, {
      errors: validationErrors(error as never),
    })
  }
  // A constraint caught a race the service's own checks could not see.
  if (isUniqueViolation(error)) return new AppError('conflict', 'This conflicts with an existing record')
  if (isForeignKeyViolation(error)) return new AppError('conflict', 'Other records still refer to this one')
  const pgCode = (error as { code?: string }).code
  // Text the database cannot store (NUL, broken encoding) or a value out of a column's range.
  if (pgCode === '22021' || pgCode === '22P05' || pgCode === '22003')
    return new AppError('bad-request', 'A value cannot be stored')
  const fastifyError = error as FastifyError
  const status = fastifyError.statusCode ?? 500
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) {
    return new AppError('too-large', 'The request body is larger than allowed')
  }
  if (status === 415) return new AppError('bad-request', 'Send the body as application/json')
  if (status === 414) return new AppError('uri-too-long', 'A part of the address is longer than allowed')
  if (status >= 400 && status < 500) return new AppError('bad-request', error.message)
  if (isDatabaseOutage(error)) {
    return new AppError('unavailable', 'The database is unavailable; try again shortly', {
      retryAfterSeconds: 5,
    })
  }
  return new AppError('internal', 'Something went wrong on our side')
}

export function isDatabaseOutage(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? ''
  // Connection failures and admin shutdowns: class 08 and 57P0x; pg's own words for a dead client.
  return (
    /^(08|57P0)/.test(code) ||
    /ECONNREFUSED|ECONNRESET|terminat|not queryable/i.test(String((error as Error).message))
  )
}

export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error)
  if (!(error instanceof AppError) && appError.status >= 500) {
    request.log.error(
      { err: error },
      appError.code === 'unavailable' ? 'database unavailable' : 'unexpected error',
    )
  }
  return sendProblem(reply, appError)
}

/** Fastify's own refusals before routing (a path that does not decode, a parameter too long). */
export function handleFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  reply.headers(NOSNIFF)
  return sendProblem(reply, toAppError(error))
}

const clientErrors: Record<string, AppError> = {
  ERR_HTTP_REQUEST_TIMEOUT: new AppError('timeout', 'The request did not arrive in time'),
  HPE_HEADER_OVERFLOW: new AppError('headers-too-large', 'The request headers are larger than allowed'),
}

/**
 * HTTP that Node cannot parse never reaches Fastify (e.g. bytes after a body cut short by its
 * Content-Length): answered here on the bare socket, as problem+json like everything else.
 */
export function handleClientError(error: NodeJS.ErrnoException, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  if (socket.writable) {
    const problem =
      clientErrors[error.code ?? ''] ?? new AppError('bad-request', 'The request is not valid HTTP')
    const body = JSON.stringify(problem.toProblem())
    socket.write(
      `HTTP/1.1 ${problem.status} ${problem.toProblem().title}\r\nConnection: close\r\n` +
        `Content-Type: ${PROBLEM}\r\nX-Content-Type-Options: nosniff\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    )
  }
  socket.destroy(error)
}
