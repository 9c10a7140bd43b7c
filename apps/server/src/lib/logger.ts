import pino, { type DestinationStream, type Logger } from 'pino'

/**
 * JSON logs. Requests are logged by method, route path and status only: query strings,
 * bodies and auth headers can carry personal data or secrets, so they never reach a line.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      serializers: {
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
