/** The partner company form's state, and how it becomes the body of POST or PATCH. */

import { cleanEmails, orNull } from '../../app/form.tsx'
import type {
  BuysInput,
  DeliveryMethod,
  LeadLocationOnArrival,
  PartnerCompany,
  PartnerCompanyInput,
  PartnerKind,
  QueuePriority,
} from './partner-companies.api.ts'

export type BuysDraft = {
  enabled: boolean
  deliveryMethod: DeliveryMethod
  saleNotificationEmails: string[]
  postUrl: string
  sourceId: string
  /** A new secret to store; empty keeps the one that is set. */
  secret: string
}

/** What the form edits: the partner company with text where the API has null. */
export type Draft = {
  name: string
  kind: PartnerKind
  active: boolean
  contactPerson: string
  email: string
  phone: string
  website: string
  street: string
  city: string
  region: string
  postalCode: string
  country: string
  notes: string
  sellsLeads: {
    enabled: boolean
    defaultLeadLocation: LeadLocationOnArrival | ''
    forceDefaultLeadLocation: boolean
    purchaseNotificationEmails: string[]
    returnNotificationEmails: string[]
    includeCallCenterCommentsWithReturn: boolean
    autoResponseMessageCampaignId: string
    leadQueuePriority: QueuePriority
  }
  sellsCustomers: {
    enabled: boolean
    defaultOfficeLocationId: string
    purchaseNotificationEmails: string[]
    returnNotificationEmails: string[]
    autoResponseMessageCampaignId: string
  }
  buysLeads: BuysDraft
  buysCustomers: BuysDraft
  access: { allowLogin: boolean; username: string; password: string }
}

const buysDraft = (buys: PartnerCompany['buysLeads'] | undefined): BuysDraft => ({
  enabled: buys?.enabled ?? false,
  deliveryMethod: buys?.deliveryMethod ?? 'exchange',
  saleNotificationEmails: buys?.saleNotificationEmails ?? [],
  postUrl: buys?.postUrl ?? '',
  sourceId: buys?.sourceId ?? '',
  secret: '',
})

export function draftOf(p: PartnerCompany | undefined): Draft {
  return {
    name: p?.name ?? '',
    kind: p?.kind ?? 'outside',
    active: p?.active ?? true,
    contactPerson: p?.contactPerson ?? '',
    email: p?.email ?? '',
    phone: p?.phone ?? '',
    website: p?.website ?? '',
    street: p?.address.street ?? '',
    city: p?.address.city ?? '',
    region: p?.address.region ?? '',
    postalCode: p?.address.postalCode ?? '',
    country: p?.address.country ?? '',
    notes: p?.notes ?? '',
    sellsLeads: {
      enabled: p?.sellsLeads.enabled ?? false,
      defaultLeadLocation: p?.sellsLeads.defaultLeadLocation ?? '',
      forceDefaultLeadLocation: p?.sellsLeads.forceDefaultLeadLocation ?? false,
      purchaseNotificationEmails: p?.sellsLeads.purchaseNotificationEmails ?? [],
      returnNotificationEmails: p?.sellsLeads.returnNotificationEmails ?? [],
      includeCallCenterCommentsWithReturn: p?.sellsLeads.includeCallCenterCommentsWithReturn ?? false,
      autoResponseMessageCampaignId: p?.sellsLeads.autoResponseMessageCampaignId ?? '',
      leadQueuePriority: p?.sellsLeads.leadQueuePriority ?? 'normal',
    },
    sellsCustomers: {
      enabled: p?.sellsCustomers.enabled ?? false,
      defaultOfficeLocationId: p?.sellsCustomers.defaultOfficeLocationId ?? '',
      purchaseNotificationEmails: p?.sellsCustomers.purchaseNotificationEmails ?? [],
      returnNotificationEmails: p?.sellsCustomers.returnNotificationEmails ?? [],
      autoResponseMessageCampaignId: p?.sellsCustomers.autoResponseMessageCampaignId ?? '',
    },
    buysLeads: buysDraft(p?.buysLeads),
    buysCustomers: buysDraft(p?.buysCustomers),
    access: { allowLogin: p?.access.allowLogin ?? false, username: p?.access.username ?? '', password: '' },
  }
}

/** Blank addresses dropped, so that an error about `…Emails.1` names the second input on screen. */
export function withCleanEmails(d: Draft): Draft {
  return {
    ...d,
    sellsLeads: {
      ...d.sellsLeads,
      purchaseNotificationEmails: cleanEmails(d.sellsLeads.purchaseNotificationEmails),
      returnNotificationEmails: cleanEmails(d.sellsLeads.returnNotificationEmails),
    },
    sellsCustomers: {
      ...d.sellsCustomers,
      purchaseNotificationEmails: cleanEmails(d.sellsCustomers.purchaseNotificationEmails),
      returnNotificationEmails: cleanEmails(d.sellsCustomers.returnNotificationEmails),
    },
    buysLeads: { ...d.buysLeads, saleNotificationEmails: cleanEmails(d.buysLeads.saleNotificationEmails) },
    buysCustomers: {
      ...d.buysCustomers,
      saleNotificationEmails: cleanEmails(d.buysCustomers.saleNotificationEmails),
    },
  }
}

function buysInput(b: BuysDraft): BuysInput {
  if (!b.enabled) return { enabled: false }
  const input: BuysInput = {
    enabled: true,
    deliveryMethod: b.deliveryMethod,
    saleNotificationEmails: b.saleNotificationEmails,
  }
  if (b.deliveryMethod === 'exchange') {
    input.postUrl = orNull(b.postUrl)
    input.sourceId = orNull(b.sourceId)
    if (b.secret) input.secret = b.secret
  }
  return input
}

/**
 * The body of POST or PATCH. A section that is off sends only `enabled: false`: its hidden
 * fields are neither validated nor changed (PATCH merges each section field by field).
 */
export function inputOf(d: Draft): PartnerCompanyInput & { name: string } {
  const { sellsLeads: sl, sellsCustomers: sc, access } = d
  return {
    name: d.name,
    kind: d.kind,
    active: d.active,
    contactPerson: orNull(d.contactPerson),
    email: orNull(d.email),
    phone: orNull(d.phone),
    website: orNull(d.website),
    address: {
      street: orNull(d.street),
      city: orNull(d.city),
      region: orNull(d.region),
      postalCode: orNull(d.postalCode),
      country: orNull(d.country.toUpperCase()),
    },
    notes: orNull(d.notes),
    sellsLeads: sl.enabled
      ? {
          enabled: true,
          defaultLeadLocation: sl.defaultLeadLocation || null,
          forceDefaultLeadLocation: sl.forceDefaultLeadLocation,
          purchaseNotificationEmails: sl.purchaseNotificationEmails,
          returnNotificationEmails: sl.returnNotificationEmails,
          includeCallCenterCommentsWithReturn: sl.includeCallCenterCommentsWithReturn,
          autoResponseMessageCampaignId: sl.autoResponseMessageCampaignId || null,
          leadQueuePriority: sl.leadQueuePriority,
        }
      : { enabled: false },
    sellsCustomers: sc.enabled
      ? {
          enabled: true,
          defaultOfficeLocationId: sc.defaultOfficeLocationId || null,
          purchaseNotificationEmails: sc.purchaseNotificationEmails,
          returnNotificationEmails: sc.returnNotificationEmails,
          autoResponseMessageCampaignId: sc.autoResponseMessageCampaignId || null,
        }
      : { enabled: false },
    buysLeads: buysInput(d.buysLeads),
    buysCustomers: buysInput(d.buysCustomers),
    access: access.allowLogin
      ? {
          allowLogin: true,
          username: orNull(access.username),
          ...(access.password ? { password: access.password } : {}),
        }
      : { allowLogin: false },
  }
}

const general = [
  'name',
  'kind',
  'active',
  'contactPerson',
  'email',
  'phone',
  'website',
  'address.street',
  'address.city',
  'address.region',
  'address.postalCode',
  'address.country',
  'address',
  'notes',
]

const emailPaths = (base: string, list: string[]) => [...list.map((_, i) => `${base}.${i}`), base]

/** The paths of the fields on screen; errors about anything else go to the alert at the top. */
export function visiblePaths(d: Draft): string[] {
  const paths = [...general]
  if (d.sellsLeads.enabled) {
    const s = d.sellsLeads
    paths.push(
      'sellsLeads.defaultLeadLocation',
      'sellsLeads.forceDefaultLeadLocation',
      ...emailPaths('sellsLeads.purchaseNotificationEmails', s.purchaseNotificationEmails),
      ...emailPaths('sellsLeads.returnNotificationEmails', s.returnNotificationEmails),
      'sellsLeads.includeCallCenterCommentsWithReturn',
      'sellsLeads.autoResponseMessageCampaignId',
      'sellsLeads.leadQueuePriority',
    )
  }
  if (d.sellsCustomers.enabled) {
    const s = d.sellsCustomers
    paths.push(
      'sellsCustomers.defaultOfficeLocationId',
      ...emailPaths('sellsCustomers.purchaseNotificationEmails', s.purchaseNotificationEmails),
      ...emailPaths('sellsCustomers.returnNotificationEmails', s.returnNotificationEmails),
      'sellsCustomers.autoResponseMessageCampaignId',
    )
  }
  for (const key of ['buysLeads', 'buysCustomers'] as const) {
    const b = d[key]
    if (!b.enabled) continue
    paths.push(
      `${key}.deliveryMethod`,
      ...emailPaths(`${key}.saleNotificationEmails`, b.saleNotificationEmails),
    )
    if (b.deliveryMethod === 'exchange') paths.push(`${key}.postUrl`, `${key}.sourceId`, `${key}.secret`)
  }
  if (d.access.allowLogin) paths.push('access.username', 'access.password')
  // Anything else about a section shows beside its checkbox.
  paths.push('sellsLeads', 'sellsCustomers', 'buysLeads', 'buysCustomers', 'access')
  return paths
}
