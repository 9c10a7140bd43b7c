import { ReturnCustomersBody, ReturnLeadsBody, ReturnResult } from '@tributary/contracts'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import { returnCustomers, returnLeads } from './returns.service.ts'

export function returnsRoutes(app: App, ctx: AppContext) {
  const tags = ['Returns']
  app.post(
    '/api/v1/leads/return',
    {
      schema: {
        tags,
        summary: 'Return leads to their sources; each id succeeds or fails on its own',
        body: ReturnLeadsBody,
        response: { 200: ReturnResult },
      },
    },
    (request) =>
      returnLeads(ctx, actorOf(request), {
        ids: request.body.leadIds,
        reason: request.body.reason,
        callCenterComments: request.body.callCenterComments,
      }),
  )
  app.post(
    '/api/v1/customers/return',
    {
      schema: {
        tags,
        summary: 'Return customers to their sources; each id succeeds or fails on its own',
        body: ReturnCustomersBody,
        response: { 200: ReturnResult },
      },
    },
    (request) =>
      returnCustomers(ctx, actorOf(request), {
        ids: request.body.customerIds,
        reason: request.body.reason,
        callCenterComments: request.body.callCenterComments,
      }),
  )
}
