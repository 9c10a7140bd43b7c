import {
  CreatePartnerCompanyBody,
  countedPage,
  IdParams,
  PartnerCompany,
  PartnerCompanyQuery,
  TagParams,
  UpdatePartnerCompanyBody,
} from '@tributary/contracts'
import { z } from 'zod'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import {
  applyTag,
  createPartnerCompany,
  deletePartnerCompany,
  getPartnerCompany,
  listPartnerCompanies,
  removeTag,
  updatePartnerCompany,
} from './partner-companies.service.ts'

export function partnerCompaniesRoutes(app: App, ctx: AppContext) {
  const tags = ['Partner companies']
  app.get(
    '/api/v1/partner-companies',
    {
      schema: {
        tags,
        summary: 'Lead and customer sources and buyers; ?sellsLeads=true is the lead source list',
        querystring: PartnerCompanyQuery,
        response: { 200: countedPage(PartnerCompany) },
      },
    },
    (request) => listPartnerCompanies(ctx, actorOf(request), request.query),
  )
  app.post(
    '/api/v1/partner-companies',
    { schema: { tags, body: CreatePartnerCompanyBody, response: { 201: PartnerCompany } } },
    async (request, reply) =>
      reply.code(201).send(await createPartnerCompany(ctx, actorOf(request), request.body)),
  )
  app.get(
    '/api/v1/partner-companies/:id',
    { schema: { tags, params: IdParams, response: { 200: PartnerCompany } } },
    (request) => getPartnerCompany(ctx, actorOf(request), request.params.id),
  )
  app.patch(
    '/api/v1/partner-companies/:id',
    {
      schema: {
        tags,
        summary: 'Change general fields; each section (sellsLeads, …, access) merges field by field',
        params: IdParams,
        body: UpdatePartnerCompanyBody,
        response: { 200: PartnerCompany },
      },
    },
    (request) => updatePartnerCompany(ctx, actorOf(request), request.params.id, request.body),
  )
  app.delete(
    '/api/v1/partner-companies/:id',
    {
      schema: {
        tags,
        summary: 'Delete a partner company without leads or customers (409 otherwise: deactivate it)',
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deletePartnerCompany(ctx, actorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
  app.put(
    '/api/v1/partner-companies/:id/tags/:tagId',
    { schema: { tags, summary: 'Apply a tag', params: TagParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await applyTag(ctx, actorOf(request), request.params.id, request.params.tagId)
      return reply.code(204).send(null)
    },
  )
  app.delete(
    '/api/v1/partner-companies/:id/tags/:tagId',
    { schema: { tags, summary: 'Remove a tag', params: TagParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeTag(ctx, actorOf(request), request.params.id, request.params.tagId)
      return reply.code(204).send(null)
    },
  )
}
