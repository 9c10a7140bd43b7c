import {
  BulkCustomersBody,
  BulkResult,
  CreateCustomerBody,
  Customer,
  CustomerExportQuery,
  CustomerQuery,
  countedPage,
  IdParams,
  PageQuery,
  page,
  TimelineEvent,
  UpdateCustomerBody,
} from '@tributary/contracts'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import { recordHistoryRoutes } from '../activities/activities.record-routes.ts'
import {
  bulkCustomers,
  commentOnCustomer,
  createCustomer,
  customerActivities,
  customerComments,
  customerTimeline,
  exportCustomers,
  getCustomer,
  listCustomers,
  logCustomerActivity,
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
      schema: { tags, querystring: CustomerQuery, response: { 200: countedPage(Customer) } },
    },
    (request) => listCustomers(ctx, actorOf(request), request.query),
  )
  app.post(
    '/api/v1/customers/bulk',
    {
      schema: {
        tags,
        summary:
          'Move up to 1,000 customers (by id or by filter) to an office location, each as its own update',
        body: BulkCustomersBody,
        response: { 200: BulkResult },
      },
    },
    (request) => bulkCustomers(ctx, actorOf(request), request.body),
  )
  app.get(
    '/api/v1/customers/export.csv',
    {
      schema: {
        tags,
        summary: 'The customers of a list (same filters and sort) as a CSV file, streamed',
        querystring: CustomerExportQuery,
      },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="customers.csv"')
        .send(await exportCustomers(ctx, actorOf(request), request.query)),
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
  recordHistoryRoutes(app, '/api/v1/customers', tags, {
    comments: (actor, id, query) => customerComments(ctx, actor, id, query),
    comment: (actor, id, text) => commentOnCustomer(ctx, actor, id, text),
    activities: (actor, id, query) => customerActivities(ctx, actor, id, query),
    logActivity: (actor, id, input) => logCustomerActivity(ctx, actor, id, input),
  })
}
