import {
  IdParams,
  Import,
  ImportList,
  ImportListQuery,
  ImportMapping,
  LeadImportQuery,
} from '@tributary/contracts'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import type { App } from '../../lib/http-types.ts'
import {
  getImport,
  getImportMapping,
  importErrorsCsv,
  listImports,
  startLeadImport,
} from './imports.service.ts'

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
          'Import leads from a CSV body (Content-Type: text/csv, a header row naming the columns) → 202',
        querystring: LeadImportQuery,
        response: { 202: Import },
      },
    },
    async (request, reply) => {
      if (!String(request.headers['content-type']).startsWith('text/csv')) {
        throw new AppError('bad-request', 'Send the file as text/csv')
      }
      const body = request.body as AsyncIterable<Buffer>
      const { partnerCompanyId, columns } = request.query
      const started = await startLeadImport(ctx, actorOf(request), body, partnerCompanyId, columns)
      return reply.code(202).send(started)
    },
  )
  app.get(
    '/api/v1/imports',
    {
      schema: {
        tags,
        summary: 'Past imports, newest first',
        querystring: ImportListQuery,
        response: { 200: ImportList },
      },
    },
    (request) => listImports(ctx, actorOf(request), request.query),
  )
  app.get(
    '/api/v1/imports/mapping',
    {
      schema: {
        tags,
        summary: "The company's last choice of field for each header (the import page maps columns with it)",
        response: { 200: ImportMapping },
      },
    },
    (request) => getImportMapping(ctx, actorOf(request)),
  )
  app.get(
    '/api/v1/imports/:id',
    { schema: { tags, params: IdParams, response: { 200: Import } } },
    (request) => getImport(ctx, actorOf(request), request.params.id),
  )
  app.get(
    '/api/v1/imports/:id/errors.csv',
    {
      schema: {
        tags,
        summary: 'The refused rows exactly as uploaded, with an error column naming all their problems',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const csv = await importErrorsCsv(ctx, actorOf(request), request.params.id)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${csv.filename}"`)
        .send(csv.body)
    },
  )
}
