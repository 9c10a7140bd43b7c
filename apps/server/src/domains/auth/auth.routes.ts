import { LoginBody, LoginResult, Me } from '@tributary/contracts'
import { z } from 'zod'
import { actorOf, permissionsOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import { getCompany } from '../companies/companies.service.ts'
import { findUserById, getUser } from '../users/users.service.ts'
import { clearSessionCookies, setSessionCookies } from './auth.plugin.ts'
import { login, logout } from './auth.service.ts'

export function authRoutes(app: App, ctx: AppContext) {
  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['Auth'],
        summary: 'Log in as a user (email) or a partner login (username)',
        body: LoginBody,
        response: { 200: LoginResult },
      },
    },
    async (request, reply) => {
      const session = await login(ctx, request.body, request.ip)
      const user =
        'userId' in session.owner ? await findUserById(ctx.db, session.companyId, session.owner.userId) : null
      setSessionCookies(reply, ctx.config, session)
      return { token: session.token, csrfToken: session.csrfToken, user }
    },
  )

  app.post(
    '/api/v1/auth/logout',
    {
      config: { partnerAccess: true },
      schema: { tags: ['Auth'], summary: 'End the current session', response: { 204: z.null() } },
    },
    async (request, reply) => {
      await logout(ctx, actorOf(request))
      clearSessionCookies(reply, ctx.config)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/v1/me',
    {
      config: { partnerAccess: true },
      schema: { tags: ['Auth'], summary: 'Who am I', response: { 200: Me } },
    },
    async (request) => {
      const actor = actorOf(request)
      return {
        user: actor.kind === 'user' ? await getUser(ctx, actor, actor.userId) : null,
        partner:
          actor.kind === 'partner'
            ? { partnerCompanyId: actor.partnerCompanyId, name: actor.partnerName }
            : null,
        company: await getCompany(ctx, actor),
        permissions: permissionsOf(actor),
      }
    },
  )
}
