import { ApiKey, CreateApiKeyBody, CreatedApiKey, IdParams, PageQuery, page } from '@tributary/contracts'
import { z } from 'zod'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import { createApiKey, deleteApiKey, listApiKeys } from './api-keys.service.ts'

export function apiKeysRoutes(app: App, ctx: AppContext) {
  const tags = ['API keys']
  app.get(
    '/api/v1/api-keys',
    { schema: { tags, querystring: PageQuery, response: { 200: page(ApiKey) } } },
    (request) => listApiKeys(ctx, actorOf(request), request.query),
  )
  app.post(
    '/api/v1/api-keys',
    {
      schema: {
        tags,
        summary: 'Create a key; it is shown only in this answer',
        body: CreateApiKeyBody,
        response: { 201: CreatedApiKey },
      },
    },
    async (request, reply) => reply.code(201).send(await createApiKey(ctx, actorOf(request), request.body)),
  )
  app.delete(
    '/api/v1/api-keys/:id',
    { schema: { tags, params: IdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteApiKey(ctx, actorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
}
