import type { ColumnType, Generated } from 'kysely'

/** Set by the database unless given; reads as a Date. */
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>
type Time = ColumnType<Date, Date | string, Date | string>
type Json<T> = ColumnType<T, string, string>

export type CompaniesTable = {
  id: string
  slug: string
  name: string
  timezone: Generated<string>
  created_at: CreatedAt
}

export type RolesTable = {
  company_id: string
  id: string
  name: string
  permissions: string[]
  builtin: string | null
  created_at: CreatedAt
}

export type UsersTable = {
  company_id: string
  id: string
  name: string
  email: string
  password_hash: string
  disabled: Generated<boolean>
  lead_notifications: Generated<boolean>
  deleted_at: Time | null
  created_at: CreatedAt
  updated_at: CreatedAt
}

export type UserRolesTable = { company_id: string; user_id: string; role_id: string }

export type SessionsTable = {
  company_id: string
  id: string
  token_hash: Buffer
  csrf_token: string
  user_id: string | null
  created_at: CreatedAt
  expires_at: Time
}

export type ApiKeysTable = {
  company_id: string
  id: string
  name: string
  prefix: string
  key_hash: Buffer
  user_id: string
  created_at: CreatedAt
  last_used_at: Time | null
}

export type LoginFailuresTable = {
  key: string
  failures: number
  window_started_at: Time
  locked_until: Time | null
}

export type AuditLogTable = {
  company_id: string
  id: string
  at: CreatedAt
  actor_user_id: string | null
  actor_label: string
  action: string
  entity_type: string
  entity_id: string | null
  changes: Json<Record<string, unknown>>
}

export type DB = {
  companies: CompaniesTable
  roles: RolesTable
  users: UsersTable
  user_roles: UserRolesTable
  sessions: SessionsTable
  api_keys: ApiKeysTable
  login_failures: LoginFailuresTable
  audit_log: AuditLogTable
}
