import { Delivery, DeliveryQuery, IdParams, page } from '@tributary/contracts'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import { getDelivery, listDeliveries, retryDelivery } from './deliveries.service.ts'

export function deliveriesRoutes(app: App, ctx: AppContext) {
  const tags = ['Deliveries']
  app.get(
    '/api/v1/deliveries',
    {
      schema: {
        tags,
        summary: 'Every sale, return and handshake sent to partners, with its attempts; newest first',
        querystring: DeliveryQuery,
        response: { 200: page(Delivery) },
      },
    },
    (request) => listDeliveries(ctx, actorOf(request), request.query),
  )
  app.get(
    '/api/v1/deliveries/:id',
    {
      schema: {
        tags,
        summary: 'One delivery with its attempts',
        params: IdParams,
        response: { 200: Delivery },
      },
    },
    (request) => getDelivery(ctx, actorOf(request), request.params.id),
  )
  app.post(
    '/api/v1/deliveries/:id/retry',
    {
      schema: {
        tags,
        summary: 'Attempt a failed or waiting delivery again now (same webhook-id)',
        params: IdParams,
        response: { 200: Delivery },
      },
    },
    (request) => retryDelivery(ctx, actorOf(request), request.params.id),
  )
}
