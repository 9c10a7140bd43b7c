import {
  IdParams,
  OfficeLocation,
  OfficeLocationBody,
  OfficeLocationPatch,
  PageQuery,
  page,
} from '@tributary/contracts'
import { z } from 'zod'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import {
  createOfficeLocation,
  deleteOfficeLocation,
  getOfficeLocation,
  listOfficeLocations,
  updateOfficeLocation,
} from './office-locations.service.ts'

export function officeLocationsRoutes(app: App, ctx: AppContext) {
  const tags = ['Office locations']
  app.get(
    '/api/v1/office-locations',
    { schema: { tags, querystring: PageQuery, response: { 200: page(OfficeLocation) } } },
    (request) => listOfficeLocations(ctx, actorOf(request), request.query),
  )
  app.post(
    '/api/v1/office-locations',
    { schema: { tags, body: OfficeLocationBody, response: { 201: OfficeLocation } } },
    async (request, reply) =>
      reply.code(201).send(await createOfficeLocation(ctx, actorOf(request), request.body)),
  )
  app.get(
    '/api/v1/office-locations/:id',
    { schema: { tags, params: IdParams, response: { 200: OfficeLocation } } },
    (request) => getOfficeLocation(ctx, actorOf(request), request.params.id),
  )
  app.patch(
    '/api/v1/office-locations/:id',
    { schema: { tags, params: IdParams, body: OfficeLocationPatch, response: { 200: OfficeLocation } } },
    (request) => updateOfficeLocation(ctx, actorOf(request), request.params.id, request.body),
  )
  app.delete(
    '/api/v1/office-locations/:id',
    {
      schema: {
        tags,
        summary: 'Delete an office location no partner company sends customers to; never the last one',
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteOfficeLocation(ctx, actorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
}
