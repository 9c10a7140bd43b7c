import { sql } from 'kysely'
import type { Conn } from '../../db/client.ts'

export const findSettings = (conn: Conn, companyId: string) =>
  conn
    .selectFrom('lead_management_settings')
    .where('company_id', '=', companyId)
    .select([
      'mode',
      'supplier_partner_company_id',
      'own_groups',
      'supplier_groups',
      'assigned_by_supplier_name',
      'assigned_by_supplier_email',
    ])
    .executeTakeFirst()

export async function saveAutoRegistration(
  conn: Conn,
  companyId: string,
  v: {
    mode: 'disabled' | 'supplier' | 'own'
    supplierPartnerCompanyId: string | null
    ownGroups?: unknown[]
  },
) {
  const values = {
    mode: v.mode,
    supplier_partner_company_id: v.supplierPartnerCompanyId,
    ...(v.ownGroups && { own_groups: JSON.stringify(v.ownGroups) }),
  }
  await conn
    .insertInto('lead_management_settings')
    .values({ company_id: companyId, own_groups: '[]', ...values })
    .onConflict((oc) => oc.column('company_id').doUpdateSet({ ...values, updated_at: sql<Date>`now()` }))
    .execute()
}
