import type { Permission } from '@tributary/contracts'
import type { Conn } from '../../db/client.ts'
import type { Actor } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { newId } from '../../lib/ids.ts'
import { verifyNothing, verifyPassword } from '../../lib/passwords.ts'
import { newToken, parseToken, randomSecret } from '../../lib/tokens.ts'
import { findCompanyBySlug } from '../companies/companies.repo.ts'
import { findLoginUser } from '../users/users.repo.ts'
import * as repo from './auth.repo.ts'

export const SESSION_DAYS = 7
// Per account: 5 failures in 15 minutes lock it for 15 minutes; per client address, 50.
const ACCOUNT_LIMIT = 5
const ADDRESS_LIMIT = 50
const WINDOW_SECONDS = 15 * 60

export type LoginResult = { token: string; csrfToken: string; companyId: string; userId: string }

const wrongLogin = () => new AppError('unauthorized', 'Wrong company, login or password')

export async function login(
  ctx: AppContext,
  input: { company: string; login: string; password: string },
  clientAddress: string,
): Promise<LoginResult> {
  const accountKey = `account:${input.company.toLowerCase()}:${input.login.toLowerCase()}`
  const addressKey = `address:${clientAddress}`
  const wait = await repo.lockedFor(ctx.db, [accountKey, addressKey])
  if (wait > 0) {
    throw new AppError('throttled', 'Too many failed logins; try again later', { retryAfterSeconds: wait })
  }
  const company = await findCompanyBySlug(ctx.db, input.company.toLowerCase())
  const user = company && (await findLoginUser(ctx.db, company.id, input.login))
  const ok = user
    ? await verifyPassword(user.password_hash, input.password)
    : await verifyNothing(input.password)
  if (!company || !user || !ok || user.disabled) {
    await repo.recordFailure(ctx.db, accountKey, ACCOUNT_LIMIT, WINDOW_SECONDS)
    await repo.recordFailure(ctx.db, addressKey, ADDRESS_LIMIT, WINDOW_SECONDS)
    throw wrongLogin()
  }
  await repo.clearFailures(ctx.db, accountKey)
  return createSession(ctx.db, company.id, user.id)
}

export async function createSession(conn: Conn, companyId: string, userId: string): Promise<LoginResult> {
  const { token, hash } = newToken('session', companyId)
  const csrfToken = randomSecret(24)
  await repo.insertSession(conn, companyId, {
    id: newId(),
    tokenHash: hash,
    csrfToken,
    userId,
    expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
  })
  return { token, csrfToken, companyId, userId }
}

export async function logout(ctx: AppContext, actor: Actor) {
  if (actor.sessionId) await repo.deleteSession(ctx.db, actor.companyId, actor.sessionId)
}

export type Authenticated = { actor: Actor; csrfToken: string | null }

/** Resolves a bearer token or session cookie to an actor; null when it is not valid (any reason). */
export async function authenticate(ctx: AppContext, token: string): Promise<Authenticated | null> {
  const parsed = parseToken(token)
  if (!parsed) return null
  if (parsed.kind === 'session') {
    const s = await repo.findSessionByHash(ctx.db, parsed.companyId, parsed.hash)
    if (!s) return null
    return {
      actor: userActor(parsed.companyId, s.user_id, s.name, s.permissions, {
        sessionId: s.id,
        apiKeyId: null,
      }),
      csrfToken: s.csrf_token,
    }
  }
  const k = await repo.findApiKeyByHash(ctx.db, parsed.companyId, parsed.hash)
  if (!k) return null
  // Record use at most once a minute: keeps hot API clients off a single row lock.
  if (!k.last_used_at || Date.now() - k.last_used_at.getTime() > 60_000) {
    await repo.touchApiKey(ctx.db, parsed.companyId, k.id)
  }
  return {
    actor: userActor(parsed.companyId, k.user_id, k.name, k.permissions, { sessionId: null, apiKeyId: k.id }),
    csrfToken: null,
  }
}

function userActor(
  companyId: string,
  userId: string,
  name: string,
  permissions: string[],
  via: { sessionId: string | null; apiKeyId: string | null },
): Actor {
  return {
    kind: 'user',
    companyId,
    userId,
    label: via.apiKeyId ? `${name} (API key)` : name,
    permissions: new Set(permissions as Permission[]),
    ...via,
  }
}

export const endUserSessions = (conn: Conn, companyId: string, userId: string) =>
  repo.deleteUserSessions(conn, companyId, userId)
