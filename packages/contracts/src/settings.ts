import { z } from 'zod'
import { Id, Timestamp } from './common.ts'

export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz })
      return true
    } catch {
      return false
    }
  }, 'Not an IANA time zone, e.g. America/Chicago')

const text = (max: number) => z.string().trim().max(max).nullable().optional()

export const Address = z
  .strictObject({
    street: text(200),
    city: text(100),
    region: text(100),
    postalCode: text(20),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'A two-letter country code, e.g. US')
      .nullable()
      .optional(),
  })
  .meta({ id: 'Address' })
export type Address = z.infer<typeof Address>

export const OfficeLocation = z
  .object({
    id: Id,
    name: z.string(),
    address: Address,
    timezone: z.string(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'OfficeLocation' })
export type OfficeLocation = z.infer<typeof OfficeLocation>

export const OfficeLocationBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  address: Address.default({}),
  timezone: TimeZone,
})
// Without the body's `.default({})`: a PATCH that leaves out the address keeps the saved one.
export const OfficeLocationPatch = OfficeLocationBody.extend({ address: Address }).partial()

export { templateVariables } from './template-variables.ts'

export const MessageCampaign = z
  .object({
    id: Id,
    name: z.string(),
    subject: z.string(),
    body: z.string(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'MessageCampaign' })
export type MessageCampaign = z.infer<typeof MessageCampaign>

export const MessageCampaignBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  subject: z.string().trim().min(1).max(300),
  body: z.string().min(1).max(20_000),
})
export const MessageCampaignPatch = MessageCampaignBody.partial()

/** Preview either the saved template or unsaved text, with sample data. */
export const MessageCampaignPreviewBody = z
  .strictObject({ subject: z.string().max(300).optional(), body: z.string().max(20_000).optional() })
  .default({})
export const MessageCampaignPreview = z.object({ subject: z.string(), html: z.string(), text: z.string() })

export const Tag = z.object({ id: Id, name: z.string() }).meta({ id: 'Tag' })
export type Tag = z.infer<typeof Tag>
export const TagBody = z.strictObject({ name: z.string().trim().min(1).max(60) })

/** The tenant's own settings: the currency every money figure is in, the zone report dates are in. */
export const CompanySettings = z
  .object({
    name: z.string(),
    currency: z.string(),
    timezone: z.string().describe('Report dates are days in this zone; set with the queue settings'),
  })
  .meta({ id: 'CompanySettings' })
export type CompanySettings = z.infer<typeof CompanySettings>
export const CompanySettingsBody = z.strictObject({
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'A three-letter currency code, e.g. USD')
    .describe('ISO 4217 code of every money figure: costs, prices, revenue'),
})
