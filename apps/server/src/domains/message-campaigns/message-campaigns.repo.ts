import { type Selectable, sql } from 'kysely'
import type { Conn } from '../../db/client.ts'
import { isForeignKeyViolation, isUniqueViolation, nameTaken } from '../../db/constraints.ts'
import type { MessageCampaignsTable } from '../../db/schema.ts'

export type MessageCampaignRow = Omit<Selectable<MessageCampaignsTable>, 'company_id'>
export type MessageCampaignValues = { name: string; subject: string; body: string }

const campaigns = (conn: Conn, companyId: string) =>
  conn
    .selectFrom('message_campaigns')
    .where('company_id', '=', companyId)
    .select(['id', 'name', 'subject', 'body', 'created_at', 'updated_at'])

export const findMessageCampaign = (
  conn: Conn,
  companyId: string,
  id: string,
): Promise<MessageCampaignRow | undefined> =>
  campaigns(conn, companyId).where('id', '=', id).executeTakeFirst()

export const listMessageCampaigns = (
  conn: Conn,
  companyId: string,
  limit: number,
  afterId?: string,
): Promise<MessageCampaignRow[]> =>
  campaigns(conn, companyId)
    .$if(afterId !== undefined, (q) => q.where('id', '>', afterId as string))
    .orderBy('id')
    .limit(limit)
    .execute()

export const messageCampaignNameTaken = (conn: Conn, companyId: string, name: string, exceptId?: string) =>
  nameTaken(conn, 'message_campaigns', companyId, name, exceptId)

/** False when the name is taken (a concurrent insert won the unique index). */
export async function insertMessageCampaign(
  conn: Conn,
  companyId: string,
  id: string,
  values: MessageCampaignValues,
): Promise<boolean> {
  const row = await conn
    .insertInto('message_campaigns')
    .values({ company_id: companyId, id, ...values })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

/** False when the new name is taken (a concurrent write won the unique index). */
export async function updateMessageCampaign(
  conn: Conn,
  companyId: string,
  id: string,
  patch: Partial<MessageCampaignValues>,
): Promise<boolean> {
  try {
    await conn
      .updateTable('message_campaigns')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.subject !== undefined && { subject: patch.subject }),
        ...(patch.body !== undefined && { body: patch.body }),
        updated_at: sql<Date>`now()`,
      })
      .where('company_id', '=', companyId)
      .where('id', '=', id)
      .execute()
    return true
  } catch (error) {
    if (isUniqueViolation(error)) return false
    throw error
  }
}

/** Names of partner companies that send this message campaign as an auto-response. */
export async function partnerCompaniesUsingMessageCampaign(
  conn: Conn,
  companyId: string,
  id: string,
): Promise<string[]> {
  const rows = await conn
    .selectFrom('partner_companies')
    .where('company_id', '=', companyId)
    .where((eb) => eb.or([eb('sl_auto_response_id', '=', id), eb('sc_auto_response_id', '=', id)]))
    .select('name')
    .orderBy('name')
    .limit(3)
    .execute()
  return rows.map((r) => r.name)
}

/** False when a row written meanwhile still references the campaign. */
export async function deleteMessageCampaign(conn: Conn, companyId: string, id: string): Promise<boolean> {
  try {
    await conn
      .deleteFrom('message_campaigns')
      .where('company_id', '=', companyId)
      .where('id', '=', id)
      .execute()
    return true
  } catch (error) {
    if (isForeignKeyViolation(error)) return false
    throw error
  }
}
