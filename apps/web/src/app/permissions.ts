/** Permission names as the API spells them (GET /api/v1/permissions lists them with descriptions). */
export const permissionNames = [
  'manage_settings',
  'manage_users',
  'manage_partner_companies',
  'view_leads',
  'view_pending_leads',
  'create_leads',
  'request_leads',
  'assign_leads',
  'return_leads',
  'sell_leads',
  'view_customers',
  'manage_customers',
  'view_audit',
  'view_mail',
] as const

export type Permission = (typeof permissionNames)[number]

/** `manage_partner_companies` → `Manage partner companies`. */
export function permissionLabel(name: string): string {
  const words = name.replace(/_/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}
