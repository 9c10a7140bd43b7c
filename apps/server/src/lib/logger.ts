import pino, { type DestinationStream, type Logger } from 'pino'

/**
 * Errors keep their kind and where they came from. A database error's message, detail and
 * parameters can quote row values (names, emails, hashes), so only its code and the
 * constraint or table it names are kept.
 */
function serializeError(error: Error & Record<string, unknown>) {
  const isDatabase = typeof error.code === 'string' && ('severity' in error || 'routine' in error)
  const base = { type: error.name, code: error.code, stack: error.stack?.split('\n').slice(1).join('\n') }
  if (!isDatabase) return { ...base, message: error.message }
  return { ...base, constraint: error.constraint, table: error.table, routine: error.routine }
}

/**
 * JSON logs. Requests are logged by method, route path and status only: query strings,
 * bodies and auth headers can carry personal data or secrets, so they never reach a line.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      serializers: {
        err: serializeError,
        req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.secret'],
        remove: true,
      },
    },
    destination,
  )
}
