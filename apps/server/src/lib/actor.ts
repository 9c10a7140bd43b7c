import type { Permission } from '@tributary/contracts'
import { AppError } from './errors.ts'

/** A person of the company: a logged-in user, or a program using one of their API keys. */
export type UserActor = {
  kind: 'user'
  companyId: string
  userId: string
  /** For the audit log; never personal data beyond the user's own display name. */
  label: string
  permissions: ReadonlySet<Permission>
  sessionId: string | null
  apiKeyId: string | null
}

/** A partner company's login: reads only the leads and customers it sourced or bought. */
export type PartnerActor = {
  kind: 'partner'
  companyId: string
  partnerCompanyId: string
  partnerName: string
  label: string
  sessionId: string
}

/** Who is making a request, resolved once per request by the auth hook. */
export type Actor = UserActor | PartnerActor

export function assertPermission(actor: Actor, permission: Permission): asserts actor is UserActor {
  if (actor.kind !== 'user' || !actor.permissions.has(permission)) {
    throw new AppError('forbidden', `This needs the "${permission}" permission`)
  }
}

export function assertUser(actor: Actor): asserts actor is UserActor {
  if (actor.kind !== 'user') throw new AppError('forbidden', 'Partner logins can only read')
}

export const permissionsOf = (actor: Actor): Permission[] =>
  actor.kind === 'user' ? [...actor.permissions] : []

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null
  }
  interface FastifyContextConfig {
    /** Reachable without logging in (login, sign-up). Everything outside /api/ is public anyway. */
    public?: boolean
    /** A partner login may call this route (reads of its own records, /me, logout); others answer 403. */
    partnerAccess?: boolean
  }
}

/** The actor of an authenticated route; the auth hook guarantees it is set. */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new AppError('unauthorized', 'Log in first')
  return request.actor
}
