import { IdParams, IgnoredCompany, IgnoredCompanyBody, page } from '@tributary/contracts'
import { z } from 'zod'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import {
  ignoreCompany,
  listIgnoredCompanies,
  renameIgnoredCompany,
  unignoreCompany,
} from './ignored-companies.service.ts'

export function ignoredCompaniesRoutes(app: App, ctx: AppContext) {
  const tags = ['Lead management']
  app.get(
    '/api/v1/ignored-companies',
    {
      schema: {
        tags,
        summary: 'Companies whose leads are never auto-registered',
        response: { 200: page(IgnoredCompany) },
      },
    },
    (request) => listIgnoredCompanies(ctx, actorOf(request)),
  )
  app.post(
    '/api/v1/ignored-companies',
    { schema: { tags, body: IgnoredCompanyBody, response: { 201: IgnoredCompany } } },
    async (request, reply) =>
      reply.code(201).send(await ignoreCompany(ctx, actorOf(request), request.body.name)),
  )
  app.patch(
    '/api/v1/ignored-companies/:id',
    { schema: { tags, params: IdParams, body: IgnoredCompanyBody, response: { 200: IgnoredCompany } } },
    (request) => renameIgnoredCompany(ctx, actorOf(request), request.params.id, request.body.name),
  )
  app.delete(
    '/api/v1/ignored-companies/:id',
    { schema: { tags, params: IdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await unignoreCompany(ctx, actorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
}
