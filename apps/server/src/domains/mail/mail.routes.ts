import { IdParams, Mail, MailQuery, page } from '@tributary/contracts'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import { getMail, listMail } from './mail.service.ts'

export function mailRoutes(app: App, ctx: AppContext) {
  const tags = ['Mail']
  app.get(
    '/api/v1/mail',
    {
      schema: {
        tags,
        summary: 'Every email, newest first, with its state',
        querystring: MailQuery,
        response: { 200: page(Mail) },
      },
    },
    (request) => listMail(ctx, actorOf(request), request.query),
  )
  app.get('/api/v1/mail/:id', { schema: { tags, params: IdParams, response: { 200: Mail } } }, (request) =>
    getMail(ctx, actorOf(request), request.params.id),
  )
}
