import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import fastifyCookie from '@fastify/cookie'
import fastifyStatic from '@fastify/static'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyBaseLogger, LogController } from 'fastify'
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import { activitiesRoutes } from './domains/activities/activities.routes.ts'
import { apiKeysRoutes } from './domains/api-keys/api-keys.routes.ts'
import { auditRoutes } from './domains/audit/audit.routes.ts'
import { registerAuth } from './domains/auth/auth.plugin.ts'
import { authRoutes } from './domains/auth/auth.routes.ts'
import { campaignsRoutes } from './domains/campaigns/campaigns.routes.ts'
import { companiesRoutes } from './domains/companies/companies.routes.ts'
import { customersRoutes } from './domains/customers/customers.routes.ts'
import { deliveriesRoutes } from './domains/deliveries/deliveries.routes.ts'
import { exchangeRoutes } from './domains/exchange/exchange.routes.ts'
import { ignoredCompaniesRoutes } from './domains/ignored-companies/ignored-companies.routes.ts'
import { importsRoutes } from './domains/imports/imports.routes.ts'
import { leadManagementRoutes } from './domains/lead-management/lead-management.routes.ts'
import { leadsRoutes } from './domains/leads/leads.routes.ts'
import { mailRoutes } from './domains/mail/mail.routes.ts'
import { messageCampaignsRoutes } from './domains/message-campaigns/message-campaigns.routes.ts'
import { officeLocationsRoutes } from './domains/office-locations/office-locations.routes.ts'
import { opsRoutes } from './domains/ops/ops.routes.ts'
import { partnerCompaniesRoutes } from './domains/partner-companies/partner-companies.routes.ts'
import { queueRoutes } from './domains/queue/queue.routes.ts'
import { reportsRoutes } from './domains/reports/reports.routes.ts'
import { returnReasonsRoutes } from './domains/return-reasons/return-reasons.routes.ts'
import { returnsRoutes } from './domains/returns/returns.routes.ts'
import { rolesRoutes } from './domains/roles/roles.routes.ts'
import { salesRepsRoutes } from './domains/sales-reps/sales-reps.routes.ts'
import { signupRoutes } from './domains/signup/signup.routes.ts'
import { tagsRoutes } from './domains/tags/tags.routes.ts'
import { usersRoutes } from './domains/users/users.routes.ts'
import type { AppContext } from './lib/context.ts'
import { AppError } from './lib/errors.ts'
import type { App } from './lib/http-types.ts'
import { registerMetrics } from './lib/metrics.ts'
import { refuseNulCharacters } from './lib/nul-guard.ts'
import {
  handleClientError,
  handleError,
  handleFrameworkError,
  NOSNIFF,
  sendProblem,
} from './lib/problem-handler.ts'

const domainRoutes = [
  opsRoutes,
  signupRoutes,
  authRoutes,
  usersRoutes,
  rolesRoutes,
  apiKeysRoutes,
  auditRoutes,
  officeLocationsRoutes,
  messageCampaignsRoutes,
  tagsRoutes,
  partnerCompaniesRoutes,
  campaignsRoutes,
  leadsRoutes,
  queueRoutes,
  customersRoutes,
  importsRoutes,
  mailRoutes,
  returnReasonsRoutes,
  returnsRoutes,
  exchangeRoutes,
  deliveriesRoutes,
  leadManagementRoutes,
  salesRepsRoutes,
  ignoredCompaniesRoutes,
  activitiesRoutes,
  companiesRoutes,
  reportsRoutes,
]

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/
const SPA_CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ')

export async function buildApp(ctx: AppContext): Promise<App> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    bodyLimit: ctx.config.bodyLimitBytes,
    // Honour a caller's request id (a proxy's) when it is sane, else make one.
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID()
    },
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: handleFrameworkError,
    clientErrorHandler: handleClientError,
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider<ZodTypeProvider>()

  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler(handleError)
  refuseNulCharacters(app)
  // Public routes need no credentials: say so in the OpenAPI document.
  app.addHook('onRoute', (route) => {
    if (route.config?.public && route.schema) route.schema = { ...route.schema, security: [] }
  })
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id).headers(NOSNIFF)
  })

  await app.register(fastifyCookie)
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tributary API',
        version: '1',
        description:
          'Lead sources, the lead queue, returns and the exchange between companies. Errors are application/problem+json (RFC 9457).',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'tributary_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  })
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' })
  app.get('/api/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  )

  registerAuth(app, ctx)
  registerMetrics(app)
  for (const routes of domainRoutes) routes(app, ctx)

  const hasWeb = existsSync(`${ctx.config.webDist}/index.html`)
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: ctx.config.webDist,
      wildcard: false,
      index: false,
      // The page may load only its own code and styles, also when asked for by name.
      setHeaders: (reply, file) => {
        if (file.endsWith('/index.html')) reply.header('content-security-policy', SPA_CSP)
      },
    })
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/api'
    if (isApi || !hasWeb || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return sendProblem(
        reply,
        new AppError('not-found', `No route ${request.method} ${request.url.split('?')[0]}`),
      )
    }
    // The SPA handles its own routes.
    return reply.type('text/html').sendFile('index.html')
  })
  return app
}
