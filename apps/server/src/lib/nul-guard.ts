import type { FastifyInstance } from 'fastify'
import { AppError } from './errors.ts'

/** The path of the first string PostgreSQL text cannot store: a NUL, or a lone UTF-16 surrogate. */
function nulPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string')
    return value.includes('\0') || !value.isWellFormed() ? path.join('.') || 'body' : null
  if (value === null || typeof value !== 'object') return null
  for (const [key, child] of Object.entries(value)) {
    const found = nulPath(child, [...path, key])
    if (found !== null) return found
  }
  return null
}

/**
 * JSON bodies and query strings may not carry NUL characters: refused at the edge with the
 * field's path, instead of failing deep in the database. Keeps Fastify's safe JSON parser.
 */
export function refuseNulCharacters(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parseJson(request, body as string, (error, value) => {
      const path = error ? null : nulPath(value)
      if (path !== null)
        return done(
          new AppError('bad-request', 'Text may not contain NUL characters or broken Unicode', {
            errors: [{ path, message: 'Contains a NUL character or broken Unicode' }],
          }),
          undefined,
        )
      done(error, value)
    })
  })
  app.addHook('preValidation', async (request) => {
    const path = nulPath(request.query) ?? nulPath(request.params)
    if (path !== null) {
      throw new AppError('bad-request', 'Text may not contain NUL characters or broken Unicode', {
        errors: [{ path, message: 'Contains a NUL character or broken Unicode' }],
      })
    }
  })
}
