import {
  AutoRegistration,
  AutoRegistrationBody,
  DeclineLeadBody,
  IdParams,
  Lead,
  LeadManagementSettings,
  NotificationRecipients,
  NotificationRecipientsBody,
  PartnerRules,
  PartnerRulesBody,
  RulePreview,
  RulePreviewBody,
} from '@tributary/contracts'
import { z } from 'zod'
import { actorOf } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import type { App } from '../../lib/http-types.ts'
import { acceptLead, declineLead } from './distribution.ts'
import {
  getAutoRegistration,
  getLeadManagementSettings,
  previewRules,
  putAutoRegistration,
  putLeadManagementSettings,
} from './lead-management.service.ts'
import { getRecipients, putRecipients } from './recipients.ts'
import { getPartnerRules, sendPartnerRules } from './registration.ts'

export function leadManagementRoutes(app: App, ctx: AppContext) {
  const tags = ['Lead management']
  const path = '/api/v1/lead-management/auto-registration'
  app.get(
    path,
    {
      schema: {
        tags,
        summary: 'Auto-registration: mode, supplier and the rules in force',
        response: { 200: AutoRegistration },
      },
    },
    (request) => getAutoRegistration(ctx, actorOf(request)),
  )
  app.put(
    path,
    {
      schema: {
        tags,
        summary: 'Set auto-registration: disabled, the supplier’s rules, or your own groups of rules',
        body: AutoRegistrationBody,
        response: { 200: AutoRegistration },
      },
    },
    (request) => putAutoRegistration(ctx, actorOf(request), request.body),
  )
  app.post(
    `${path}/preview`,
    {
      schema: {
        tags,
        summary:
          'Which of the last `limit` leads these rules would register, and by which group; changes nothing',
        body: RulePreviewBody,
        response: { 200: RulePreview },
      },
    },
    (request) => previewRules(ctx, actorOf(request), request.body),
  )
  const recipients = '/api/v1/lead-management/notification-recipients'
  app.get(
    recipients,
    {
      schema: {
        tags,
        summary:
          'Who is emailed about leads a supplier distributes: users, sales reps, the supplier’s nominee',
        response: { 200: NotificationRecipients },
      },
    },
    (request) => getRecipients(ctx, actorOf(request)),
  )
  app.put(
    recipients,
    { schema: { tags, body: NotificationRecipientsBody, response: { 200: NotificationRecipients } } },
    (request) => putRecipients(ctx, actorOf(request), request.body),
  )
  app.post(
    '/api/v1/leads/:id/accept',
    {
      schema: {
        tags,
        summary: "Accept a lead a supplier distributed: it goes to its source's default location",
        params: IdParams,
        response: { 200: Lead },
      },
    },
    (request) => acceptLead(ctx, actorOf(request), request.params.id),
  )
  app.post(
    '/api/v1/leads/:id/decline',
    {
      schema: {
        tags,
        summary: 'Decline a lead a supplier distributed; the supplier gets it back with the reason',
        params: IdParams,
        body: DeclineLeadBody,
        response: { 200: Lead },
      },
    },
    (request) => declineLead(ctx, actorOf(request), request.params.id, request.body.reason),
  )
  app.put(
    '/api/v1/partner-companies/:id/registration-rules',
    {
      schema: {
        tags,
        summary:
          'A supplier sets the auto-registration rules of one channel partner (sent to it as rules.updated)',
        params: IdParams,
        body: PartnerRulesBody,
        response: { 202: z.object({ deliveryId: z.uuid() }) },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(await sendPartnerRules(ctx, actorOf(request), request.params.id, request.body.groups)),
  )
  app.get(
    '/api/v1/partner-companies/:id/registration-rules',
    {
      schema: {
        tags,
        summary: 'The auto-registration rules last sent to one channel partner, and when',
        params: IdParams,
        response: { 200: PartnerRules },
      },
    },
    (request) => getPartnerRules(ctx, actorOf(request), request.params.id),
  )
  const settings = '/api/v1/lead-management/settings'
  app.get(settings, { schema: { tags, response: { 200: LeadManagementSettings } } }, (request) =>
    getLeadManagementSettings(ctx, actorOf(request)),
  )
  app.put(
    settings,
    { schema: { tags, body: LeadManagementSettings, response: { 200: LeadManagementSettings } } },
    (request) => putLeadManagementSettings(ctx, actorOf(request), request.body),
  )
}
