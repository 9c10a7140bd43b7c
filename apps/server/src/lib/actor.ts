import type { Permission } from '@tributary/contracts'
import { AppError } from './errors.ts'

/** Who is making a request, resolved once per request by the auth hook. */
export type Actor = {
  kind: 'user'
  companyId: string
  userId: string
  /** For the audit log; never personal data beyond the user's own display name. */
  label: string
  permissions: ReadonlySet<Permission>
  sessionId: string | null
  apiKeyId: string | null
}

export function assertPermission(actor: Actor, permission: Permission): void {
  if (!actor.permissions.has(permission)) {
    throw new AppError('forbidden', `This needs the "${permission}" permission`)
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null
  }
  interface FastifyContextConfig {
    /** Reachable without logging in (login, signup, health). */
    public?: boolean
  }
}

/** The actor of an authenticated route; the auth hook guarantees it is set. */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new AppError('unauthorized', 'Log in first')
  return request.actor
}
