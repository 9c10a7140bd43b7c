import { sql } from 'kysely'
import type { Conn } from '../../db/client.ts'
import type { ClaimRow } from '../leads/leads.repo.ts'

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
 * Keeps the answer to a webhook-id, in the transaction that made it; false when the id already
 * has one (a concurrent post of the same id waits on the key until the first one commits).
 */
export async function recordReceipt(
  conn: Conn,
  companyId: string,
  partnerCompanyId: string,
  receipt: { webhookId: string; bodyHash: string; status: number; response: Record<string, unknown> },
): Promise<boolean> {
  const row = await conn
    .insertInto('exchange_receipts')
    .values({
      company_id: companyId,
      partner_company_id: partnerCompanyId,
      webhook_id: receipt.webhookId,
      body_hash: receipt.bodyHash,
      status: receipt.status,
      response: JSON.stringify(receipt.response),
    })
    .onConflict((oc) => oc.columns(['company_id', 'partner_company_id', 'webhook_id']).doNothing())
    .returning('webhook_id')
    .executeTakeFirst()
  return row !== undefined
}

/** The receipt as a row that a record's own statement writes (see `ClaimRow`). */
export const receiptClaim = (
  partnerCompanyId: string,
  receipt: { webhookId: string; bodyHash: string; status: number; response: Record<string, unknown> },
): ClaimRow => ({
  table: 'exchange_receipts',
  row: {
    partner_company_id: partnerCompanyId,
    webhook_id: receipt.webhookId,
    body_hash: receipt.bodyHash,
    status: receipt.status,
    response: receipt.response,
  },
})

/** Receipts are kept eight days: a sender retries for about three. */
export async function pruneReceipts(conn: Conn) {
  await sql`delete from exchange_receipts where created_at < now() - interval '8 days'`.execute(conn)
}
