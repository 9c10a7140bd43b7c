import { CompanySettings, CompanySettingsBody } from '@tributary/contracts'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import { getCompanySettings, putCompanySettings } from './companies.service.ts'

export function companiesRoutes(app: App, ctx: AppContext) {
  const tags = ['Settings']
  app.get('/api/v1/settings/company', { schema: { tags, response: { 200: CompanySettings } } }, (request) =>
    getCompanySettings(ctx, actorOf(request)),
  )
  app.put(
    '/api/v1/settings/company',
    { schema: { tags, body: CompanySettingsBody, response: { 200: CompanySettings } } },
    (request) => putCompanySettings(ctx, actorOf(request), request.body),
  )
}
