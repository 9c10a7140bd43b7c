import type { App } from '../../src/lib/http-types.ts'
import { call, type Session } from './client.ts'

let phones = 0
/** A valid US number no other lead of this test run has, so no duplicate check trips on it. */
export function uniquePhone(): string {
  const n = ++phones + (process.pid % 500) * 10_000
  const exchange = 200 + (Math.floor(n / 10_000) % 800)
  return `+1 602 ${exchange} ${String(n % 10_000).padStart(4, '0')}`
}

/** A minimal lead body for a source: a name and a fresh phone number. */
export const leadBody = (partnerCompanyId: string, extra: Record<string, unknown> = {}) => ({
  partnerCompanyId,
  firstName: 'Lena',
  lastName: 'Lead',
  phone: uniquePhone(),
  ...extra,
})

export type LeadAnswer = {
  id: string
  number: number
  location: string
  priority: string
  assignedUserId: string | null
  contactAfter: string
  timezone: string
  customerId: string | null
  [field: string]: unknown
}

/** POST /api/v1/leads, which must succeed. */
export async function createLead(
  app: App,
  session: Session,
  partnerCompanyId: string,
  extra: Record<string, unknown> = {},
): Promise<LeadAnswer> {
  const res = await call(app, 'POST', '/api/v1/leads', {
    token: session.token,
    body: leadBody(partnerCompanyId, extra),
  })
  if (res.status !== 201) throw new Error(`create lead failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/** Merges `changes` into the company's queue settings (PUT replaces them all). */
export async function setQueueSettings(app: App, admin: Session, changes: Record<string, unknown>) {
  const current = await call(app, 'GET', '/api/v1/settings/queue', { token: admin.token })
  const res = await call(app, 'PUT', '/api/v1/settings/queue', {
    token: admin.token,
    body: { ...current.body, ...changes },
  })
  if (res.status !== 200) throw new Error(`queue settings failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/** HH:MM in `zone` at `at`, shifted by `minutes`. */
export function localHHMM(zone: string, minutes = 0, at = new Date()): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(at.getTime() + minutes * 60_000))
}

/** Available hours from `before` minutes ago to `after` minutes from now, local to `zone`. */
export const hoursAround = (zone: string, before = 120, after = 120) => ({
  availableFrom: localHHMM(zone, -before),
  availableUntil: localHHMM(zone, after),
})

/** A lead seller of a given priority and default location. */
export const seller = (
  name: string,
  sellsLeads: Record<string, unknown> = {},
  rest: Record<string, unknown> = {},
) => ({
  name,
  kind: 'outside',
  sellsLeads: { enabled: true, defaultLeadLocation: 'queue', leadQueuePriority: 'normal', ...sellsLeads },
  ...rest,
})

export const requestLead = (app: App, session: Session) =>
  call(app, 'POST', '/api/v1/queue/request', { token: session.token })

export const timelineTypes = async (app: App, session: Session, kind: 'leads' | 'customers', id: string) => {
  const res = await call(app, 'GET', `/api/v1/${kind}/${id}/timeline?limit=200`, { token: session.token })
  if (res.status !== 200) throw new Error(`timeline failed: ${res.status} ${JSON.stringify(res.body)}`)
  return (res.body.items as { type: string }[]).map((e) => e.type)
}
