import { type RawBuilder, sql } from 'kysely'
import type { Conn } from '../../db/client.ts'

export type ConnectionRow = Awaited<ReturnType<typeof findConnection>>

export const findConnection = (conn: Conn, companyId: string, partnerCompanyId: string) =>
  conn
    .selectFrom('exchange_connections')
    .where('company_id', '=', companyId)
    .where('partner_company_id', '=', partnerCompanyId)
    .selectAll()
    .executeTakeFirst()

/**
 * The connection a post names (company slug + Source ID), with its partner's name; one statement
 * that also notes the post's arrival, at most every ten seconds (the row stays cool under load).
 */
/**
 * The connection a post names, with `extra`: what the receiver reads of the company (aliased
 * `c`) and the partner (`p`) for the same request, in this one statement.
 */
export async function findSender<Extra>(
  conn: Conn,
  slug: string,
  sourceId: string,
  extra: RawBuilder<Extra>,
) {
  const { rows } = await sql<{
    company_id: string
    partner_company_id: string
    secret_sealed: string
    previous_secret_sealed: string | null
    previous_secret_until: Date | null
    partner_name: string
    extra: Extra
  }>`with found as (
      select x.company_id, x.partner_company_id, x.secret_sealed, x.previous_secret_sealed,
        x.previous_secret_until, x.last_received_at, p.name as partner_name, ${extra} as extra
      from companies c
      join exchange_connections x on x.company_id = c.id and x.source_id = ${sourceId}
      join partner_companies p on p.company_id = x.company_id and p.id = x.partner_company_id
      where c.slug = ${slug}),
    touched as (
      update exchange_connections x set last_received_at = now() from found f
      where x.company_id = f.company_id and x.partner_company_id = f.partner_company_id
        and (f.last_received_at is null or f.last_received_at < now() - interval '10 seconds'))
    select company_id, partner_company_id, secret_sealed, previous_secret_sealed, previous_secret_until,
      partner_name, extra from found`.execute(conn)
  return rows[0]
}

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

/** Notes a delivery's arrival, at most every ten seconds. */
export async function touchSent(conn: Conn, companyId: string, partnerCompanyId: string): Promise<boolean> {
  const column = 'last_sent_at'
  const result = await conn
    .updateTable('exchange_connections')
    .set({ [column]: sql`now()` })
    .where('company_id', '=', companyId)
    .where('partner_company_id', '=', partnerCompanyId)
    // At most every ten seconds: a busy connection must not queue its posts on this one row.
    .where((eb) => eb.or([eb(column, 'is', null), eb(column, '<', sql<Date>`now() - interval '10 seconds'`)]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}
