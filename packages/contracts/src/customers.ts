import { z } from 'zod'
import { BULK_MAX, Email, Id, sortParam, Timestamp } from './common.ts'
import { ContactAddress } from './leads.ts'

const text = (max: number) => z.string().trim().max(max).nullable().optional()

export const CustomerStatus = z.enum(['active', 'returned', 'sold'])

export const CreateCustomerBody = z.strictObject({
  firstName: text(100),
  lastName: text(100),
  companyName: text(200),
  email: Email.nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  address: ContactAddress.optional(),
  notes: text(5000),
  partnerCompanyId: Id.nullable().optional().describe('The source, optional; must sell customers'),
  campaignId: Id.nullable().optional(),
  externalPartnerCompanyId: z.string().trim().min(1).max(100).optional(),
  externalCampaignId: z.string().trim().min(1).max(100).optional(),
  officeLocationId: Id.optional().describe("Else the source's default office location, else the first one"),
})
export type CreateCustomerBody = z.infer<typeof CreateCustomerBody>

export const UpdateCustomerBody = z.strictObject({
  firstName: text(100),
  lastName: text(100),
  companyName: text(200),
  email: Email.nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  address: ContactAddress.optional(),
  notes: text(5000),
  officeLocationId: Id.optional(),
})
export type UpdateCustomerBody = z.infer<typeof UpdateCustomerBody>

export const Customer = z
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
    partnerCompanyId: Id.nullable(),
    campaignId: Id.nullable(),
    officeLocationId: Id,
    leadId: Id.nullable(),
    status: CustomerStatus,
    returnReason: z.string().nullable(),
    notes: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Customer' })
export type Customer = z.infer<typeof Customer>

export const CustomerFilter = z.object({
  partnerCompanyId: Id.optional(),
  officeLocationId: Id.optional(),
  status: CustomerStatus.optional(),
  q: z.string().trim().min(1).max(100).optional(),
})
export type CustomerFilter = z.infer<typeof CustomerFilter>

/** `location` is the office location's name. */
export const customerSortKeys = ['number', 'createdAt', 'lastName', 'location'] as const
export const CustomerSort = sortParam(customerSortKeys, '-createdAt')
export type CustomerSort = z.infer<typeof CustomerSort>

export const CustomerExportQuery = CustomerFilter.extend({ sort: CustomerSort })
export type CustomerExportQuery = z.infer<typeof CustomerExportQuery>

export const CustomerQuery = CustomerExportQuery.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
})
export type CustomerQuery = z.infer<typeof CustomerQuery>

/** Customers have one single action a list can repeat: `move` to another office location. */
export const BulkCustomersBody = z
  .strictObject({
    customerIds: z
      .array(Id)
      .min(1, 'Choose at least one customer')
      .max(BULK_MAX, `Choose at most ${BULK_MAX.toLocaleString('en-US')} customers at once`)
      .optional(),
    filter: CustomerFilter.strict().optional().describe(`Every matching customer, at most ${BULK_MAX}`),
    action: z.enum(['move']),
    officeLocationId: Id,
  })
  .superRefine((body, ctx) => {
    if ((body.customerIds === undefined) === (body.filter === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['customerIds'],
        message: 'Choose the customers, or send a filter',
      })
  })
  .meta({ id: 'BulkCustomers' })
export type BulkCustomersBody = z.infer<typeof BulkCustomersBody>
