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
  currency: Generated<string>
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
  partner_company_id: string | null
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

type Address = {
  street: string | null
  city: string | null
  region: string | null
  postal_code: string | null
}

export type OfficeLocationsTable = Address & {
  company_id: string
  id: string
  name: string
  country: string
  timezone: string
  created_at: CreatedAt
  updated_at: CreatedAt
}

export type MessageCampaignsTable = {
  company_id: string
  id: string
  name: string
  subject: string
  body: string
  created_at: CreatedAt
  updated_at: CreatedAt
}

export type TagsTable = { company_id: string; id: string; name: string; created_at: CreatedAt }

export type PartnerCompaniesTable = Address & {
  company_id: string
  id: string
  name: string
  kind: 'outside' | 'inside'
  active: Generated<boolean>
  contact_person: string | null
  email: string | null
  phone: string | null
  website: string | null
  country: string | null
  notes: string | null
  sells_leads: Generated<boolean>
  sl_default_lead_location: 'pending' | 'queue' | null
  sl_force_default_location: Generated<boolean>
  sl_purchase_emails: Generated<string[]>
  sl_return_emails: Generated<string[]>
  sl_include_comments: Generated<boolean>
  sl_auto_response_id: string | null
  sl_queue_priority: Generated<'normal' | 'medium' | 'high'>
  sl_return_window_days: number | null
  sells_customers: Generated<boolean>
  sc_default_office_location_id: string | null
  sc_purchase_emails: Generated<string[]>
  sc_return_emails: Generated<string[]>
  sc_auto_response_id: string | null
  buys_leads: Generated<boolean>
  bl_delivery_method: Generated<'exchange' | 'email'>
  bl_sale_emails: Generated<string[]>
  bl_post_url: string | null
  bl_source_id: string | null
  bl_secret: string | null
  buys_customers: Generated<boolean>
  bc_delivery_method: Generated<'exchange' | 'email'>
  bc_sale_emails: Generated<string[]>
  bc_post_url: string | null
  bc_source_id: string | null
  bc_secret: string | null
  allow_login: Generated<boolean>
  username: string | null
  password_hash: string | null
  auto_accept: Generated<boolean>
  created_at: CreatedAt
  updated_at: CreatedAt
}

export type PartnerCompanyTagsTable = { company_id: string; partner_company_id: string; tag_id: string }

export type CampaignsTable = {
  company_id: string
  id: string
  partner_company_id: string
  name: string
  description: string | null
  direction: 'inbound' | 'outbound'
  external_partner_company_id: string | null
  external_campaign_id: string | null
  cost_per_lead_minor: ColumnType<number | null, number | null | undefined, number | null>
  created_at: CreatedAt
  updated_at: CreatedAt
}

export type QueueSettingsTable = {
  company_id: string
  use_partner_priority: Generated<boolean>
  requestable_after_minutes: Generated<number>
  available_from: Generated<string>
  available_until: Generated<string>
  max_assigned_per_rep: number | null
  after_request: Generated<'assigned' | 'queue' | 'pending'>
  blacklist_minutes_after_request: Generated<number>
  duplicate_window_days: number | null
  updated_at: CreatedAt
}

type Contact = Address & {
  first_name: string | null
  last_name: string | null
  company_name: string | null
  email: string | null
  phone: string | null
  country: string
}

export type LeadsTable = Contact & {
  company_id: string
  id: string
  number: Generated<number>
  timezone: string
  partner_company_id: string
  campaign_id: string | null
  location:
    | 'pending'
    | 'queue'
    | 'assigned'
    | 'converted'
    | 'invalid'
    | 'returned'
    | 'sold'
    | 'awaiting_acceptance'
  priority_rank: number
  assigned_user_id: string | null
  last_requested_by: string | null
  requested_xid: string | null
  contact_after: Time
  invalid_reason: string | null
  return_reason: string | null
  call_center_comments: string | null
  notes: string | null
  external_partner_company_id: string | null
  external_campaign_id: string | null
  trusted_form_cert_url: string | null
  leadid_token: string | null
  customer_id: string | null
  exchange_origin_id: Generated<string | null>
  sold_to_partner_company_id: Generated<string | null>
  email_key: string | null
  name_address_key: string | null
  cost_minor: ColumnType<number | null, number | null | undefined, number | null>
  sale_price_minor: Generated<number | null>
  first_requested_at: Generated<Date | null>
  created_at: CreatedAt
  updated_at: CreatedAt
}

export type CustomersTable = Contact & {
  company_id: string
  id: string
  number: Generated<number>
  partner_company_id: string | null
  campaign_id: string | null
  office_location_id: string
  lead_id: string | null
  status: Generated<'active' | 'returned' | 'sold'>
  return_reason: string | null
  call_center_comments: string | null
  notes: string | null
  external_partner_company_id: string | null
  external_campaign_id: string | null
  exchange_origin_id: Generated<string | null>
  sold_to_partner_company_id: Generated<string | null>
  created_at: CreatedAt
  updated_at: CreatedAt
}

export type TimelineEventsTable = {
  company_id: string
  id: string
  record_kind: 'lead' | 'customer'
  record_id: string
  at: CreatedAt
  actor_user_id: string | null
  actor_label: string
  type: string
  detail: Json<Record<string, unknown>>
}

export type RecordActivitiesTable = {
  company_id: string
  id: string
  record_kind: 'lead' | 'customer'
  record_id: string
  kind: 'comment' | 'note' | 'call'
  via: 'comment' | 'return' | 'returned_by_buyer' | 'earlier' | null
  text: string
  outcome: 'reached' | 'no_answer' | 'voicemail' | 'busy' | 'wrong_number' | null
  duration_seconds: number | null
  follow_up_at: Date | null
  author_user_id: string | null
  author_label: string
  at: CreatedAt
}

export type ImportsTable = {
  company_id: string
  id: string
  kind: 'leads'
  state: Generated<'uploading' | 'queued' | 'running' | 'done' | 'failed'>
  created_by: string
  created_by_label: string
  default_partner_company_id: string | null
  total_bytes: Generated<number>
  processed_bytes: Generated<number>
  processed_rows: Generated<number>
  created_rows: Generated<number>
  failed_rows: Generated<number>
  errors: ColumnType<ImportRowError[], string | undefined, string>
  failure: string | null
  created_at: CreatedAt
  finished_at: Time | null
  header: string | null
  columns: ColumnType<(string | null)[] | null, string | null | undefined, string | null>
  created_by_source: ColumnType<Record<string, number>, string | undefined, string>
}

export type ImportRefusedRowsTable = {
  company_id: string
  import_id: string
  row: number
  raw: string
  errors: ColumnType<ImportRowError[], string, string>
}

export type ImportMappingsTable = {
  company_id: string
  columns: ColumnType<Record<string, string | null>, string, string>
  updated_at: Generated<Date>
}

export type ImportRowError = { row: number; path?: string; message: string }

export type ImportChunksTable = {
  company_id: string
  import_id: string
  seq: number
  data: Buffer
  created_at: Generated<Date>
}

export type IdempotencyKeysTable = {
  company_id: string
  scope: string
  key: string
  request_hash: Buffer
  status: number
  response: Json<unknown>
  created_at: CreatedAt
}

export type MailTable = {
  company_id: string
  id: string
  to_addresses: string[]
  subject: string
  text_body: string
  html_body: string | null
  state: 'queued' | 'retrying' | 'sent' | 'failed' | 'logged'
  attempts: Generated<number>
  error: string | null
  related_kind: string | null
  related_id: string | null
  created_at: CreatedAt
  sent_at: Time | null
}

export type ReturnReasonsTable = {
  company_id: string
  id: string
  name: string
  position: number
  created_at: CreatedAt
}

export type ExchangeConnectionsTable = {
  company_id: string
  partner_company_id: string
  source_id: string
  secret_sealed: string
  previous_secret_sealed: string | null
  previous_secret_until: Time | null
  issued_at: CreatedAt
  reply_post_url: string | null
  reply_source_id: string | null
  reply_secret_sealed: string | null
  last_received_at: Time | null
  last_sent_at: Time | null
}

export type ExchangeReceiptsTable = {
  company_id: string
  partner_company_id: string
  webhook_id: string
  body_hash: string
  status: number
  response: Json<Record<string, unknown>>
  created_at: CreatedAt
}

export type DeliveryChannel = 'buys_leads' | 'buys_customers' | 'reply'
export type DeliveryState = 'pending' | 'delivered' | 'retrying' | 'failed'

export type DeliveriesTable = {
  company_id: string
  id: string
  type: string
  record_kind: 'lead' | 'customer' | null
  record_id: string | null
  partner_company_id: string
  method: 'exchange' | 'email'
  channel: DeliveryChannel
  state: Generated<DeliveryState>
  data: Json<Record<string, unknown>>
  mail_id: string | null
  price_minor: string | number | null
  attempts: Generated<number>
  round_start: Generated<number>
  next_attempt_at: Time | null
  remote_id: string | null
  last_error: string | null
  created_at: CreatedAt
  updated_at: CreatedAt
  delivered_at: Time | null
}

export type DeliveryAttemptsTable = {
  company_id: string
  delivery_id: string
  n: number
  at: CreatedAt
  status: number | null
  error: string | null
}

export type LeadManagementSettingsTable = {
  company_id: string
  mode: Generated<'disabled' | 'supplier' | 'own'>
  supplier_partner_company_id: string | null
  own_groups: Json<unknown[]>
  supplier_groups: Generated<unknown[]>
  assigned_by_supplier_name: Generated<string | null>
  assigned_by_supplier_email: Generated<string | null>
  acceptance_reminder_hours: Generated<number>
  updated_at: CreatedAt
}

export type SalesRepsTable = {
  company_id: string
  id: string
  name: string
  email: string
  lead_notifications: Generated<boolean>
  created_at: CreatedAt
}

export type IgnoredCompaniesTable = {
  company_id: string
  id: string
  name: string
  name_key: string
  created_at: CreatedAt
}

export type DistributionBatchesTable = {
  company_id: string
  partner_company_id: string
  batch_id: string
  size: number
  lead_ids: Generated<string[]>
  first_at: CreatedAt
  notified_at: Time | null
  reminded_at: Time | null
}

export type LeadRegistrationsTable = {
  company_id: string
  lead_id: string
  partner_company_id: string
  delivery_id: string
  registered_at: CreatedAt
}

export type LeadRefusalsTable = {
  company_id: string
  partner_company_id: string
  campaign_id: string | null
  at: CreatedAt
}

export type PartnerRegistrationRulesTable = {
  company_id: string
  partner_company_id: string
  groups: Json<unknown[]>
  delivery_id: string
  sent_at: CreatedAt
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
  office_locations: OfficeLocationsTable
  message_campaigns: MessageCampaignsTable
  tags: TagsTable
  partner_companies: PartnerCompaniesTable
  partner_company_tags: PartnerCompanyTagsTable
  campaigns: CampaignsTable
  queue_settings: QueueSettingsTable
  leads: LeadsTable
  lead_refusals: LeadRefusalsTable
  customers: CustomersTable
  timeline_events: TimelineEventsTable
  record_activities: RecordActivitiesTable
  imports: ImportsTable
  import_chunks: ImportChunksTable
  import_refused_rows: ImportRefusedRowsTable
  import_mappings: ImportMappingsTable
  idempotency_keys: IdempotencyKeysTable
  mail: MailTable
  return_reasons: ReturnReasonsTable
  exchange_connections: ExchangeConnectionsTable
  exchange_receipts: ExchangeReceiptsTable
  deliveries: DeliveriesTable
  delivery_attempts: DeliveryAttemptsTable
  lead_management_settings: LeadManagementSettingsTable
  sales_reps: SalesRepsTable
  ignored_companies: IgnoredCompaniesTable
  distribution_batches: DistributionBatchesTable
  lead_registrations: LeadRegistrationsTable
  partner_registration_rules: PartnerRegistrationRulesTable
}
