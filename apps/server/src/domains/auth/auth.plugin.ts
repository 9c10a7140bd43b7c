import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import type { App } from '../../lib/http-types.ts'
import { safeEqual } from '../../lib/tokens.ts'
import { authenticate, SESSION_DAYS } from './auth.service.ts'

export const SESSION_COOKIE = 'tributary_session'
export const CSRF_COOKIE = 'tributary_csrf'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  if (!header) return undefined
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  if (!match?.[1]) throw new AppError('unauthorized', 'Use "Authorization: Bearer <token>"')
  return match[1]
}

/**
 * Resolves the caller once per request. Bearer tokens (API clients) need no CSRF defence;
 * the browser's session cookie does: every cookie-authenticated write must echo the
 * session's CSRF token in `x-csrf-token` (double submit, bound to the session).
 */
export function registerAuth(app: App, ctx: AppContext) {
  app.decorateRequest('actor', null)
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    // Unmatched routes go straight to the not-found handler.
    if (!request.routeOptions.url) return
    // Only the API is private; pages, docs and probes outside /api/ are not.
    // Public routes (login, sign-up, and everything outside /api/) act on nobody's behalf.
    if (request.routeOptions.config.public === true || !request.routeOptions.url.startsWith('/api/')) return
    const bearer = bearerToken(request)
    const token = bearer ?? request.cookies[SESSION_COOKIE]
    const auth = token ? await authenticate(ctx, token) : null
    if (!auth) {
      throw new AppError(
        'unauthorized',
        token ? 'The session has ended or the token is not valid' : 'Log in first',
      )
    }
    if (!bearer && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token']
      if (typeof sent !== 'string' || !auth.csrfToken || !safeEqual(sent, auth.csrfToken)) {
        throw new AppError('forbidden', 'Missing or wrong x-csrf-token header')
      }
    }
    // Partner logins are read-only and see only routes meant for them.
    if (auth.actor.kind === 'partner') {
      const isLogout = request.routeOptions.url === '/api/v1/auth/logout'
      if (!request.routeOptions.config.partnerAccess || (!SAFE_METHODS.has(request.method) && !isLogout)) {
        throw new AppError('forbidden', 'A partner login can only read its own leads and customers')
      }
    }
    request.actor = auth.actor
  })
}

const cookieOptions = (config: Config) =>
  ({ path: '/', sameSite: 'lax', secure: config.secureCookies }) as const

export function setSessionCookies(
  reply: FastifyReply,
  config: Config,
  session: { token: string; csrfToken: string },
) {
  const options = { ...cookieOptions(config), maxAge: SESSION_DAYS * 86_400 }
  reply.setCookie(SESSION_COOKIE, session.token, { ...options, httpOnly: true })
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...options, httpOnly: false })
}

export function clearSessionCookies(reply: FastifyReply, config: Config) {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(config)).clearCookie(CSRF_COOKIE, cookieOptions(config))
}
