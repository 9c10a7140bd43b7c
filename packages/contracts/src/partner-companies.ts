import { z } from 'zod'
import { Email, Id, Password, sortParam, Timestamp } from './common.ts'
import { Money, Price } from './money.ts'
import { Address, Tag } from './settings.ts'

export const LeadLocationOnArrival = z.enum(['pending', 'queue'])
export const QueuePriority = z.enum(['normal', 'medium', 'high'])
export const DeliveryMethod = z.enum(['exchange', 'email'])
export const PartnerKind = z.enum(['outside', 'inside'])

const emails = z.array(Email).max(20)
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional()
export const PostUrl = z.url({ protocol: /^https?$/, error: 'An absolute http(s) URL' }).max(2000)
export const PartnerUsername = z
  .string()
  .regex(/^[A-Za-z0-9._-]{3,64}$/, '3–64 letters, digits, dots, dashes or underscores (no @)')

// Answers: every section in full. Secrets and passwords are never returned, only whether they are set.
const SellsLeads = z.object({
  enabled: z.boolean(),
  defaultLeadLocation: LeadLocationOnArrival.nullable(),
  forceDefaultLeadLocation: z.boolean(),
  purchaseNotificationEmails: z.array(z.string()),
  returnNotificationEmails: z.array(z.string()),
  includeCallCenterCommentsWithReturn: z.boolean(),
  autoResponseMessageCampaignId: Id.nullable(),
  leadQueuePriority: QueuePriority,
  returnWindowDays: z.number().int().nullable(),
})
const SellsCustomers = z.object({
  enabled: z.boolean(),
  defaultOfficeLocationId: Id.nullable(),
  purchaseNotificationEmails: z.array(z.string()),
  returnNotificationEmails: z.array(z.string()),
  autoResponseMessageCampaignId: Id.nullable(),
})
const Buys = z.object({
  enabled: z.boolean(),
  deliveryMethod: DeliveryMethod,
  saleNotificationEmails: z.array(z.string()),
  postUrl: z.string().nullable(),
  sourceId: z.string().nullable(),
  secretSet: z.boolean(),
})
const Access = z.object({
  allowLogin: z.boolean(),
  username: z.string().nullable(),
  passwordSet: z.boolean(),
  /** The company's own login page, to send to the partner. */
  loginUrl: z.string(),
})

export const PartnerCompany = z
  .object({
    id: Id,
    name: z.string(),
    kind: PartnerKind,
    active: z.boolean(),
    contactPerson: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
    address: Address,
    notes: z.string().nullable(),
    tags: z.array(Tag),
    sellsLeads: SellsLeads,
    sellsCustomers: SellsCustomers,
    buysLeads: Buys,
    buysCustomers: Buys.meta({ description: 'Same fields as buysLeads' }),
    access: Access,
    autoAccept: z.boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'PartnerCompany' })
export type PartnerCompany = z.infer<typeof PartnerCompany>

// Writes: every field optional, so PATCH can merge per section; which fields a section
// requires depends on whether it ends up enabled, checked on the merged result.
const SellsLeadsInput = z.strictObject({
  enabled: z.boolean().optional(),
  defaultLeadLocation: LeadLocationOnArrival.nullable().optional(),
  forceDefaultLeadLocation: z.boolean().optional(),
  purchaseNotificationEmails: emails.optional(),
  returnNotificationEmails: emails.optional(),
  includeCallCenterCommentsWithReturn: z.boolean().optional(),
  autoResponseMessageCampaignId: Id.nullable().optional(),
  leadQueuePriority: QueuePriority.optional(),
  returnWindowDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .nullable()
    .optional()
    .describe('Leads older than this many days cannot be returned; null: no limit'),
})
const SellsCustomersInput = z.strictObject({
  enabled: z.boolean().optional(),
  defaultOfficeLocationId: Id.nullable().optional(),
  purchaseNotificationEmails: emails.optional(),
  returnNotificationEmails: emails.optional(),
  autoResponseMessageCampaignId: Id.nullable().optional(),
})
/**
 * The signing secret a buyer gave you. One starting with `whsec_` is base64 after the prefix
 * (Standard Webhooks); a damaged one would be stored and then fail every delivery, so it is
 * refused here. Any other text is used as raw bytes.
 */
const SigningSecret = z
  .string()
  .min(16, 'At least 16 characters')
  .max(500)
  .refine(
    (s) =>
      !s.startsWith('whsec_') ||
      /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s.slice(6)),
    'This secret starts with whsec_ but the rest is damaged; copy it again in full',
  )

const BuysInput = z.strictObject({
  enabled: z.boolean().optional(),
  deliveryMethod: DeliveryMethod.optional(),
  saleNotificationEmails: emails.optional(),
  postUrl: PostUrl.nullable().optional(),
  sourceId: z.string().trim().min(1).max(200).nullable().optional(),
  /** Write-only: the signing secret the buyer gave you. */
  secret: SigningSecret.optional(),
})
const AccessInput = z.strictObject({
  allowLogin: z.boolean().optional(),
  username: PartnerUsername.nullable().optional(),
  /** Write-only. */
  password: Password.optional(),
})

const general = {
  kind: PartnerKind.optional(),
  active: z.boolean().optional(),
  contactPerson: optionalText(200),
  email: Email.nullable().optional(),
  phone: optionalText(40),
  website: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
  address: Address.optional(),
  notes: optionalText(5000),
  sellsLeads: SellsLeadsInput.optional(),
  sellsCustomers: SellsCustomersInput.optional(),
  buysLeads: BuysInput.optional(),
  buysCustomers: BuysInput.optional(),
  access: AccessInput.optional(),
  autoAccept: z.boolean().optional(),
}

export const CreatePartnerCompanyBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  ...general,
})
export type CreatePartnerCompanyBody = z.infer<typeof CreatePartnerCompanyBody>
export const UpdatePartnerCompanyBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  ...general,
})
export type UpdatePartnerCompanyBody = z.infer<typeof UpdatePartnerCompanyBody>

const flag = z.enum(['true', 'false']).transform((v) => v === 'true')
export const partnerCompanySortKeys = ['name', 'createdAt'] as const
export const PartnerCompanyQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
  sort: sortParam(partnerCompanySortKeys, 'name'),
  sellsLeads: flag.optional(),
  sellsCustomers: flag.optional(),
  buysLeads: flag.optional(),
  buysCustomers: flag.optional(),
  tag: z.string().min(1).max(60).optional().describe('A tag id or name'),
  q: z.string().trim().min(1).max(100).optional().describe('Search in name, contact person and email'),
  active: z
    .enum(['true', 'false', 'all'])
    .optional()
    .describe(
      'true, false or all; defaults to true when sellsLeads or sellsCustomers is asked for (source lists)',
    ),
})
export type PartnerCompanyQuery = z.infer<typeof PartnerCompanyQuery>

export const TagParams = z.object({ id: Id, tagId: Id })

export const CampaignDirection = z.enum(['inbound', 'outbound'])
export const Campaign = z
  .object({
    id: Id,
    partnerCompanyId: Id,
    name: z.string(),
    description: z.string().nullable(),
    direction: CampaignDirection,
    externalPartnerCompanyId: z.string().nullable(),
    externalCampaignId: z.string().nullable(),
    costPerLead: Money.nullable().describe('What each lead of this campaign costs; null: nothing'),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Campaign' })
export type Campaign = z.infer<typeof Campaign>

const externalId = z.string().trim().min(1).max(100).nullable().optional()
export const CampaignBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: optionalText(2000),
  direction: CampaignDirection.default('inbound'),
  externalPartnerCompanyId: externalId,
  externalCampaignId: externalId,
  costPerLead: Price.nullable()
    .optional()
    .describe("Fixed on each lead as it arrives; changing it leaves earlier leads' cost as it was"),
})
export const CampaignPatch = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  description: optionalText(2000),
  direction: CampaignDirection.optional(),
  externalPartnerCompanyId: externalId,
  externalCampaignId: externalId,
  costPerLead: Price.nullable().optional(),
})
