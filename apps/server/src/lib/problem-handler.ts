import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { isForeignKeyViolation, isUniqueViolation } from '../db/constraints.ts'
import { AppError, type FieldError } from './errors.ts'

const PROBLEM = 'application/problem+json; charset=utf-8'

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
  // Connection failures and admin shutdowns: class 08 and 57P0x.
  return /^(08|57P0)/.test(code) || /ECONNREFUSED|ECONNRESET|terminat/i.test(String((error as Error).message))
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
