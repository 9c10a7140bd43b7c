import { z } from 'zod'
import { BULK_MAX, Email, Id, sortParam, Timestamp } from './common.ts'
import { QueuePriority } from './partner-companies.ts'
import { TimeZone } from './settings.ts'

export const LeadLocation = z.enum([
  'pending',
  'queue',
  'assigned',
  'converted',
  'invalid',
  'returned',
  'sold',
  'awaiting_acceptance',
])
export type LeadLocation = z.infer<typeof LeadLocation>

const text = (max: number) => z.string().trim().max(max).nullable().optional()

/** A contact's postal address; regions and postal codes are checked for US addresses. */
export const ContactAddress = z
  .strictObject({
    street: text(200),
    city: text(100),
    region: text(100).describe('US: the two-letter state code'),
    postalCode: text(20),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'A two-letter country code, e.g. US')
      .default('US'),
  })
  .meta({ id: 'ContactAddress' })

const contactFields = {
  firstName: text(100),
  lastName: text(100),
  companyName: text(200),
  email: Email.nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional().describe('Any common format; stored as E.164'),
  address: ContactAddress.optional(),
  notes: text(5000),
}

export const CreateLeadBody = z
  .strictObject({
    ...contactFields,
    partnerCompanyId: Id.optional().describe(
      'The source; must sell leads. Optional when the external ids name a campaign',
    ),
    campaignId: Id.nullable().optional(),
    externalPartnerCompanyId: z.string().trim().min(1).max(100).optional(),
    externalCampaignId: z.string().trim().min(1).max(100).optional(),
    location: z.enum(['pending', 'queue']).optional().describe("Else the source's default lead location"),
    callCenterComments: text(5000),
    trustedFormCertUrl: z
      .url({ protocol: /^https$/ })
      .max(500)
      .nullable()
      .optional(),
    leadiDToken: z.string().trim().max(200).nullable().optional(),
  })
  .meta({ id: 'CreateLead' })
export type CreateLeadBody = z.infer<typeof CreateLeadBody>

export const UpdateLeadBody = z.strictObject({
  ...contactFields,
  callCenterComments: text(5000).describe(
    'Adds an entry to the comments history (GET …/comments); the same text as the newest, or none, adds nothing',
  ),
  location: z.enum(['pending', 'queue']).optional().describe('Managers: move between Pending and Queue'),
  assignedUserId: Id.optional().describe('Managers: assign to a user'),
})
export type UpdateLeadBody = z.infer<typeof UpdateLeadBody>

export const Lead = z
  .object({
    id: Id,
    number: z.number().int(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    companyName: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.object({
      street: z.string().nullable(),
      city: z.string().nullable(),
      region: z.string().nullable(),
      postalCode: z.string().nullable(),
      country: z.string(),
    }),
    timezone: z.string(),
    partnerCompanyId: Id,
    campaignId: Id.nullable(),
    location: LeadLocation,
    priority: QueuePriority,
    assignedUserId: Id.nullable(),
    contactAfter: Timestamp,
    invalidReason: z.string().nullable(),
    returnReason: z.string().nullable(),
    callCenterComments: z
      .string()
      .nullable()
      .describe('The newest call-center comment; every entry is at /leads/{id}/comments'),
    notes: z.string().nullable(),
    externalPartnerCompanyId: z.string().nullable(),
    externalCampaignId: z.string().nullable(),
    trustedFormCertUrl: z.string().nullable(),
    leadiDToken: z.string().nullable(),
    customerId: Id.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Lead' })
export type Lead = z.infer<typeof Lead>

/** What a lead list, its export and a bulk action by filter choose leads by. */
export const LeadFilter = z.object({
  location: LeadLocation.optional(),
  partnerCompanyId: Id.optional(),
  campaignId: Id.optional(),
  assignedUserId: z.union([z.literal('me'), Id]).optional(),
  q: z.string().trim().min(1).max(100).optional().describe('Name, email, phone or number'),
})
export type LeadFilter = z.infer<typeof LeadFilter>

export const leadSortKeys = ['number', 'createdAt', 'lastName', 'priority', 'location', 'source'] as const
export const LeadSort = sortParam(leadSortKeys, 'priority')
export type LeadSort = z.infer<typeof LeadSort>

export const LeadExportQuery = LeadFilter.extend({ sort: LeadSort })
export type LeadExportQuery = z.infer<typeof LeadExportQuery>

export const LeadQuery = LeadExportQuery.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
})
export type LeadQuery = z.infer<typeof LeadQuery>

/**
 * One action on many leads, each through the rules of its single action: `move` (Pending ↔ Queue,
 * needs `location`), `assign` (needs `userId`), `invalidate` (needs `reason`), `requeue` (optional
 * `callbackAt`). The leads are `leadIds`, or every lead the caller sees that matches `filter`.
 */
export const BulkLeadsBody = z
  .strictObject({
    leadIds: z
      .array(Id)
      .min(1, 'Choose at least one lead')
      .max(BULK_MAX, `Choose at most ${BULK_MAX.toLocaleString('en-US')} leads at once`)
      .optional(),
    filter: LeadFilter.strict().optional().describe(`Every matching lead, at most ${BULK_MAX}`),
    action: z.enum(['move', 'assign', 'invalidate', 'requeue']),
    location: z.enum(['pending', 'queue']).optional(),
    userId: Id.optional(),
    reason: z.string().trim().min(1).max(500).optional(),
    callbackAt: Timestamp.optional(),
  })
  .superRefine((body, ctx) => {
    if ((body.leadIds === undefined) === (body.filter === undefined))
      ctx.addIssue({ code: 'custom', path: ['leadIds'], message: 'Choose the leads, or send a filter' })
    const needs = { move: 'location', assign: 'userId', invalidate: 'reason', requeue: null } as const
    const needed = needs[body.action]
    const message = {
      location: 'Choose Pending or Queue',
      userId: 'Choose a person',
      reason: 'Enter a reason',
    }
    if (needed && body[needed] === undefined)
      ctx.addIssue({ code: 'custom', path: [needed], message: message[needed] })
  })
  .meta({ id: 'BulkLeads' })
export type BulkLeadsBody = z.infer<typeof BulkLeadsBody>

export const DuplicateMatch = z.object({ id: Id, reason: z.enum(['phone', 'email', 'name_address']) })

export const RequeueBody = z
  .strictObject({
    contactAfter: Timestamp.optional().describe('Callback time; else requestable at once'),
    comment: z.string().trim().max(2000).optional(),
  })
  .default({})
export const InvalidateBody = z.strictObject({ reason: z.string().trim().min(1).max(500) })
export const ConvertBody = z.strictObject({ officeLocationId: Id.optional() }).default({})

export const TimelineEvent = z
  .object({
    id: Id,
    at: Timestamp,
    actor: z.object({ userId: Id.nullable(), label: z.string() }),
    type: z.string(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'TimelineEvent' })

export const QueueSettings = z
  .object({
    usePartnerPriority: z.boolean(),
    requestableAfterMinutes: z.number().int().min(0).max(525_600),
    availableFrom: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour'),
    availableUntil: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour')
      .describe('Exclusive; earlier than availableFrom means the hours run past midnight'),
    maxAssignedPerRep: z.number().int().min(1).max(10_000).nullable(),
    afterRequest: z.enum(['assigned', 'queue', 'pending']),
    blacklistMinutesAfterRequest: z.number().int().min(0).max(525_600),
    duplicateWindowDays: z
      .number()
      .int()
      .min(0)
      .max(3650)
      .nullable()
      .describe('0: no duplicate check; N: a duplicate may be posted again after N days; null: never'),
    // An IANA zone, checked: every claim formats the clock in it.
    timezone: TimeZone.describe("The company's time zone, for leads without a known region"),
  })
  .meta({ id: 'QueueSettings' })
export type QueueSettings = z.infer<typeof QueueSettings>

export const QueueRequestResult = z.object({ lead: Lead.nullable() })

/** What a rep without view_queue sees of the Queue: how many leads wait, by priority. */
export const QueueCounts = z
  .object({
    high: z.number().int(),
    medium: z.number().int(),
    normal: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: 'QueueCounts' })
export type QueueCounts = z.infer<typeof QueueCounts>
