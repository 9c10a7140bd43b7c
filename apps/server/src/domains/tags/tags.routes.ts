import { IdParams, page, Tag, TagBody } from '@tributary/contracts'
import { z } from 'zod'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import { createTag, deleteTag, getTag, listTags, updateTag } from './tags.service.ts'

export function tagsRoutes(app: App, ctx: AppContext) {
  const tags = ['Tags']
  app.get(
    '/api/v1/tags',
    { schema: { tags, summary: "All of the company's tags, by name", response: { 200: page(Tag) } } },
    (request) => listTags(ctx, actorOf(request)),
  )
  app.post(
    '/api/v1/tags',
    { schema: { tags, body: TagBody, response: { 201: Tag } } },
    async (request, reply) => reply.code(201).send(await createTag(ctx, actorOf(request), request.body)),
  )
  app.get('/api/v1/tags/:id', { schema: { tags, params: IdParams, response: { 200: Tag } } }, (request) =>
    getTag(ctx, actorOf(request), request.params.id),
  )
  app.patch(
    '/api/v1/tags/:id',
    { schema: { tags, summary: 'Rename a tag', params: IdParams, body: TagBody, response: { 200: Tag } } },
    (request) => updateTag(ctx, actorOf(request), request.params.id, request.body),
  )
  app.delete(
    '/api/v1/tags/:id',
    {
      schema: {
        tags,
        summary: 'Delete a tag; it comes off every partner company',
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteTag(ctx, actorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
}
