import { api, type Page } from '../../app/api.ts'
import type { AuditEntry } from '../../app/contracts.ts'

/** What the audit log records changes of, as people call them. */
export const auditKinds: Record<string, string> = {
  user: 'User',
  role: 'Role',
  api_key: 'API key',
  partner_company: 'Partner company',
  campaign: 'Campaign',
  tag: 'Tag',
  office_location: 'Office location',
  message_campaign: 'Message campaign',
  return_reason: 'Return reason',
  queue_settings: 'Queue settings',
}

export type AuditFilters = { userId?: string; entityType?: string; from?: string; until?: string }

/** A page of the audit log, newest first. */
export function listAudit(filters: AuditFilters, cursor: string | null, signal?: AbortSignal) {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value)
  params.set('limit', '50')
  if (cursor) params.set('cursor', cursor)
  return api.get<Page<AuditEntry>>(`/api/v1/audit?${params}`, signal ? { signal } : undefined)
}

/** The start of a day in the browser's time zone (`2026-12-07` → its midnight), as the API's time. */
export function startOfDay(day: string, plusDays = 0): string | undefined {
  const [year, month, date] = day.split('-').map(Number)
  if (!year || !month || !date) return undefined
  return new Date(year, month - 1, date + plusDays).toISOString()
}

/** `{ name: "Gold", active: false }` → `name: Gold · active: false`, for one line of a table. */
export function changesSummary(changes: Record<string, unknown>): string {
  return Object.entries(changes)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ')
}

export type { AuditEntry }
