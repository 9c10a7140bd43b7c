import { IdParams, page, SalesRep, SalesRepBody } from '@tributary/contracts'
import { z } from 'zod'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import { createSalesRep, deleteSalesRep, listSalesReps, updateSalesRep } from './sales-reps.service.ts'

export function salesRepsRoutes(app: App, ctx: AppContext) {
  const tags = ['Lead management']
  app.get(
    '/api/v1/sales-reps',
    {
      schema: {
        tags,
        summary: 'External sales reps who receive lead emails',
        response: { 200: page(SalesRep) },
      },
    },
    (request) => listSalesReps(ctx, actorOf(request)),
  )
  app.post(
    '/api/v1/sales-reps',
    { schema: { tags, body: SalesRepBody, response: { 201: SalesRep } } },
    async (request, reply) => reply.code(201).send(await createSalesRep(ctx, actorOf(request), request.body)),
  )
  app.patch(
    '/api/v1/sales-reps/:id',
    { schema: { tags, params: IdParams, body: SalesRepBody, response: { 200: SalesRep } } },
    (request) => updateSalesRep(ctx, actorOf(request), request.params.id, request.body),
  )
  app.delete(
    '/api/v1/sales-reps/:id',
    { schema: { tags, params: IdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteSalesRep(ctx, actorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
}
