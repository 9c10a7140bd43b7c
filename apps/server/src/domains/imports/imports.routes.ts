import { IdParams, Import, LeadImportQuery } from '@tributary/contracts'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import type { App } from '../../lib/http-types.ts'
import { getImport, startLeadImport } from './imports.service.ts'

export function importsRoutes(app: App, ctx: AppContext) {
  // CSV bodies reach the import as a stream, never buffered whole.
  app.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload))
  const tags = ['Imports']
  app.post(
    '/api/v1/leads/import',
    {
      schema: {
        tags,
        summary:
          'Import leads from a CSV body (Content-Type: text/csv, a header row of lead field names) → 202',
        querystring: LeadImportQuery,
        response: { 202: Import },
      },
    },
    async (request, reply) => {
      if (!String(request.headers['content-type']).startsWith('text/csv')) {
        throw new AppError('bad-request', 'Send the file as text/csv')
      }
      const body = request.body as AsyncIterable<Buffer>
      const started = await startLeadImport(ctx, actorOf(request), body, request.query.partnerCompanyId)
      return reply.code(202).send(started)
    },
  )
  app.get(
    '/api/v1/imports/:id',
    { schema: { tags, params: IdParams, response: { 200: Import } } },
    (request) => getImport(ctx, actorOf(request), request.params.id),
  )
}
