import type { CreateUserBody, PageQuery, UpdateUserBody, User } from '@tributary/contracts'
import type { Conn } from '../../db/client.ts'
import { type Actor, assertPermission } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { idAfter, toPage } from '../../lib/cursor.ts'
import { AppError, fieldError, notFound } from '../../lib/errors.ts'
import { newId } from '../../lib/ids.ts'
import { hashPassword } from '../../lib/passwords.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { endSessions } from '../auth/auth.service.ts'
import { assertRolesExist, rolesGrant } from '../roles/roles.service.ts'
import * as repo from './users.repo.ts'

export function toUser(row: repo.UserRow): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    disabled: row.disabled,
    leadNotifications: row.lead_notifications,
    roleIds: row.role_ids,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}

async function assertEmailFree(conn: Conn, companyId: string, email: string, exceptId?: string) {
  if (await repo.emailTaken(conn, companyId, email, exceptId)) {
    throw fieldError('email', 'A user with this email already exists', 'conflict')
  }
}

/**
 * Adds a user inside the caller's transaction. Without an explicit choice, a new user
 * receives lead notifications only while nobody else does (seed 004's rule).
 */
export async function addUser(conn: Conn, companyId: string, input: CreateUserBody): Promise<User> {
  await assertEmailFree(conn, companyId, input.email)
  await assertRolesExist(conn, companyId, input.roleIds)
  const id = newId()
  const leadNotifications =
    input.leadNotifications ?? !(await repo.anyLeadNotificationRecipient(conn, companyId))
  await repo.insertUser(conn, companyId, {
    id,
    name: input.name,
    email: input.email,
    passwordHash: await hashPassword(input.password),
    leadNotifications,
  })
  await repo.setUserRoles(conn, companyId, id, input.roleIds)
  return toUser((await repo.findUser(conn, companyId, id)) as repo.UserRow)
}

/** The user list names everyone's email: for admins and for managers who assign leads. */
function assertMaySeeUsers(actor: Actor) {
  if (actor.kind === 'user' && actor.permissions.has('assign_leads')) return
  assertPermission(actor, 'manage_users')
}

export async function listUsers(ctx: AppContext, actor: Actor, query: PageQuery) {
  assertMaySeeUsers(actor)
  const after = idAfter(query.cursor)
  const rows = await repo.listUsers(ctx.db, actor.companyId, query.limit + 1, after)
  return toPage(rows, query.limit, (r) => [r.id], toUser)
}

export async function findUserById(conn: Conn, companyId: string, id: string): Promise<User | null> {
  const row = await repo.findUser(conn, companyId, id)
  return row ? toUser(row) : null
}

/** The users flagged for lead notification emails (seed 004's default recipients). */
export const leadNotificationUserIds = async (conn: Conn, companyId: string) =>
  (await repo.leadNotificationRecipients(conn, companyId)).map((r) => r.id)

/** The addresses of the active users flagged for lead notifications. */
export const leadNotificationUserEmails = (conn: Conn, companyId: string) =>
  repo.leadNotificationEmails(conn, companyId)

/** Which of `ids` are not (live) users of the company. */
export async function unknownUsers(conn: Conn, companyId: string, ids: string[]) {
  const known = new Set(await repo.liveUserIds(conn, companyId, ids))
  return ids.filter((id) => !known.has(id))
}

/** Flags exactly `ids` for lead notifications, every other user not. */
export const setLeadNotificationUsers = (conn: Conn, companyId: string, ids: string[]) =>
  repo.setLeadNotificationRecipients(conn, companyId, ids)

/** Who hears of company-wide failures (a delivery that gave up): its administrators. */
export const administratorEmails = (conn: Conn, companyId: string) =>
  repo.emailsWithPermission(conn, companyId, 'manage_settings')

export async function getUser(ctx: AppContext, actor: Actor, id: string): Promise<User> {
  if (actor.kind !== 'user' || actor.userId !== id) assertMaySeeUsers(actor)
  const user = await findUserById(ctx.db, actor.companyId, id)
  if (!user) throw notFound('User')
  return user
}

export async function createUser(ctx: AppContext, actor: Actor, input: CreateUserBody): Promise<User> {
  assertPermission(actor, 'manage_users')
  return ctx.db.transaction().execute(async (tx) => {
    const user = await addUser(tx, actor.companyId, input)
    await recordAudit(tx, actor, 'create', 'user', user.id, { ...input, password: true })
    return user
  })
}

export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateUserBody,
): Promise<User> {
  assertPermission(actor, 'manage_users')
  return ctx.db.transaction().execute(async (tx) => {
    const before = await repo.findUser(tx, actor.companyId, id)
    if (!before) throw notFound('User')
    if (id === actor.userId && input.disabled)
      throw fieldError('disabled', 'You cannot disable yourself', 'unprocessable')
    if (input.email !== undefined) await assertEmailFree(tx, actor.companyId, input.email, id)
    if (input.roleIds !== undefined) {
      await assertRolesExist(tx, actor.companyId, input.roleIds)
      // Nobody locks themselves (and perhaps the whole company) out of user management.
      if (id === actor.userId && !(await rolesGrant(tx, actor.companyId, input.roleIds, 'manage_users'))) {
        throw fieldError('roleIds', 'You would lose the manage_users permission', 'unprocessable')
      }
      await repo.setUserRoles(tx, actor.companyId, id, input.roleIds)
    }
    await repo.updateUser(tx, actor.companyId, id, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.email !== undefined && { email: input.email }),
      ...(input.password !== undefined && { passwordHash: await hashPassword(input.password) }),
      ...(input.disabled !== undefined && { disabled: input.disabled }),
      ...(input.leadNotifications !== undefined && { leadNotifications: input.leadNotifications }),
    })
    // A disabled user, or one whose password was reset, is logged out everywhere.
    if (input.disabled || input.password !== undefined) await endSessions(tx, actor.companyId, { userId: id })
    await recordAudit(tx, actor, 'update', 'user', id, input)
    return toUser((await repo.findUser(tx, actor.companyId, id)) as repo.UserRow)
  })
}

export async function deleteUser(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  assertPermission(actor, 'manage_users')
  if (id === actor.userId) throw new AppError('unprocessable', 'You cannot delete yourself')
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await repo.findUser(tx, actor.companyId, id))) throw notFound('User')
    // Kept as a tombstone: leads and timelines still name who worked them.
    await repo.updateUser(tx, actor.companyId, id, { deleted: true, disabled: true })
    await endSessions(tx, actor.companyId, { userId: id })
    await recordAudit(tx, actor, 'delete', 'user', id)
  })
}
