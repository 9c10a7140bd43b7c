import {
  BulkLeadsBody,
  BulkResult,
  ConvertBody,
  CreateLeadBody,
  Customer,
  countedPage,
  IdParams,
  InvalidateBody,
  Lead,
  LeadExportQuery,
  LeadQuery,
  PageQuery,
  page,
  RequeueBody,
  TimelineEvent,
  UpdateLeadBody,
} from '@tributary/contracts'
import { z } from 'zod'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import { recordHistoryRoutes } from '../activities/activities.record-routes.ts'
import { bulkLeads } from './leads.bulk.ts'
import { exportLeads } from './leads.export.ts'
import { createLead } from './leads.intake.ts'
import { convertLead, invalidateLead, requeueLead } from './leads.moves.ts'
import {
  commentOnLead,
  getLead,
  leadActivities,
  leadComments,
  leadTimeline,
  listLeads,
  logLeadActivity,
  updateLead,
} from './leads.service.ts'

export function leadsRoutes(app: App, ctx: AppContext) {
  const tags = ['Leads']
  app.post(
    '/api/v1/leads',
    {
      schema: {
        tags,
        summary: 'Add a lead; a duplicate answers 422 with type …/duplicate-lead and its matches',
        description:
          'Send an Idempotency-Key header (up to 200 characters) to make retries safe: a repeat within 7 days ' +
          'answers with the first result and Idempotent-Replayed: true; the same key with another body is 422.',
        headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
        body: CreateLeadBody,
        response: { 201: Lead },
      },
    },
    async (request, reply) => {
      const result = await createLead(ctx, actorOf(request), request.body, request.headers['idempotency-key'])
      if (result.replayed) reply.header('idempotent-replayed', 'true')
      return reply.code(201).send(result.lead)
    },
  )
  app.get(
    '/api/v1/leads',
    {
      config: { partnerAccess: true },
      schema: {
        tags,
        summary: 'Leads by priority, then age; Pending needs view_pending_leads; a partner sees its own',
        querystring: LeadQuery,
        response: { 200: countedPage(Lead) },
      },
    },
    (request) => listLeads(ctx, actorOf(request), request.query),
  )
  app.post(
    '/api/v1/leads/bulk',
    {
      schema: {
        tags,
        summary: 'One action on up to 1,000 leads (by id or by filter), each through its single action',
        description:
          'Each lead goes through the rules, permissions and timeline of its own action (PATCH for move and ' +
          'assign, invalidate, requeue) in a transaction of its own; `failed` says why a lead did not change.',
        body: BulkLeadsBody,
        response: { 200: BulkResult },
      },
    },
    (request) => bulkLeads(ctx, actorOf(request), request.body),
  )
  app.get(
    '/api/v1/leads/export.csv',
    {
      schema: {
        tags,
        summary: 'The leads of a list (same filters and sort) as a CSV file, streamed',
        querystring: LeadExportQuery,
      },
    },
    async (request, reply) => {
      const csv = await exportLeads(ctx, actorOf(request), request.query)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="leads.csv"')
        .send(csv)
    },
  )
  app.get(
    '/api/v1/leads/:id',
    { config: { partnerAccess: true }, schema: { tags, params: IdParams, response: { 200: Lead } } },
    (request) => getLead(ctx, actorOf(request), request.params.id),
  )
  app.patch(
    '/api/v1/leads/:id',
    {
      schema: {
        tags,
        summary: 'Contact fields and notes; managers also move Pending ↔ Queue and assign',
        params: IdParams,
        body: UpdateLeadBody,
        response: { 200: Lead },
      },
    },
    (request) => updateLead(ctx, actorOf(request), request.params.id, request.body),
  )
  app.get(
    '/api/v1/leads/:id/timeline',
    {
      config: { partnerAccess: true },
      schema: { tags, params: IdParams, querystring: PageQuery, response: { 200: page(TimelineEvent) } },
    },
    (request) => leadTimeline(ctx, actorOf(request), request.params.id, request.query),
  )
  app.post(
    '/api/v1/leads/:id/requeue',
    {
      schema: {
        tags,
        summary: 'Back to the queue, with an optional callback time',
        params: IdParams,
        body: RequeueBody,
        response: { 200: Lead },
      },
    },
    (request) => requeueLead(ctx, actorOf(request), request.params.id, request.body),
  )
  app.post(
    '/api/v1/leads/:id/invalidate',
    { schema: { tags, params: IdParams, body: InvalidateBody, response: { 200: Lead } } },
    (request) => invalidateLead(ctx, actorOf(request), request.params.id, request.body.reason),
  )
  app.post(
    '/api/v1/leads/:id/convert',
    {
      schema: {
        tags,
        summary: 'Convert to a customer',
        params: IdParams,
        body: ConvertBody,
        response: { 201: z.object({ customer: Customer }) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await convertLead(ctx, actorOf(request), request.params.id, request.body)),
  )
  recordHistoryRoutes(app, '/api/v1/leads', tags, {
    comments: (actor, id, query) => leadComments(ctx, actor, id, query),
    comment: (actor, id, text) => commentOnLead(ctx, actor, id, text),
    activities: (actor, id, query) => leadActivities(ctx, actor, id, query),
    logActivity: (actor, id, input) => logLeadActivity(ctx, actor, id, input),
  })
}
