import { z } from 'zod'

export const permissions = {
  manage_settings: 'Change company settings: queue criteria, office locations, message campaigns',
  manage_users: 'Add, change and disable users, roles and API keys',
  manage_partner_companies: 'Add and change partner companies, campaigns and tags',
  view_leads: 'See leads',
  view_pending_leads: 'See leads in Pending',
  create_leads: 'Add and import leads',
  request_leads: 'Request a lead from the Queue',
  view_queue: 'See the leads in the Queue (without it, only how many wait, by priority)',
  assign_leads: 'Move leads between Pending and Queue and assign them to users',
  return_leads: 'Return leads and customers to their source',
  sell_leads: 'Sell leads and customers to partner companies',
  view_customers: 'See customers',
  manage_customers: 'Add and change customers',
  view_audit: 'Read the audit log',
  view_mail: 'Read the mail log',
  view_reports: 'See the dashboard and reports: what each source costs and yields',
} as const

export type Permission = keyof typeof permissions
export const permissionNames = Object.keys(permissions) as [Permission, ...Permission[]]
export const PermissionName = z.enum(permissionNames)

export const builtinRoles = {
  admin: { name: 'Admin', permissions: permissionNames },
  manager: {
    name: 'Manager',
    permissions: [
      'manage_partner_companies',
      'view_leads',
      'view_pending_leads',
      'create_leads',
      'request_leads',
      'view_queue',
      'assign_leads',
      'return_leads',
      'sell_leads',
      'view_customers',
      'manage_customers',
      'view_audit',
      'view_reports',
    ],
  },
  lead_rep: {
    name: 'Lead rep',
    permissions: ['view_leads', 'create_leads', 'request_leads', 'view_customers', 'manage_customers'],
  },
  read_only: { name: 'Read-only', permissions: ['view_leads', 'view_customers'] },
} as const satisfies Record<string, { name: string; permissions: readonly Permission[] }>

export type BuiltinRole = keyof typeof builtinRoles
