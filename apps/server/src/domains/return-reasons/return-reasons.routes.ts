import { IdParams, page, ReturnReason, ReturnReasonBody, ReturnReasonPatch } from '@tributary/contracts'
import { z } from 'zod'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import {
  createReturnReason,
  deleteReturnReason,
  listReturnReasons,
  updateReturnReason,
} from './return-reasons.service.ts'

export function returnReasonsRoutes(app: App, ctx: AppContext) {
  const tags = ['Returns']
  app.get(
    '/api/v1/return-reasons',
    {
      schema: {
        tags,
        summary: "The company's reasons a lead or customer can be returned for",
        response: { 200: page(ReturnReason) },
      },
    },
    (request) => listReturnReasons(ctx, actorOf(request)),
  )
  app.post(
    '/api/v1/return-reasons',
    { schema: { tags, body: ReturnReasonBody, response: { 201: ReturnReason } } },
    async (request, reply) =>
      reply.code(201).send(await createReturnReason(ctx, actorOf(request), request.body)),
  )
  app.patch(
    '/api/v1/return-reasons/:id',
    { schema: { tags, params: IdParams, body: ReturnReasonPatch, response: { 200: ReturnReason } } },
    (request) => updateReturnReason(ctx, actorOf(request), request.params.id, request.body),
  )
  app.delete(
    '/api/v1/return-reasons/:id',
    { schema: { tags, params: IdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteReturnReason(ctx, actorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
}
