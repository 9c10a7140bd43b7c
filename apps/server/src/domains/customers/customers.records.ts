import type { Customer } from '@tributary/contracts'
import type { Conn } from '../../db/client.ts'
import * as exchanged from '../../db/exchanged-records.ts'
import type { Actor } from '../../lib/actor.ts'
import { addressOf } from '../../lib/contact.ts'
import { notFound } from '../../lib/errors.ts'
import * as repo from './customers.repo.ts'

// Building blocks other domains use on customers (returns, sales): they import nothing but
// this domain's repo, so customers never depends on its users.

export function toCustomer(r: repo.CustomerRow): Customer {
  return {
    id: r.id,
    number: Number(r.number),
    firstName: r.first_name,
    lastName: r.last_name,
    companyName: r.company_name,
    email: r.email,
    phone: r.phone,
    address: addressOf(r),
    partnerCompanyId: r.partner_company_id,
    campaignId: r.campaign_id,
    officeLocationId: r.office_location_id,
    leadId: r.lead_id,
    status: r.status,
    returnReason: r.return_reason,
    notes: r.notes,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }
}

/** What a partner login sees of a customer it sourced: not the company's own notes. */
export const forActor = (customer: Customer, actor: Actor): Customer =>
  actor.kind === 'partner' ? { ...customer, notes: null } : customer

export function canSee(actor: Actor, row: repo.CustomerRow) {
  if (actor.kind === 'partner') return row.partner_company_id === actor.partnerCompanyId
  return actor.permissions.has('view_customers')
}

export async function loadVisible(conn: Conn, actor: Actor, id: string) {
  const row = await repo.findCustomer(conn, actor.companyId, id)
  if (!row || !canSee(actor, row)) throw notFound('Customer')
  return row
}

/** The customers among `ids` that the actor may see, locked for a batch change (returns, sales). */
export async function lockVisibleCustomers(
  conn: Conn,
  actor: Actor,
  ids: string[],
): Promise<Map<string, Customer>> {
  const rows = await repo.lockCustomers(conn, actor.companyId, ids)
  return new Map(rows.filter((r) => canSee(actor, r)).map((r) => [r.id, toCustomer(r)]))
}

/** Marks customers returned, in the caller's transaction (the returns domain writes their events). */
export const markCustomersReturned = (
  conn: Conn,
  companyId: string,
  ids: string[],
  reason: string,
  comments: string | null,
) => repo.markCustomersReturned(conn, companyId, ids, reason, comments)

/** Sold to a partner company, remembered with its buyer. */
export const markCustomersSold = (conn: Conn, companyId: string, ids: string[], buyerId: string) =>
  exchanged.markSold(conn, 'customers', companyId, ids, buyerId)

/** A customer bought over the exchange keeps the seller's id for it: returns travel back by it. */
export const setCustomerOrigin = (conn: Conn, companyId: string, id: string, origin: string) =>
  exchanged.setOrigin(conn, 'customers', companyId, id, origin)

export const customerOrigins = (conn: Conn, companyId: string, ids: string[]) =>
  exchanged.originsOf(conn, 'customers', companyId, ids)

export const lockCustomerSoldTo = (conn: Conn, companyId: string, id: string, buyerId: string) =>
  exchanged.lockSoldTo(conn, 'customers', companyId, id, buyerId)
