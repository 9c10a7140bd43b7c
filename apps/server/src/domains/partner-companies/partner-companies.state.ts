import type { Address, PartnerCompany, Tag, UpdatePartnerCompanyBody } from '@tributary/contracts'
import type { FieldError } from '../../lib/errors.ts'
import type { PartnerColumns, PartnerRow } from './partner-companies.repo.ts'

type Buys = {
  enabled: boolean
  deliveryMethod: 'exchange' | 'email'
  saleNotificationEmails: string[]
  postUrl: string | null
  sourceId: string | null
  /** Sealed (lib/secrets.ts), never returned. */
  sealedSecret: string | null
}

/** A partner company as the rules see it: every section complete, secrets sealed or hashed. */
export type PartnerState = {
  name: string
  kind: 'outside' | 'inside'
  active: boolean
  contactPerson: string | null
  email: string | null
  phone: string | null
  website: string | null
  address: Required<{ [K in keyof Address]: string | null }>
  notes: string | null
  autoAccept: boolean
  sellsLeads: Omit<PartnerCompany['sellsLeads'], never>
  sellsCustomers: PartnerCompany['sellsCustomers']
  buysLeads: Buys
  buysCustomers: Buys
  access: { allowLogin: boolean; username: string | null; passwordHash: string | null }
}

const noBuys = (): Buys => ({
  enabled: false,
  deliveryMethod: 'exchange',
  saleNotificationEmails: [],
  postUrl: null,
  sourceId: null,
  sealedSecret: null,
})

export const emptyState = (name: string): PartnerState => ({
  name,
  kind: 'outside',
  active: true,
  contactPerson: null,
  email: null,
  phone: null,
  website: null,
  address: { street: null, city: null, region: null, postalCode: null, country: null },
  notes: null,
  autoAccept: false,
  sellsLeads: {
    enabled: false,
    defaultLeadLocation: null,
    forceDefaultLeadLocation: false,
    purchaseNotificationEmails: [],
    returnNotificationEmails: [],
    includeCallCenterCommentsWithReturn: false,
    autoResponseMessageCampaignId: null,
    leadQueuePriority: 'normal',
    returnWindowDays: null,
  },
  sellsCustomers: {
    enabled: false,
    defaultOfficeLocationId: null,
    purchaseNotificationEmails: [],
    returnNotificationEmails: [],
    autoResponseMessageCampaignId: null,
  },
  buysLeads: noBuys(),
  buysCustomers: noBuys(),
  access: { allowLogin: false, username: null, passwordHash: null },
})

export function stateFromRow(r: PartnerRow): PartnerState {
  return {
    name: r.name,
    kind: r.kind,
    active: r.active,
    contactPerson: r.contact_person,
    email: r.email,
    phone: r.phone,
    website: r.website,
    address: {
      street: r.street,
      city: r.city,
      region: r.region,
      postalCode: r.postal_code,
      country: r.country,
    },
    notes: r.notes,
    autoAccept: r.auto_accept,
    sellsLeads: {
      enabled: r.sells_leads,
      defaultLeadLocation: r.sl_default_lead_location,
      forceDefaultLeadLocation: r.sl_force_default_location,
      purchaseNotificationEmails: r.sl_purchase_emails,
      returnNotificationEmails: r.sl_return_emails,
      includeCallCenterCommentsWithReturn: r.sl_include_comments,
      autoResponseMessageCampaignId: r.sl_auto_response_id,
      leadQueuePriority: r.sl_queue_priority,
      returnWindowDays: r.sl_return_window_days,
    },
    sellsCustomers: {
      enabled: r.sells_customers,
      defaultOfficeLocationId: r.sc_default_office_location_id,
      purchaseNotificationEmails: r.sc_purchase_emails,
      returnNotificationEmails: r.sc_return_emails,
      autoResponseMessageCampaignId: r.sc_auto_response_id,
    },
    buysLeads: {
      enabled: r.buys_leads,
      deliveryMethod: r.bl_delivery_method,
      saleNotificationEmails: r.bl_sale_emails,
      postUrl: r.bl_post_url,
      sourceId: r.bl_source_id,
      sealedSecret: r.bl_secret,
    },
    buysCustomers: {
      enabled: r.buys_customers,
      deliveryMethod: r.bc_delivery_method,
      saleNotificationEmails: r.bc_sale_emails,
      postUrl: r.bc_post_url,
      sourceId: r.bc_source_id,
      sealedSecret: r.bc_secret,
    },
    access: { allowLogin: r.allow_login, username: r.username, passwordHash: r.password_hash },
  }
}

/** Write-only values, already sealed or hashed by the service. */
export type SealedInput = { buysLeadsSecret?: string; buysCustomersSecret?: string; passwordHash?: string }

const defined = <T extends object>(o: T | undefined) =>
  Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>

/** PATCH semantics: general fields replace, each section merges field by field. */
export function mergeInput(
  state: PartnerState,
  input: UpdatePartnerCompanyBody,
  sealed: SealedInput,
): PartnerState {
  const { sellsLeads, sellsCustomers, buysLeads, buysCustomers, access, address, ...general } = input
  const { secret: _bl, ...buysLeadsFields } = buysLeads ?? {}
  const { secret: _bc, ...buysCustomersFields } = buysCustomers ?? {}
  const { password: _pw, ...accessFields } = access ?? {}
  return {
    ...state,
    ...defined(general),
    address: { ...state.address, ...defined(address) },
    sellsLeads: { ...state.sellsLeads, ...defined(sellsLeads) },
    sellsCustomers: { ...state.sellsCustomers, ...defined(sellsCustomers) },
    buysLeads: {
      ...state.buysLeads,
      ...defined(buysLeadsFields),
      ...(sealed.buysLeadsSecret !== undefined && { sealedSecret: sealed.buysLeadsSecret }),
    },
    buysCustomers: {
      ...state.buysCustomers,
      ...defined(buysCustomersFields),
      ...(sealed.buysCustomersSecret !== undefined && { sealedSecret: sealed.buysCustomersSecret }),
    },
    access: {
      ...state.access,
      ...defined(accessFields),
      ...(sealed.passwordHash !== undefined && { passwordHash: sealed.passwordHash }),
    },
  }
}

const required = (path: string, message = 'Required when this section is on'): FieldError => ({
  path,
  message,
})

/** Each section's required fields, checked only when the section is on (seeds 000–003). */
export function missingFields(s: PartnerState): FieldError[] {
  const errors: FieldError[] = []
  if (s.sellsLeads.enabled && !s.sellsLeads.defaultLeadLocation)
    errors.push(required('sellsLeads.defaultLeadLocation'))
  if (s.sellsCustomers.enabled && !s.sellsCustomers.defaultOfficeLocationId) {
    errors.push(required('sellsCustomers.defaultOfficeLocationId'))
  }
  for (const key of ['buysLeads', 'buysCustomers'] as const) {
    const buys = s[key]
    if (!buys.enabled) continue
    if (buys.deliveryMethod === 'email' && buys.saleNotificationEmails.length === 0) {
      errors.push(
        required(`${key}.saleNotificationEmails`, 'At least one address is required for email delivery'),
      )
    }
    if (buys.deliveryMethod === 'exchange') {
      if (!buys.postUrl) errors.push(required(`${key}.postUrl`, 'Required for exchange delivery'))
      if (!buys.sourceId) errors.push(required(`${key}.sourceId`, 'Required for exchange delivery'))
      if (!buys.sealedSecret) errors.push(required(`${key}.secret`, 'Required for exchange delivery'))
    }
  }
  if (s.access.allowLogin) {
    if (!s.access.username) errors.push(required('access.username', 'Required to allow login'))
    if (!s.access.passwordHash) errors.push(required('access.password', 'Required to allow login'))
  }
  return errors
}

export function stateToColumns(s: PartnerState): PartnerColumns {
  return {
    name: s.name,
    kind: s.kind,
    active: s.active,
    contact_person: s.contactPerson,
    email: s.email,
    phone: s.phone,
    website: s.website,
    street: s.address.street,
    city: s.address.city,
    region: s.address.region,
    postal_code: s.address.postalCode,
    country: s.address.country,
    notes: s.notes,
    auto_accept: s.autoAccept,
    sells_leads: s.sellsLeads.enabled,
    sl_default_lead_location: s.sellsLeads.defaultLeadLocation,
    sl_force_default_location: s.sellsLeads.forceDefaultLeadLocation,
    sl_purchase_emails: s.sellsLeads.purchaseNotificationEmails,
    sl_return_emails: s.sellsLeads.returnNotificationEmails,
    sl_include_comments: s.sellsLeads.includeCallCenterCommentsWithReturn,
    sl_auto_response_id: s.sellsLeads.autoResponseMessageCampaignId,
    sl_queue_priority: s.sellsLeads.leadQueuePriority,
    sl_return_window_days: s.sellsLeads.returnWindowDays,
    sells_customers: s.sellsCustomers.enabled,
    sc_default_office_location_id: s.sellsCustomers.defaultOfficeLocationId,
    sc_purchase_emails: s.sellsCustomers.purchaseNotificationEmails,
    sc_return_emails: s.sellsCustomers.returnNotificationEmails,
    sc_auto_response_id: s.sellsCustomers.autoResponseMessageCampaignId,
    buys_leads: s.buysLeads.enabled,
    bl_delivery_method: s.buysLeads.deliveryMethod,
    bl_sale_emails: s.buysLeads.saleNotificationEmails,
    bl_post_url: s.buysLeads.postUrl,
    bl_source_id: s.buysLeads.sourceId,
    bl_secret: s.buysLeads.sealedSecret,
    buys_customers: s.buysCustomers.enabled,
    bc_delivery_method: s.buysCustomers.deliveryMethod,
    bc_sale_emails: s.buysCustomers.saleNotificationEmails,
    bc_post_url: s.buysCustomers.postUrl,
    bc_source_id: s.buysCustomers.sourceId,
    bc_secret: s.buysCustomers.sealedSecret,
    allow_login: s.access.allowLogin,
    username: s.access.username,
    password_hash: s.access.passwordHash,
  }
}

const publicBuys = ({ sealedSecret, ...rest }: Buys) => ({ ...rest, secretSet: sealedSecret !== null })

export function toPartnerCompany(row: PartnerRow, tags: Tag[], loginUrl: string): PartnerCompany {
  const s = stateFromRow(row)
  return {
    id: row.id,
    name: s.name,
    kind: s.kind,
    active: s.active,
    contactPerson: s.contactPerson,
    email: s.email,
    phone: s.phone,
    website: s.website,
    address: s.address,
    notes: s.notes,
    tags,
    sellsLeads: s.sellsLeads,
    sellsCustomers: s.sellsCustomers,
    buysLeads: publicBuys(s.buysLeads),
    buysCustomers: publicBuys(s.buysCustomers),
    access: {
      allowLogin: s.access.allowLogin,
      username: s.access.username,
      passwordSet: s.access.passwordHash !== null,
      loginUrl,
    },
    autoAccept: s.autoAccept,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}
