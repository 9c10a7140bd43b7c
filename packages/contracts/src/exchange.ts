import { z } from 'zod'
import { Email, Id, PageQuery, Timestamp } from './common.ts'
import { ContactAddress } from './leads.ts'
import { Price } from './money.ts'

export const SellLeadsBody = z.strictObject({
  leadIds: z.array(Id).min(1, 'Select at least one lead').max(500),
  partnerCompanyId: Id.describe('The buyer: a partner company with Buys Leads on'),
  campaignId: Id.optional().describe(
    "One of the buyer's outbound campaigns; its external ids travel with the lead",
  ),
  price: Price.optional(),
})
export type SellLeadsBody = z.infer<typeof SellLeadsBody>

export const SellCustomersBody = z.strictObject({
  customerIds: z.array(Id).min(1, 'Select at least one customer').max(500),
  partnerCompanyId: Id.describe('The buyer: a partner company with Buys Customers on'),
  campaignId: Id.optional(),
  price: Price.optional(),
})
export type SellCustomersBody = z.infer<typeof SellCustomersBody>

/** Supplier → channel partner (seed 004): the partner's copy waits for acceptance unless auto-accepted. */
/** The supplier's nominee for a partner's leads, shown there as "assigned by supplier" (seed 004). */
export const SupplierNominee = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: Email,
})

export const DistributeLeadsBody = z.strictObject({
  leadIds: z.array(Id).min(1, 'Select at least one lead').max(500),
  partnerCompanyId: Id.describe('The channel partner: a partner company with Buys Leads by exchange'),
  nominee: SupplierNominee.optional().describe(
    'Who the partner sees as "assigned by supplier"; without it, the user distributing',
  ),
})
export type DistributeLeadsBody = z.infer<typeof DistributeLeadsBody>

export const DeclineLeadBody = z.strictObject({ reason: z.string().trim().min(1, 'Say why').max(500) })

export const DeliveryState = z.enum(['pending', 'delivered', 'retrying', 'failed'])
export type DeliveryState = z.infer<typeof DeliveryState>

export const SellResult = z.object({
  deliveries: z.array(
    z.object({ id: Id, leadId: Id.optional(), customerId: Id.optional(), state: DeliveryState }),
  ),
  failed: z.array(z.object({ id: z.string(), detail: z.string() })),
})
export type SellResult = z.infer<typeof SellResult>

export const ExchangeType = z.enum([
  'ping',
  'connection.hello',
  'lead.sold',
  'customer.sold',
  'lead.returned',
  'customer.returned',
  'lead.distributed',
  'lead.accepted',
  'lead.declined',
  'lead.registered',
  'rules.updated',
])
export type ExchangeType = z.infer<typeof ExchangeType>

export const DeliveryAttempt = z.object({
  at: Timestamp,
  status: z.number().int().nullable().describe('The HTTP status the receiver answered; null when none'),
  error: z.string().nullable(),
})

export const Delivery = z
  .object({
    id: Id,
    kind: z.string().describe('The exchange type: lead.sold, customer.sold, lead.returned, ping, …'),
    recordKind: z.enum(['lead', 'customer']).nullable(),
    recordId: Id.nullable(),
    partnerCompanyId: Id,
    partnerCompanyName: z.string(),
    method: z.enum(['exchange', 'email']),
    state: DeliveryState,
    attempts: z.array(DeliveryAttempt),
    nextAttemptAt: Timestamp.nullable(),
    lastError: z.string().nullable(),
    remoteId: z.string().nullable().describe("The record's id at the receiver"),
    createdAt: Timestamp,
    deliveredAt: Timestamp.nullable(),
  })
  .meta({ id: 'Delivery' })
export type Delivery = z.infer<typeof Delivery>

export const DeliveryQuery = PageQuery.extend({
  state: DeliveryState.optional(),
  partnerCompanyId: Id.optional(),
  recordId: Id.optional(),
})
export type DeliveryQuery = z.infer<typeof DeliveryQuery>

/** Posting credentials a buyer issues to a partner that sells to it; the secret is shown once. */
export const ConnectionCredentials = z
  .object({
    postUrl: z.string(),
    sourceId: z.string(),
    secret: z.string().describe('Shown once: whsec_ followed by base64'),
    connectionCode: z.string().describe('The three above in one string, for the seller to paste'),
  })
  .meta({ id: 'ConnectionCredentials' })
export type ConnectionCredentials = z.infer<typeof ConnectionCredentials>

export const ConnectionStatus = z
  .object({
    inbound: z
      .object({ postUrl: z.string(), sourceId: z.string(), issuedAt: Timestamp })
      .nullable()
      .describe('Credentials issued to this partner to post to you'),
    replyChannel: z
      .boolean()
      .describe('Whether the partner told you where to send returns (connection.hello)'),
    connected: z.boolean(),
    lastReceivedAt: Timestamp.nullable(),
    lastSentAt: Timestamp.nullable(),
    lastDelivery: z.object({ id: Id, kind: z.string(), state: DeliveryState, at: Timestamp }).nullable(),
  })
  .meta({ id: 'ConnectionStatus' })
export type ConnectionStatus = z.infer<typeof ConnectionStatus>

export const TestConnectionBody = z.strictObject({
  section: z.enum(['buysLeads', 'buysCustomers']).default('buysLeads'),
})

export const PostingSpec = z
  .object({
    postUrl: z.string().nullable(),
    sourceId: z.string().nullable(),
    types: z.array(z.object({ type: z.string(), description: z.string() })),
    fields: z.array(
      z.object({ name: z.string(), type: z.string(), required: z.boolean(), description: z.string() }),
    ),
    exampleRequest: z.object({ headers: z.record(z.string(), z.string()), body: z.string() }),
    verification: z.object({ typescript: z.string(), python: z.string(), php: z.string() }),
  })
  .meta({ id: 'PostingSpec' })
export type PostingSpec = z.infer<typeof PostingSpec>

/** A connection code bundles Post URL, Source ID and secret for one paste. */
export const ConnectionCode = z.object({ postUrl: z.string(), sourceId: z.string(), secret: z.string() })

const text = (max: number) => z.string().trim().max(max).nullable().optional()

/** A lead or customer as it travels: the contact a buyer needs, never the seller's internals. */
export const ExchangeRecordData = z.object({
  senderRecordId: z.string().min(1).max(100),
  suggestedLocation: z.enum(['pending', 'queue']).optional(),
  externalPartnerCompanyId: z.string().trim().min(1).max(100).optional(),
  externalCampaignId: z.string().trim().min(1).max(100).optional(),
  batch: z.object({ id: z.string().max(100), size: z.number().int().min(1) }).optional(),
  assignedBySupplier: z
    .object({ name: z.string().trim().min(1).max(200), email: Email })
    .optional()
    .describe("lead.distributed: the supplier's nominee for the partner's leads"),
  firstName: text(100),
  lastName: text(100),
  companyName: text(200),
  email: Email.nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  address: ContactAddress.optional(),
  callCenterComments: text(5000),
  trustedFormCertUrl: z
    .url({ protocol: /^https$/ })
    .max(500)
    .nullable()
    .optional(),
  leadiDToken: z.string().trim().max(200).nullable().optional(),
})
export type ExchangeRecordData = z.infer<typeof ExchangeRecordData>

export const ExchangeReturnData = z.object({
  /** The returned record's id in the receiver's (the original seller's) system. */
  recordId: z.string().min(1).max(100),
  reason: z.string().trim().min(1).max(100),
  comments: z.string().max(2000).nullable().optional(),
})

/** An accept or decline of a distributed lead, by the supplier's id for it. */
export const ExchangeDecisionData = z.object({
  recordId: z.string().min(1).max(100),
  reason: z.string().trim().max(500).nullable().optional(),
})

export const ExchangeHelloData = z.object({
  postUrl: z.url({ protocol: /^https?$/ }).max(2000),
  sourceId: z.string().min(1).max(200),
  secret: z.string().min(16).max(500),
})

export const ExchangeEnvelope = z.object({
  type: ExchangeType,
  sourceId: z.string().min(1).max(200),
  data: z.record(z.string(), z.unknown()).default({}),
})
export type ExchangeEnvelope = z.infer<typeof ExchangeEnvelope>

export const ExchangeAnswer = z.object({ id: z.string().nullable() })
