import { SignupBody, SignupResult } from '@tributary/contracts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import { setSessionCookies } from '../auth/auth.plugin.ts'
import { signup } from './signup.service.ts'

export function signupRoutes(app: App, ctx: AppContext) {
  app.post(
    '/api/v1/signup',
    {
      config: { public: true },
      schema: {
        tags: ['Companies'],
        summary: 'Create a company and its first admin (can be switched off with SIGNUP_ENABLED=false)',
        body: SignupBody,
        response: { 201: SignupResult },
      },
    },
    async (request, reply) => {
      const result = await signup(ctx, request.body)
      setSessionCookies(reply, ctx.config, result)
      return reply.code(201).send(result)
    },
  )
}
