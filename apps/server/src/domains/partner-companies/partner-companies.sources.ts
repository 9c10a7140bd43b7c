import type { Conn } from '../../db/client.ts'
import * as repo from './partner-companies.repo.ts'
import { stateFromRow } from './partner-companies.state.ts'

// What the domains that take in records need of their source. Imports nothing but this
// domain's own repo and state, so leads, customers and returns can build on it freely.

/** What lead intake needs of a source; null when it is not a partner company of this company. */
export async function findLeadSource(conn: Conn, companyId: string, id: string) {
  const row = await repo.findPartnerCompany(conn, companyId, id)
  if (!row) return null
  const s = stateFromRow(row)
  return { id, name: s.name, contactPerson: s.contactPerson, active: s.active, ...s.sellsLeads }
}

/** What customer intake needs of a source; null when it is not a partner company of this company. */
export async function findCustomerSource(conn: Conn, companyId: string, id: string) {
  const row = await repo.findPartnerCompany(conn, companyId, id)
  if (!row) return null
  const s = stateFromRow(row)
  return { id, name: s.name, contactPerson: s.contactPerson, active: s.active, ...s.sellsCustomers }
}
