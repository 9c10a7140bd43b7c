import {
  CreateCustomerBody,
  Customer,
  CustomerQuery,
  IdParams,
  PageQuery,
  page,
  TimelineEvent,
  UpdateCustomerBody,
} from '@tributary/contracts'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import {
  createCustomer,
  customerTimeline,
  getCustomer,
  listCustomers,
  updateCustomer,
} from './customers.service.ts'

export function customersRoutes(app: App, ctx: AppContext) {
  const tags = ['Customers']
  app.post(
    '/api/v1/customers',
    { schema: { tags, body: CreateCustomerBody, response: { 201: Customer } } },
    async (request, reply) => reply.code(201).send(await createCustomer(ctx, actorOf(request), request.body)),
  )
  app.get(
    '/api/v1/customers',
    {
      config: { partnerAccess: true },
      schema: { tags, querystring: CustomerQuery, response: { 200: page(Customer) } },
    },
    (request) => listCustomers(ctx, actorOf(request), request.query),
  )
  app.get(
    '/api/v1/customers/:id',
    { config: { partnerAccess: true }, schema: { tags, params: IdParams, response: { 200: Customer } } },
    (request) => getCustomer(ctx, actorOf(request), request.params.id),
  )
  app.patch(
    '/api/v1/customers/:id',
    { schema: { tags, params: IdParams, body: UpdateCustomerBody, response: { 200: Customer } } },
    (request) => updateCustomer(ctx, actorOf(request), request.params.id, request.body),
  )
  app.get(
    '/api/v1/customers/:id/timeline',
    {
      config: { partnerAccess: true },
      schema: { tags, params: IdParams, querystring: PageQuery, response: { 200: page(TimelineEvent) } },
    },
    (request) => customerTimeline(ctx, actorOf(request), request.params.id, request.query),
  )
}
