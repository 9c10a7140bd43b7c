import type { Conn } from '../../db/client.ts'
import type { PartnerRow } from './partner-companies.repo.ts'

export type { PartnerRow }

import * as repo from './partner-companies.repo.ts'
import { stateFromRow } from './partner-companies.state.ts'

// What the domains that take in records need of their source. Imports nothing but this
// domain's own repo and state, so leads, customers and returns can build on it freely.

/** What lead intake needs of a source; null when it is not a partner company of this company. */
export async function findLeadSource(conn: Conn, companyId: string, id: string) {
  const row = await repo.findPartnerCompany(conn, companyId, id)
  return row ? leadSourceFrom(row) : null
}

/** The lead source of a partner company's row, read by another query (the exchange's sender lookup). */
export function leadSourceFrom(row: PartnerRow) {
  const s = stateFromRow(row)
  return {
    id: row.id,
    name: s.name,
    contactPerson: s.contactPerson,
    active: s.active,
    autoAccept: s.autoAccept,
    ...s.sellsLeads,
  }
}

/** Sources named in a CSV import by name: lower(name) → the ids of the partner companies so named. */
export const sourceIdsByName = (conn: Conn, companyId: string, names: string[]) =>
  repo.idsByNames(conn, companyId, names)

/** What customer intake needs of a source; null when it is not a partner company of this company. */
export async function findCustomerSource(conn: Conn, companyId: string, id: string) {
  const row = await repo.findPartnerCompany(conn, companyId, id)
  if (!row) return null
  const s = stateFromRow(row)
  return { id, name: s.name, contactPerson: s.contactPerson, active: s.active, ...s.sellsCustomers }
}

export type BuysSection = 'buysLeads' | 'buysCustomers'

/** What selling needs of a buyer's Buys Leads or Buys Customers section; null when not ours. */
export async function findBuyer(conn: Conn, companyId: string, id: string, section: BuysSection) {
  const row = await repo.findPartnerCompany(conn, companyId, id)
  if (!row) return null
  const s = stateFromRow(row)
  return { id, name: s.name, active: s.active, ...s[section] }
}

/** A 410 Gone from the buyer: the section stops delivering until someone switches it on again. */
export const switchOffBuys = (conn: Conn, companyId: string, id: string, section: BuysSection) =>
  repo.setBuysEnabled(conn, companyId, id, section === 'buysLeads' ? 'buys_leads' : 'buys_customers', false)

/**
 * A partner's hello rotated the secret of an endpoint this company already posts to (the same
 * Post URL and Source ID in a Buys section): both sides keep one secret per direction.
 */
export const syncBuysSecret = (
  conn: Conn,
  companyId: string,
  id: string,
  endpoint: { postUrl: string; sourceId: string; secretSealed: string },
) => repo.setBuysSecret(conn, companyId, id, endpoint)
