import { type Selectable, sql } from 'kysely'
import type { Conn } from '../../db/client.ts'
import type { CampaignsTable } from '../../db/schema.ts'

export type CampaignRow = Selectable<CampaignsTable>

const campaigns = (conn: Conn, companyId: string) =>
  conn.selectFrom('campaigns').where('company_id', '=', companyId).selectAll()

export const findCampaign = (conn: Conn, companyId: string, id: string) =>
  campaigns(conn, companyId).where('id', '=', id).executeTakeFirst()

export const listCampaignsOf = (conn: Conn, companyId: string, partnerCompanyId: string) =>
  campaigns(conn, companyId)
    .where('partner_company_id', '=', partnerCompanyId)
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .execute()

export const findCampaignByExternalIds = (
  conn: Conn,
  companyId: string,
  externalPartnerCompanyId: string,
  externalCampaignId: string,
) =>
  campaigns(conn, companyId)
    .where('external_partner_company_id', '=', externalPartnerCompanyId)
    .where('external_campaign_id', '=', externalCampaignId)
    .executeTakeFirst()

export async function nameTaken(
  conn: Conn,
  companyId: string,
  partnerCompanyId: string,
  name: string,
  exceptId?: string,
) {
  const row = await conn
    .selectFrom('campaigns')
    .where('company_id', '=', companyId)
    .where('partner_company_id', '=', partnerCompanyId)
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .$if(exceptId !== undefined, (q) => q.where('id', '<>', exceptId as string))
    .select('id')
    .executeTakeFirst()
  return row !== undefined
}

export type CampaignValues = {
  name: string
  description: string | null
  direction: 'inbound' | 'outbound'
  external_partner_company_id: string | null
  external_campaign_id: string | null
  cost_per_lead_minor: number | null
}

export async function insertCampaign(
  conn: Conn,
  companyId: string,
  id: string,
  partnerCompanyId: string,
  values: CampaignValues,
) {
  await conn
    .insertInto('campaigns')
    .values({ ...values, company_id: companyId, id, partner_company_id: partnerCompanyId })
    .execute()
}

export async function updateCampaign(conn: Conn, companyId: string, id: string, values: CampaignValues) {
  await conn
    .updateTable('campaigns')
    .set({ ...values, updated_at: sql<Date>`now()` })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute()
}

export async function deleteCampaign(conn: Conn, companyId: string, id: string) {
  await conn.deleteFrom('campaigns').where('company_id', '=', companyId).where('id', '=', id).execute()
}
