import { sql } from 'kysely'
import type { Conn } from '../../db/client.ts'

export type ConnectionRow = Awaited<ReturnType<typeof findConnection>>

export const findConnection = (conn: Conn, companyId: string, partnerCompanyId: string) =>
  conn
    .selectFrom('exchange_connections')
    .where('company_id', '=', companyId)
    .where('partner_company_id', '=', partnerCompanyId)
    .selectAll()
    .executeTakeFirst()

/** The connection a Source ID names, with its partner's name and whether it is active. */
export const findBySourceId = (conn: Conn, companyId: string, sourceId: string) =>
  conn
    .selectFrom('exchange_connections as x')
    .innerJoin('partner_companies as p', (j) =>
      j.onRef('p.company_id', '=', 'x.company_id').onRef('p.id', '=', 'x.partner_company_id'),
    )
    .where('x.company_id', '=', companyId)
    .where('x.source_id', '=', sourceId)
    .select([
      'x.partner_company_id',
      'x.secret_sealed',
      'x.previous_secret_sealed',
      'x.previous_secret_until',
      'p.name as partner_name',
      'p.active',
    ])
    .executeTakeFirst()

/**
 * New credentials, or a new secret for existing ones: the Source ID stays, and the previous
 * secret keeps verifying for a day so the sender can switch without losing a post.
 */
export async function issueCredentials(
  conn: Conn,
  companyId: string,
  partnerCompanyId: string,
  sourceId: string,
  secretSealed: string,
): Promise<{ source_id: string; issued_at: Date }> {
  const { rows } = await sql<{ source_id: string; issued_at: Date }>`
    insert into exchange_connections (company_id, partner_company_id, source_id, secret_sealed)
    values (${companyId}, ${partnerCompanyId}, ${sourceId}, ${secretSealed})
    on conflict (company_id, partner_company_id) do update set
      previous_secret_sealed = exchange_connections.secret_sealed,
      previous_secret_until = now() + interval '24 hours',
      secret_sealed = excluded.secret_sealed,
      issued_at = now()
    returning source_id, issued_at`.execute(conn)
  return rows[0] as { source_id: string; issued_at: Date }
}

export async function setReplyChannel(
  conn: Conn,
  companyId: string,
  partnerCompanyId: string,
  channel: { postUrl: string; sourceId: string; secretSealed: string },
) {
  await conn
    .updateTable('exchange_connections')
    .set({
      reply_post_url: channel.postUrl,
      reply_source_id: channel.sourceId,
      reply_secret_sealed: channel.secretSealed,
    })
    .where('company_id', '=', companyId)
    .where('partner_company_id', '=', partnerCompanyId)
    .execute()
}

export async function touch(
  conn: Conn,
  companyId: string,
  partnerCompanyId: string,
  column: 'last_received_at' | 'last_sent_at',
) {
  await conn
    .updateTable('exchange_connections')
    .set({ [column]: sql`now()` })
    .where('company_id', '=', companyId)
    .where('partner_company_id', '=', partnerCompanyId)
    // At most every ten seconds: a busy connection must not queue its posts on this one row.
    .where((eb) => eb.or([eb(column, 'is', null), eb(column, '<', sql<Date>`now() - interval '10 seconds'`)]))
    .execute()
}
