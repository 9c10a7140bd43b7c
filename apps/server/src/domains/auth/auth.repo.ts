import { sql } from 'kysely'
import type { Conn } from '../../db/client.ts'

export type SessionOwner = { userId: string } | { partnerCompanyId: string }

export async function insertSession(
  conn: Conn,
  companyId: string,
  s: { id: string; tokenHash: Buffer; csrfToken: string; owner: SessionOwner; expiresAt: Date },
) {
  await conn
    .insertInto('sessions')
    .values({
      company_id: companyId,
      id: s.id,
      token_hash: s.tokenHash,
      csrf_token: s.csrfToken,
      user_id: 'userId' in s.owner ? s.owner.userId : null,
      partner_company_id: 'partnerCompanyId' in s.owner ? s.owner.partnerCompanyId : null,
      expires_at: s.expiresAt,
    })
    .execute()
}

export const findUserCredentials = (conn: Conn, companyId: string, email: string) =>
  conn
    .selectFrom('users')
    .where('company_id', '=', companyId)
    .where('deleted_at', 'is', null)
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .select(['id', 'password_hash', 'disabled'])
    .executeTakeFirst()

export const findPartnerCredentials = (conn: Conn, companyId: string, username: string) =>
  conn
    .selectFrom('partner_companies')
    .where('company_id', '=', companyId)
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .select(['id', 'password_hash', sql<boolean>`allow_login and active`.as('enabled')])
    .executeTakeFirst()

const permissionsOfUser = sql<string[]>`array(select distinct p from user_roles ur
  join roles r on r.company_id = ur.company_id and r.id = ur.role_id, unnest(r.permissions) p
  where ur.company_id = u.company_id and ur.user_id = u.id)`

/**
 * A live session whose owner may still log in: an enabled user (with the user's
 * permissions), or a partner company that is active and still allows login.
 */
export const findSessionByHash = (conn: Conn, companyId: string, tokenHash: Buffer) =>
  conn
    .selectFrom('sessions as s')
    .leftJoin('users as u', (j) =>
      j
        .onRef('u.company_id', '=', 's.company_id')
        .onRef('u.id', '=', 's.user_id')
        .on('u.disabled', '=', false)
        .on('u.deleted_at', 'is', null),
    )
    .leftJoin('partner_companies as pc', (j) =>
      j
        .onRef('pc.company_id', '=', 's.company_id')
        .onRef('pc.id', '=', 's.partner_company_id')
        .on('pc.allow_login', '=', true)
        .on('pc.active', '=', true),
    )
    .where('s.company_id', '=', companyId)
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where((eb) => eb.or([eb('u.id', 'is not', null), eb('pc.id', 'is not', null)]))
    .select([
      's.id',
      's.csrf_token',
      's.expires_at',
      'u.id as user_id',
      'u.name as user_name',
      'pc.id as partner_company_id',
      'pc.name as partner_name',
      permissionsOfUser.as('permissions'),
    ])
    .executeTakeFirst()

export const findApiKeyByHash = (conn: Conn, companyId: string, keyHash: Buffer) =>
  conn
    .selectFrom('api_keys as k')
    .innerJoin('users as u', (j) =>
      j.onRef('u.company_id', '=', 'k.company_id').onRef('u.id', '=', 'k.user_id'),
    )
    .where('k.company_id', '=', companyId)
    .where('k.key_hash', '=', keyHash)
    .where('u.disabled', '=', false)
    .where('u.deleted_at', 'is', null)
    .select(['k.id', 'k.last_used_at', 'u.id as user_id', 'u.name', permissionsOfUser.as('permissions')])
    .executeTakeFirst()

/**
 * Records a key's use unless a concurrent request is already recording it: a busy API client
 * would otherwise queue its requests on the key's row lock (seen: 50 ms waits under load).
 */
export async function touchApiKey(conn: Conn, companyId: string, id: string) {
  await sql`update api_keys set last_used_at = now()
    where (company_id, id) = (select company_id, id from api_keys
      where company_id = ${companyId} and id = ${id} for update skip locked)`.execute(conn)
}

export async function deleteSession(conn: Conn, companyId: string, id: string) {
  await conn.deleteFrom('sessions').where('company_id', '=', companyId).where('id', '=', id).execute()
}

export async function deleteOwnerSessions(conn: Conn, companyId: string, owner: SessionOwner) {
  const query = conn.deleteFrom('sessions').where('company_id', '=', companyId)
  await ('userId' in owner
    ? query.where('user_id', '=', owner.userId)
    : query.where('partner_company_id', '=', owner.partnerCompanyId)
  ).execute()
}

export async function deleteExpiredSessions(conn: Conn) {
  const result = await conn
    .deleteFrom('sessions')
    .where('expires_at', '<', sql<Date>`now()`)
    .executeTakeFirst()
  await conn
    .deleteFrom('login_failures')
    .where('window_started_at', '<', sql<Date>`now() - interval '1 day'`)
    .execute()
  return Number(result.numDeletedRows)
}

export type ThrottleKey = { key: string; limit: number }

/**
 * Counts a login attempt on every key before its password is checked, in one statement, and
 * answers how many seconds the caller must wait (0: go ahead). A key gets `limit` attempts per
 * window; the next one locks it for a whole window. Counting first means attempts sent in
 * parallel cannot all pass a check made before any of them failed.
 */
export async function countAttempt(conn: Conn, keys: ThrottleKey[], windowSeconds: number): Promise<number> {
  const window = sql`make_interval(secs => ${windowSeconds})`
  // Sorted, so two statements lock the rows they share in the same order.
  const rows = sql.join(
    [...keys].sort((a, b) => a.key.localeCompare(b.key)).map((k) => sql`(${k.key}, ${k.limit}::int)`),
  )
  const { rows: result } = await sql<{ wait: number }>`
    insert into login_failures as f (key, failures, window_started_at)
    select key, 1, now() from (values ${rows}) as k (key, max_attempts)
    on conflict (key) do update set
      failures = case when f.window_started_at < now() - ${window} then 1 else f.failures + 1 end,
      window_started_at = case when f.window_started_at < now() - ${window} then now() else f.window_started_at end,
      locked_until = case
        when f.locked_until > now() then f.locked_until
        when f.window_started_at >= now() - ${window}
          and f.failures + 1 > (select max_attempts from (values ${rows}) as k (key, max_attempts) where k.key = f.key)
          then now() + ${window}
        end
    returning coalesce(ceil(extract(epoch from locked_until - now())), 0)::int as wait`.execute(conn)
  return Math.max(0, ...result.map((r) => r.wait))
}

/** A login that succeeded: the account starts afresh, and the address gets its attempt back. */
export async function forgetAttempt(conn: Conn, accountKey: string, addressKey: string) {
  await sql`with account as (delete from login_failures where key = ${accountKey})
    update login_failures set failures = greatest(failures - 1, 0) where key = ${addressKey}`.execute(conn)
}
