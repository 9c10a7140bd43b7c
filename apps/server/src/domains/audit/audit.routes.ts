import { AuditEntry, AuditQuery, page } from '@tributary/contracts'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import { listAudit } from './audit.service.ts'

export function auditRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['Audit'],
        summary: 'Admin changes, newest first',
        querystring: AuditQuery,
        response: { 200: page(AuditEntry) },
      },
    },
    (request) => listAudit(ctx, actorOf(request), request.query),
  )
}
