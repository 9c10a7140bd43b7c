import {
  IdParams,
  MessageCampaign,
  MessageCampaignBody,
  MessageCampaignPatch,
  MessageCampaignPreview,
  MessageCampaignPreviewBody,
  PageQuery,
  page,
} from '@tributary/contracts'
import { z } from 'zod'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import {
  createMessageCampaign,
  deleteMessageCampaign,
  getMessageCampaign,
  listMessageCampaigns,
  previewMessageCampaign,
  updateMessageCampaign,
} from './message-campaigns.service.ts'

export function messageCampaignsRoutes(app: App, ctx: AppContext) {
  const tags = ['Message campaigns']
  app.get(
    '/api/v1/message-campaigns',
    { schema: { tags, querystring: PageQuery, response: { 200: page(MessageCampaign) } } },
    (request) => listMessageCampaigns(ctx, actorOf(request), request.query),
  )
  app.post(
    '/api/v1/message-campaigns',
    {
      schema: {
        tags,
        description: 'Subject and body are Liquid templates; placeholders such as `{{lead.firstName}}`.',
        body: MessageCampaignBody,
        response: { 201: MessageCampaign },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createMessageCampaign(ctx, actorOf(request), request.body)),
  )
  app.get(
    '/api/v1/message-campaigns/:id',
    { schema: { tags, params: IdParams, response: { 200: MessageCampaign } } },
    (request) => getMessageCampaign(ctx, actorOf(request), request.params.id),
  )
  app.patch(
    '/api/v1/message-campaigns/:id',
    { schema: { tags, params: IdParams, body: MessageCampaignPatch, response: { 200: MessageCampaign } } },
    (request) => updateMessageCampaign(ctx, actorOf(request), request.params.id, request.body),
  )
  app.delete(
    '/api/v1/message-campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Delete a message campaign no partner company sends as its auto-response',
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteMessageCampaign(ctx, actorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
  app.post(
    '/api/v1/message-campaigns/:id/preview',
    {
      schema: {
        tags,
        summary: 'Render the saved template, or unsaved subject and body, with sample data',
        params: IdParams,
        body: MessageCampaignPreviewBody,
        response: { 200: MessageCampaignPreview },
      },
      // Fastify gives a POST without a body as null; previewing the saved template needs none.
      preValidation: async (request) => {
        request.body ??= {}
      },
    },
    (request) => previewMessageCampaign(ctx, actorOf(request), request.params.id, request.body),
  )
}
