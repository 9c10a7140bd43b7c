import { sql } from 'kysely'
import type { Conn } from '../../db/client.ts'

export const findKey = (conn: Conn, companyId: string, scope: string, key: string) =>
  conn
    .selectFrom('idempotency_keys')
    .where('company_id', '=', companyId)
    .where('scope', '=', scope)
    .where('key', '=', key)
    .select(['request_hash', 'status', 'response'])
    .executeTakeFirst()

export async function insertKey(
  conn: Conn,
  companyId: string,
  k: { scope: string; key: string; requestHash: Buffer; status: number; response: unknown },
) {
  await conn
    .insertInto('idempotency_keys')
    .values({
      company_id: companyId,
      scope: k.scope,
      key: k.key,
      request_hash: k.requestHash,
      status: k.status,
      response: JSON.stringify(k.response),
    })
    .execute()
}

/** Repeats with one key take turns until the first one commits. */
export async function lockKey(conn: Conn, companyId: string, scope: string, key: string) {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`idem:${companyId}:${scope}:${key}`}, 0))`.execute(
    conn,
  )
}

export async function deleteKeysOlderThan(conn: Conn, days: number) {
  const result = await conn
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', sql<Date>`now() - make_interval(days => ${days})`)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
