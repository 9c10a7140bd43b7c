import type { Lead } from '@tributary/contracts'
import type { Conn } from '../../db/client.ts'
import * as exchanged from '../../db/exchanged-records.ts'
import type { Actor } from '../../lib/actor.ts'
import { notFound } from '../../lib/errors.ts'
import { toLead } from './leads.mapper.ts'
import * as repo from './leads.repo.ts'

// Building blocks other domains use on leads (returns, sales, the queue's settings): they import
// nothing but this domain's repo and mapper, so leads never depends on its users.

/** Whether the actor may see this lead at all; others get 404, never a hint it exists. */
export function canSee(actor: Actor, row: repo.LeadRow): boolean {
  if (actor.kind === 'partner') return row.partner_company_id === actor.partnerCompanyId
  if (!actor.permissions.has('view_leads')) return false
  // Without view_queue a queue lead is reached only through Request lead (it is then assigned).
  if (row.location === 'queue' && !actor.permissions.has('view_queue')) return false
  return row.location !== 'pending' || actor.permissions.has('view_pending_leads')
}

export async function loadVisibleLead(conn: Conn, actor: Actor, id: string, forUpdate = false) {
  const row = await (forUpdate ? repo.findLeadForUpdate : repo.findLead)(conn, actor.companyId, id)
  if (!row || !canSee(actor, row)) throw notFound('Lead')
  return row
}

/**
 * The company moved to another time zone: its open leads that took the company's zone (no US
 * or Canadian region to take one from) follow, so the queue's hours stay in their local time.
 */
export const followCompanyTimeZone = (conn: Conn, companyId: string, from: string, to: string) =>
  repo.retimeLeadsWithoutRegion(conn, companyId, from, to)

/** The leads among `ids` that the actor may see, locked for a batch change (returns, sales). */
export async function lockVisibleLeads(conn: Conn, actor: Actor, ids: string[]): Promise<Map<string, Lead>> {
  const rows = await repo.lockLeads(conn, actor.companyId, ids)
  return new Map(rows.filter((r) => canSee(actor, r)).map((r) => [r.id, toLead(r)]))
}

/** Moves leads to `returned`, in the caller's transaction (the returns domain writes their events). */
export const markLeadsReturned = (
  conn: Conn,
  companyId: string,
  ids: string[],
  reason: string,
  comments: string | null,
) => repo.markReturned(conn, companyId, ids, reason, comments)

/** Sold to a partner company: out of every list of work, remembered with its buyer. */
export const markLeadsSold = (conn: Conn, companyId: string, ids: string[], buyerId: string) =>
  exchanged.markSold(conn, 'leads', companyId, ids, buyerId)

export const leadOrigins = (conn: Conn, companyId: string, ids: string[]) =>
  exchanged.originsOf(conn, 'leads', companyId, ids)

export const lockLeadSoldTo = (conn: Conn, companyId: string, id: string, buyerId: string) =>
  exchanged.lockSoldTo(conn, 'leads', companyId, id, buyerId)

/** The newest leads, each with its source's and campaign's names (rules test those). */
export async function recentLeads(conn: Conn, companyId: string, limit: number) {
  const rows = await repo.recentLeadsWithNames(conn, companyId, limit)
  return rows.map((r) => ({ lead: toLead(r), source: r.source_name, campaign: r.campaign_name }))
}

/** The company's leads among `ids`, as the API shows them. */
export async function leadsByIds(conn: Conn, companyId: string, ids: string[]): Promise<Lead[]> {
  return (await repo.lockLeads(conn, companyId, ids)).map(toLead)
}

/** Moves a lead, unassigned, to `location` (accepting a distributed lead). */
export const moveLead = async (conn: Conn, companyId: string, id: string, location: 'pending' | 'queue') =>
  toLead(await repo.updateLead(conn, companyId, id, { location, assigned_user_id: null }))

/** A lead the partner declined comes back to Pending, no longer handed to anyone. */
export const reopenLead = (conn: Conn, companyId: string, id: string) =>
  repo.updateLead(conn, companyId, id, {
    location: 'pending',
    assigned_user_id: null,
    sold_to_partner_company_id: null,
  })

/** One lead with its source's and campaign's names (the rules test those). */
export async function leadWithNames(conn: Conn, companyId: string, id: string) {
  const row = await repo.leadWithNames(conn, companyId, id)
  return row ? { lead: toLead(row), source: row.source_name, campaign: row.campaign_name } : null
}

/** A correction of what a lead cost (reports), in the caller's transaction: answers the cost before. */
export async function setLeadCost(conn: Conn, actor: Actor, id: string, costMinor: number) {
  const row = await loadVisibleLead(conn, actor, id, true)
  await repo.updateLead(conn, actor.companyId, id, { cost_minor: costMinor })
  return row.cost_minor
}
