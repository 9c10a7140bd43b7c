import type { Conn } from '../../db/client.ts'

const keys = (conn: Conn, companyId: string) =>
  conn
    .selectFrom('api_keys')
    .where('company_id', '=', companyId)
    .select(['id', 'name', 'prefix', 'user_id', 'created_at', 'last_used_at'])

export type ApiKeyRow = Awaited<ReturnType<ReturnType<typeof keys>['executeTakeFirstOrThrow']>>

export const listApiKeys = (conn: Conn, companyId: string, limit: number, afterId?: string) =>
  keys(conn, companyId)
    .$if(afterId !== undefined, (q) => q.where('id', '>', afterId as string))
    .orderBy('id')
    .limit(limit)
    .execute()

export const findApiKey = (conn: Conn, companyId: string, id: string) =>
  keys(conn, companyId).where('id', '=', id).executeTakeFirst()

export async function insertApiKey(
  conn: Conn,
  companyId: string,
  key: { id: string; name: string; prefix: string; keyHash: Buffer; userId: string },
) {
  await conn
    .insertInto('api_keys')
    .values({
      company_id: companyId,
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      key_hash: key.keyHash,
      user_id: key.userId,
    })
    .execute()
}

export async function deleteApiKey(conn: Conn, companyId: string, id: string) {
  await conn.deleteFrom('api_keys').where('company_id', '=', companyId).where('id', '=', id).execute()
}
