import { z } from 'zod'
import { Email, Id, Timestamp } from './common.ts'

/** The lead fields an auto-registration rule can test (seed 004). */
export const RuleField = z.enum([
  'firstName',
  'lastName',
  'companyName',
  'email',
  'emailDomain',
  'phone',
  'street',
  'city',
  'region',
  'postalCode',
  'country',
  'source',
  'campaign',
  'location',
  'priority',
])
export type RuleField = z.infer<typeof RuleField>

export const RuleOperator = z.enum([
  'equals',
  'notEquals',
  'contains',
  'in',
  'greaterThan',
  'lessThan',
  'isEmpty',
  'isNotEmpty',
])
export type RuleOperator = z.infer<typeof RuleOperator>

export const Rule = z
  .strictObject({
    field: RuleField,
    operator: RuleOperator,
    value: z
      .union([z.string().max(200), z.number(), z.array(z.string().max(200)).max(100)])
      .optional()
      .describe('A string or number; a list for `in`; nothing for isEmpty / isNotEmpty'),
  })
  .superRefine((rule, ctx) => {
    const needs = !['isEmpty', 'isNotEmpty'].includes(rule.operator)
    if (needs && rule.value === undefined)
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Give a value' })
    if (rule.operator === 'in' && rule.value !== undefined && !Array.isArray(rule.value))
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Give a list of values' })
  })
export type Rule = z.infer<typeof Rule>

/** All rules of a group must match (AND); any group matching is enough (OR). */
export const RuleGroup = z.strictObject({ rules: z.array(Rule).min(1, 'A group needs a rule').max(20) })
export type RuleGroup = z.infer<typeof RuleGroup>
const Groups = z.array(RuleGroup).max(20)

/** A supplier's rules for one channel partner, sent to it as `rules.updated`. */
export const PartnerRulesBody = z.strictObject({ groups: Groups })

export const PartnerRules = z
  .object({
    groups: Groups.describe('The rules last sent to this channel partner; none sent: []'),
    deliveryId: Id.nullable().describe('The rules.updated delivery that carried them'),
    sentAt: Timestamp.nullable(),
  })
  .meta({ id: 'PartnerRules' })
export type PartnerRules = z.infer<typeof PartnerRules>

export const AutoRegistrationMode = z.enum(['disabled', 'supplier', 'own'])

export const AutoRegistrationBody = z
  .strictObject({
    mode: AutoRegistrationMode,
    supplierPartnerCompanyId: Id.nullable().optional(),
    groups: Groups.optional().describe('Required for `own`, ignored otherwise'),
  })
  .superRefine((body, ctx) => {
    if (body.mode === 'own' && !body.groups?.length)
      ctx.addIssue({ code: 'custom', path: ['groups'], message: 'Add at least one group of rules' })
    if (body.mode !== 'disabled' && !body.supplierPartnerCompanyId)
      ctx.addIssue({ code: 'custom', path: ['supplierPartnerCompanyId'], message: 'Choose the supplier' })
  })
export type AutoRegistrationBody = z.infer<typeof AutoRegistrationBody>

export const AutoRegistration = z
  .object({
    mode: AutoRegistrationMode,
    supplierPartnerCompanyId: Id.nullable(),
    groups: Groups.describe("The rules in force: the company's own, or in `supplier` mode the supplier's"),
  })
  .meta({ id: 'AutoRegistration' })
export type AutoRegistration = z.infer<typeof AutoRegistration>

export const RulePreviewBody = z.strictObject({
  groups: Groups.min(1, 'Add at least one group of rules'),
  limit: z.number().int().min(1).max(500).default(50),
})

export const RulePreview = z.object({
  items: z.array(
    z.object({
      leadId: Id,
      number: z.number().int(),
      name: z.string(),
      ignored: z.boolean().describe('The lead’s company is ignored: never registered'),
      matchedGroup: z
        .number()
        .int()
        .nullable()
        .describe('Index of the first group that matched; null: no match'),
    }),
  ),
})

export const SalesRepBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: Email,
})
export const SalesRep = z
  .object({ id: Id, name: z.string(), email: z.string(), leadNotifications: z.boolean() })
  .meta({ id: 'SalesRep' })
export type SalesRep = z.infer<typeof SalesRep>

export const IgnoredCompanyBody = z.strictObject({ name: z.string().trim().min(1).max(200) })
export const IgnoredCompany = z.object({ id: Id, name: z.string() }).meta({ id: 'IgnoredCompany' })
export type IgnoredCompany = z.infer<typeof IgnoredCompany>

export const NotificationRecipientsBody = z.strictObject({
  userIds: z.array(Id).max(500),
  salesRepIds: z.array(Id).max(500),
})
export const NotificationRecipients = z
  .object({
    userIds: z.array(Id).describe('The users flagged for lead notifications (the same flag as on each user)'),
    salesRepIds: z.array(Id),
    assignedBySupplier: z
      .object({ name: z.string(), email: z.string() })
      .nullable()
      .describe("The supplier's nominee, sent with its leads"),
  })
  .meta({ id: 'NotificationRecipients' })
export type NotificationRecipients = z.infer<typeof NotificationRecipients>

export const LeadManagementSettings = z
  .strictObject({
    acceptanceReminderHours: z
      .number()
      .int()
      .min(1)
      .max(720)
      .describe(
        'Distributed leads still undecided after this many hours are reminded to the recipients, once',
      ),
  })
  .meta({ id: 'LeadManagementSettings' })
export type LeadManagementSettings = z.infer<typeof LeadManagementSettings>
