/** Permission names come from the contracts (the one list, also behind GET /api/v1/permissions). */
export type { Permission } from './contracts.ts'

/** `manage_partner_companies` → `Manage partner companies`. */
export function permissionLabel(name: string): string {
  const words = name.replace(/_/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}
