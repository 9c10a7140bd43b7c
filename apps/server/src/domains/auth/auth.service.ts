import type { Permission } from '@tributary/contracts'
import type { Conn } from '../../db/client.ts'
import type { Actor } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { newId } from '../../lib/ids.ts'
import { verifyNothing, verifyPassword } from '../../lib/passwords.ts'
import { newToken, parseToken, randomSecret } from '../../lib/tokens.ts'
import { findCompanyBySlug } from '../companies/companies.lookup.ts'
import * as repo from './auth.repo.ts'

export const SESSION_DAYS = 7
// Per account: 5 attempts in 15 minutes, then it is locked for 15 minutes; per client address, 50.
// A successful login gives its attempt back.
const ACCOUNT_LIMIT = 5
const ADDRESS_LIMIT = 50
const WINDOW_SECONDS = 15 * 60

export type SessionOwner = repo.SessionOwner
export type LoginResult = { token: string; csrfToken: string; companyId: string; owner: SessionOwner }

const wrongLogin = () => new AppError('unauthorized', 'Wrong company, login or password')

/** A user logs in with their email; a partner company's login with its username (never an email). */
async function findCredentials(conn: Conn, companyId: string, login: string) {
  if (login.includes('@')) {
    const user = await repo.findUserCredentials(conn, companyId, login)
    return user && { owner: { userId: user.id }, hash: user.password_hash, enabled: !user.disabled }
  }
  const partner = await repo.findPartnerCredentials(conn, companyId, login)
  return partner?.password_hash
    ? { owner: { partnerCompanyId: partner.id }, hash: partner.password_hash, enabled: partner.enabled }
    : undefined
}

export async function login(
  ctx: AppContext,
  input: { company: string; login: string; password: string },
  clientAddress: string,
): Promise<LoginResult> {
  const accountKey = `account:${input.company.toLowerCase()}:${input.login.toLowerCase()}`
  const addressKey = `address:${clientAddress}`
  const wait = await repo.countAttempt(
    ctx.db,
    [
      { key: accountKey, limit: ACCOUNT_LIMIT },
      { key: addressKey, limit: ADDRESS_LIMIT },
    ],
    WINDOW_SECONDS,
  )
  if (wait > 0) {
    throw new AppError('throttled', 'Too many failed logins; try again later', { retryAfterSeconds: wait })
  }
  const company = await findCompanyBySlug(ctx.db, input.company.toLowerCase())
  const found = company && (await findCredentials(ctx.db, company.id, input.login))
  // Unknown company or login costs the same hash check as a wrong password.
  const ok = found ? await verifyPassword(found.hash, input.password) : await verifyNothing(input.password)
  if (!company || !found || !ok || !found.enabled) throw wrongLogin()
  await repo.forgetAttempt(ctx.db, accountKey, addressKey)
  return createSession(ctx.db, company.id, found.owner)
}

export async function createSession(
  conn: Conn,
  companyId: string,
  owner: SessionOwner,
): Promise<LoginResult> {
  const { token, hash } = newToken('session', companyId)
  const csrfToken = randomSecret(24)
  await repo.insertSession(conn, companyId, {
    id: newId(),
    tokenHash: hash,
    csrfToken,
    owner,
    expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
  })
  return { token, csrfToken, companyId, owner }
}

export async function logout(ctx: AppContext, actor: Actor) {
  if (actor.sessionId) await repo.deleteSession(ctx.db, actor.companyId, actor.sessionId)
}

/** Logs a user or partner company out everywhere (disabled, deleted, password reset, login revoked). */
export const endSessions = (conn: Conn, companyId: string, owner: SessionOwner) =>
  repo.deleteOwnerSessions(conn, companyId, owner)

export type Authenticated = { actor: Actor; csrfToken: string | null }

/** Who is behind a token, as the cache keeps it: until the session expires; a key's last recorded use. */
type Caller = Authenticated & { expiresAt: number; usedAt: number }

// A cached caller is dropped by any change behind it (migration 0051); this only bounds memory.
const CALLER_TTL_MS = 5 * 60_000

/**
 * Resolves a bearer token or session cookie to an actor; null when it is not valid (any reason).
 * Read through the process's company cache: a logout, a revoked key, a disabled user or a changed
 * role drops the company's entries on every process as it commits.
 */
export async function authenticate(ctx: AppContext, token: string): Promise<Authenticated | null> {
  const parsed = parseToken(token)
  if (!parsed) return null
  const { companyId } = parsed
  const caller = await ctx.database.cache.get(
    companyId,
    `caller:${parsed.hash.toString('base64')}`,
    CALLER_TTL_MS,
    () =>
      parsed.kind === 'session'
        ? findSession(ctx, companyId, parsed.hash)
        : findApiKey(ctx, companyId, parsed.hash),
  )
  if (!caller || caller.expiresAt <= Date.now()) return null
  const keyId = caller.actor.kind === 'user' ? caller.actor.apiKeyId : null
  // Record use at most once a minute: keeps hot API clients off a single row lock.
  if (keyId && Date.now() - caller.usedAt > 60_000) {
    caller.usedAt = Date.now()
    await repo.touchApiKey(ctx.db, companyId, keyId)
  }
  return { actor: caller.actor, csrfToken: caller.csrfToken }
}

async function findSession(ctx: AppContext, companyId: string, hash: Buffer): Promise<Caller | null> {
  const s = await repo.findSessionByHash(ctx.db, companyId, hash)
  if (!s) return null
  const actor: Actor = s.partner_company_id
    ? {
        kind: 'partner',
        companyId,
        partnerCompanyId: s.partner_company_id,
        partnerName: s.partner_name as string,
        label: `${s.partner_name} (partner login)`,
        sessionId: s.id,
      }
    : userActor(companyId, s.user_id as string, s.user_name as string, s.permissions, s.id, null)
  return { actor, csrfToken: s.csrf_token, expiresAt: s.expires_at.getTime(), usedAt: 0 }
}

async function findApiKey(ctx: AppContext, companyId: string, hash: Buffer): Promise<Caller | null> {
  const k = await repo.findApiKeyByHash(ctx.db, companyId, hash)
  if (!k) return null
  return {
    actor: userActor(companyId, k.user_id, `${k.name} (API key)`, k.permissions, null, k.id),
    csrfToken: null,
    expiresAt: Number.POSITIVE_INFINITY,
    usedAt: k.last_used_at?.getTime() ?? 0,
  }
}

function userActor(
  companyId: string,
  userId: string,
  label: string,
  permissions: string[],
  sessionId: string | null,
  apiKeyId: string | null,
): Actor {
  return {
    kind: 'user',
    companyId,
    userId,
    label,
    permissions: new Set(permissions as Permission[]),
    sessionId,
    apiKeyId,
  }
}
