import { sql } from 'kysely'
import type { Conn } from '../../db/client.ts'

// Receipts: one per webhook-id and connection, holding the answer given, so a retried post
// gets the same answer and never a second record.

export const findReceipt = (conn: Conn, companyId: string, partnerCompanyId: string, webhookId: string) =>
  conn
    .selectFrom('exchange_receipts')
    .where('company_id', '=', companyId)
    .where('partner_company_id', '=', partnerCompanyId)
    .where('webhook_id', '=', webhookId)
    .select(['body_hash', 'status', 'response'])
    .executeTakeFirst()

/**
 * Claims a webhook-id: true when this call inserted the receipt. A concurrent post of the same
 * id waits on the unique key until the first one's transaction ends, then finds its receipt.
 */
export async function claimReceipt(
  conn: Conn,
  companyId: string,
  partnerCompanyId: string,
  webhookId: string,
  bodyHash: string,
): Promise<boolean> {
  const row = await conn
    .insertInto('exchange_receipts')
    .values({
      company_id: companyId,
      partner_company_id: partnerCompanyId,
      webhook_id: webhookId,
      body_hash: bodyHash,
      status: 0,
      response: '{}',
    })
    .onConflict((oc) => oc.columns(['company_id', 'partner_company_id', 'webhook_id']).doNothing())
    .returning('webhook_id')
    .executeTakeFirst()
  return row !== undefined
}

export async function settleReceipt(
  conn: Conn,
  companyId: string,
  partnerCompanyId: string,
  webhookId: string,
  bodyHash: string,
  status: number,
  response: Record<string, unknown>,
) {
  await sql`insert into exchange_receipts (company_id, partner_company_id, webhook_id, body_hash, status, response)
    values (${companyId}, ${partnerCompanyId}, ${webhookId}, ${bodyHash}, ${status}, ${JSON.stringify(response)})
    on conflict (company_id, partner_company_id, webhook_id) do update
      set status = excluded.status, response = excluded.response`.execute(conn)
}

/** Receipts are kept eight days: a sender retries for about three. */
export async function pruneReceipts(conn: Conn) {
  await sql`delete from exchange_receipts where created_at < now() - interval '8 days'`.execute(conn)
}
