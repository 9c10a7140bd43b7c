import { Campaign, CampaignBody, CampaignPatch, IdParams, page } from '@tributary/contracts'
import { z } from 'zod'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import {
  createCampaign,
  deleteCampaign,
  getCampaign,
  listCampaigns,
  updateCampaign,
} from './campaigns.service.ts'

export function campaignsRoutes(app: App, ctx: AppContext) {
  const tags = ['Campaigns']
  app.get(
    '/api/v1/partner-companies/:id/campaigns',
    {
      schema: {
        tags,
        summary: "A partner company's campaigns",
        params: IdParams,
        response: { 200: page(Campaign) },
      },
    },
    (request) => listCampaigns(ctx, actorOf(request), request.params.id),
  )
  app.post(
    '/api/v1/partner-companies/:id/campaigns',
    { schema: { tags, params: IdParams, body: CampaignBody, response: { 201: Campaign } } },
    async (request, reply) =>
      reply.code(201).send(await createCampaign(ctx, actorOf(request), request.params.id, request.body)),
  )
  app.get(
    '/api/v1/campaigns/:id',
    { schema: { tags, params: IdParams, response: { 200: Campaign } } },
    (request) => getCampaign(ctx, actorOf(request), request.params.id),
  )
  app.patch(
    '/api/v1/campaigns/:id',
    { schema: { tags, params: IdParams, body: CampaignPatch, response: { 200: Campaign } } },
    (request) => updateCampaign(ctx, actorOf(request), request.params.id, request.body),
  )
  app.delete(
    '/api/v1/campaigns/:id',
    { schema: { tags, params: IdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteCampaign(ctx, actorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
}
