import { QueueCounts, QueueRequestResult, QueueSettings } from '@tributary/contracts'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import { getQueueSettings, putQueueSettings, queueCounts, requestNextLead } from './queue.service.ts'

export function queueRoutes(app: App, ctx: AppContext) {
  const tags = ['Queue']
  app.post(
    '/api/v1/queue/request',
    {
      schema: {
        tags,
        summary: 'Request lead: the best requestable lead, now the caller’s; 409 at the assignment cap',
        response: { 200: QueueRequestResult },
      },
    },
    (request) => requestNextLead(ctx, actorOf(request)),
  )
  app.get(
    '/api/v1/queue/counts',
    {
      schema: {
        tags,
        summary: 'How many leads wait in the Queue, by priority (all a rep without view_queue sees of it)',
        response: { 200: QueueCounts },
      },
    },
    (request) => queueCounts(ctx, actorOf(request)),
  )
  app.get('/api/v1/settings/queue', { schema: { tags, response: { 200: QueueSettings } } }, (request) =>
    getQueueSettings(ctx, actorOf(request)),
  )
  app.put(
    '/api/v1/settings/queue',
    { schema: { tags, body: QueueSettings.strict(), response: { 200: QueueSettings } } },
    (request) => putQueueSettings(ctx, actorOf(request), request.body),
  )
}
