import { FollowUpQuery, FollowUps } from '@tributary/contracts'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import { followUpsDueToday } from './activities.service.ts'

export function activitiesRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/v1/me/follow-ups',
    {
      schema: {
        tags: ['Activities'],
        summary: 'My follow-ups: those I set on notes and calls that fall today, in the zone asked for',
        querystring: FollowUpQuery,
        response: { 200: FollowUps },
      },
    },
    (request) => followUpsDueToday(ctx, actorOf(request), request.query.timeZone),
  )
}
