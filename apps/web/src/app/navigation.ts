import type { Permission } from './permissions.ts'

export type NavLinkItem = {
  label: string
  to: string
  /** Shown when the login holds any one of these. */
  anyOf: Permission[]
  /** Shown only to a partner company's login (which holds no permissions), and to no one else. */
  partnerOnly?: boolean
}

export type NavSection = { title: string; items: NavLinkItem[] }

/** The app's sections. A link the login may not use is hidden; a section with no links left too. */
export const navigation: NavSection[] = [
  {
    title: 'Partner portal',
    items: [{ label: 'Partner portal', to: '/partner', anyOf: [], partnerOnly: true }],
  },
  { title: 'Dashboard', items: [{ label: 'Dashboard', to: '/dashboard', anyOf: ['view_reports'] }] },
  {
    title: 'Leads',
    items: [
      { label: 'Leads', to: '/leads', anyOf: ['view_leads', 'view_pending_leads'] },
      { label: 'My follow-ups', to: '/follow-ups', anyOf: ['view_leads', 'view_customers'] },
    ],
  },
  { title: 'Customers', items: [{ label: 'Customers', to: '/customers', anyOf: ['view_customers'] }] },
  {
    title: 'Deliveries',
    items: [{ label: 'Deliveries', to: '/deliveries', anyOf: ['sell_leads', 'manage_partner_companies'] }],
  },
  {
    title: 'Administration',
    items: [
      { label: 'Partner Companies', to: '/admin/partner-companies', anyOf: ['manage_partner_companies'] },
      { label: 'Tags', to: '/admin/tags', anyOf: ['manage_partner_companies'] },
      { label: 'Office Locations', to: '/admin/office-locations', anyOf: ['manage_settings'] },
      { label: 'Message Campaigns', to: '/admin/message-campaigns', anyOf: ['manage_settings'] },
      { label: 'Queue Settings', to: '/admin/queue-settings', anyOf: ['manage_settings'] },
      { label: 'Return Reasons', to: '/admin/return-reasons', anyOf: ['manage_settings'] },
      { label: 'Lead Management', to: '/admin/lead-management', anyOf: ['manage_settings'] },
      { label: 'Companies', to: '/admin/companies', anyOf: ['manage_settings'] },
      { label: 'Sales Reps', to: '/admin/sales-reps', anyOf: ['manage_settings'] },
      { label: 'Users & Roles', to: '/admin/users', anyOf: ['manage_users'] },
      { label: 'API Keys', to: '/admin/api-keys', anyOf: ['manage_users'] },
      { label: 'Audit Log', to: '/admin/audit', anyOf: ['view_audit'] },
      { label: 'Mail', to: '/admin/mail', anyOf: ['view_mail'] },
    ],
  },
]

export type Viewer = { can: (permission: Permission) => boolean; isPartner: boolean }

export function visibleNavigation({ can, isPartner }: Viewer): NavSection[] {
  return navigation
    .map((section) => ({
      ...section,
      items: section.items.filter((item) =>
        item.partnerOnly ? isPartner : !isPartner && item.anyOf.some(can),
      ),
    }))
    .filter((section) => section.items.length > 0)
}
