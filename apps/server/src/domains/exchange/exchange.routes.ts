import rateLimit from '@fastify/rate-limit'
import {
  ConnectionCredentials,
  ConnectionStatus,
  DistributeLeadsBody,
  ExchangeAnswer,
  IdParams,
  PostingSpec,
  SellCustomersBody,
  SellLeadsBody,
  SellResult,
  TestConnectionBody,
} from '@tributary/contracts'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import type { App } from '../../lib/http-types.ts'
import { connectionStatus, generateCredentials, testConnection } from './exchange.connection.ts'
import { receive } from './exchange.receive.ts'
import { distributeLeads, sellCustomers, sellLeads } from './exchange.sell.ts'
import { postingSpec } from './exchange.spec.ts'

const PROBLEM = 'application/problem+json; charset=utf-8'

/** The exchange endpoint reads its body as text: the signature covers the exact bytes sent. */
function exchangeEndpoint(app: App, ctx: AppContext) {
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>()
    scope.removeContentTypeParser('application/json')
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    )
    await scope.register(rateLimit, { global: false })
    scope.post(
      '/api/v1/exchange/:companySlug',
      {
        config: {
          public: true,
          // Per connection: the company and the Source ID the post names.
          rateLimit: {
            max: ctx.config.exchangeRateLimitPerMinute,
            timeWindow: 60_000,
            hook: 'preHandler',
            keyGenerator: (request) =>
              `${(request.params as { companySlug: string }).companySlug}:${sourceIdOf(request.body)}`,
            errorResponseBuilder: (_request, context) =>
              new AppError('throttled', 'Too many posts on this connection; slow down', {
                retryAfterSeconds: Math.ceil(context.ttl / 1000),
              }),
          },
        },
        schema: {
          tags: ['Exchange'],
          summary:
            'Receive a signed post from a partner (Standard Webhooks); a repeated webhook-id gets the first answer',
          params: z.object({ companySlug: z.string().min(1).max(80) }),
          response: { 200: ExchangeAnswer, 201: ExchangeAnswer },
        },
      },
      async (request, reply) => {
        const headers = Object.fromEntries(
          Object.entries(request.headers).filter((e): e is [string, string] => typeof e[1] === 'string'),
        )
        const raw = typeof request.body === 'string' ? request.body : ''
        const answer = await receive(ctx, request.params.companySlug, raw, headers)
        // A replayed refusal (a duplicate, bad data) is sent again as it was first answered.
        if (answer.status >= 400)
          return reply
            .code(answer.status as 200)
            .type(PROBLEM)
            .serializer(JSON.stringify)
            .send(answer.body as never)
        return reply.code(answer.status as 200 | 201).send(answer.body as { id: string | null })
      },
    )
  })
}

/** The Source ID a post names, read without parsing the body twice (it is only a rate-limit key). */
function sourceIdOf(body: unknown): string {
  return /"sourceId"\s*:\s*"([^"\\]{1,200})"/.exec(String(body))?.[1] ?? ''
}

export function exchangeRoutes(app: App, ctx: AppContext) {
  exchangeEndpoint(app, ctx)
  const tags = ['Exchange']
  app.post(
    '/api/v1/leads/sell',
    {
      schema: {
        tags,
        summary: 'Sell leads to a partner company that buys them; each id succeeds or fails on its own',
        body: SellLeadsBody,
        response: { 202: SellResult },
      },
    },
    async (request, reply) => reply.code(202).send(await sellLeads(ctx, actorOf(request), request.body)),
  )
  app.post(
    '/api/v1/leads/distribute',
    {
      schema: {
        tags,
        summary:
          "Supplier → channel partner: send leads over the exchange; the partner's copy waits for acceptance unless auto-accepted",
        body: DistributeLeadsBody,
        response: { 202: SellResult },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await distributeLeads(ctx, actorOf(request), request.body)),
  )
  app.post(
    '/api/v1/customers/sell',
    {
      schema: {
        tags,
        summary: 'Sell customers to a partner company that buys them; each id succeeds or fails on its own',
        body: SellCustomersBody,
        response: { 202: SellResult },
      },
    },
    async (request, reply) => reply.code(202).send(await sellCustomers(ctx, actorOf(request), request.body)),
  )
  app.post(
    '/api/v1/partner-companies/:id/connection',
    {
      schema: {
        tags,
        summary: 'Generate posting credentials for a partner that sells to you (again: rotate the secret)',
        params: IdParams,
        response: { 201: ConnectionCredentials },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await generateCredentials(ctx, actorOf(request), request.params.id)),
  )
  app.get(
    '/api/v1/partner-companies/:id/connection',
    {
      schema: {
        tags,
        summary:
          'The state of the connection with a partner: credentials issued, last messages, last delivery',
        params: IdParams,
        response: { 200: ConnectionStatus },
      },
    },
    (request) => connectionStatus(ctx, actorOf(request), request.params.id),
  )
  app.post(
    '/api/v1/partner-companies/:id/connection/test',
    {
      schema: {
        tags,
        summary: "Send a signed ping to the partner's Post URL; follow it on the Deliveries page",
        params: IdParams,
        body: TestConnectionBody,
        response: { 202: z.object({ deliveryId: z.uuid() }) },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(await testConnection(ctx, actorOf(request), request.params.id, request.body.section)),
  )
  app.get(
    '/api/v1/partner-companies/:id/posting-spec',
    {
      schema: {
        tags,
        summary: 'How to post to you: fields, an example signed request, and how to verify it',
        params: IdParams,
        response: { 200: PostingSpec },
      },
    },
    (request) => postingSpec(ctx, actorOf(request), request.params.id),
  )
}
