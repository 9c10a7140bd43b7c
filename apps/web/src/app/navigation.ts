import type { Permission } from './permissions.ts'

export type NavLinkItem = {
  label: string
  to: string
  /** Shown when the login holds any one of these. */
  anyOf: Permission[]
}

export type NavSection = { title: string; items: NavLinkItem[] }

/** The app's sections. A link the login may not use is hidden; a section with no links left too. */
export const navigation: NavSection[] = [
  { title: 'Leads', items: [{ label: 'Leads', to: '/leads', anyOf: ['view_leads', 'view_pending_leads'] }] },
  { title: 'Customers', items: [{ label: 'Customers', to: '/customers', anyOf: ['view_customers'] }] },
  {
    title: 'Administration',
    items: [{ label: 'Users & Roles', to: '/admin/users', anyOf: ['manage_users'] }],
  },
]

export function visibleNavigation(can: (permission: Permission) => boolean): NavSection[] {
  return navigation
    .map((section) => ({ ...section, items: section.items.filter((item) => item.anyOf.some(can)) }))
    .filter((section) => section.items.length > 0)
}
