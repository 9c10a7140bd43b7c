import { type Selectable, sql } from 'kysely'
import type { Conn } from '../../db/client.ts'
import type { UsersTable } from '../../db/schema.ts'

export type UserRow = Pick<
  Selectable<UsersTable>,
  'id' | 'name' | 'email' | 'disabled' | 'lead_notifications' | 'created_at' | 'updated_at'
> & { role_ids: string[] }

const live = (conn: Conn, companyId: string) =>
  conn
    .selectFrom('users as u')
    .where('u.company_id', '=', companyId)
    .where('u.deleted_at', 'is', null)
    .select([
      'u.id',
      'u.name',
      'u.email',
      'u.disabled',
      'u.lead_notifications',
      'u.created_at',
      'u.updated_at',
      sql<string[]>`array(select ur.role_id from user_roles ur
        where ur.company_id = u.company_id and ur.user_id = u.id order by ur.role_id)`.as('role_ids'),
    ])

export const findUser = (conn: Conn, companyId: string, id: string): Promise<UserRow | undefined> =>
  live(conn, companyId).where('u.id', '=', id).executeTakeFirst()

export const listUsers = (
  conn: Conn,
  companyId: string,
  limit: number,
  afterId?: string,
): Promise<UserRow[]> =>
  live(conn, companyId)
    .$if(afterId !== undefined, (q) => q.where('u.id', '>', afterId as string))
    .orderBy('u.id')
    .limit(limit)
    .execute()

export async function emailTaken(conn: Conn, companyId: string, email: string, exceptId?: string) {
  const row = await conn
    .selectFrom('users')
    .where('company_id', '=', companyId)
    .where('deleted_at', 'is', null)
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .$if(exceptId !== undefined, (q) => q.where('id', '<>', exceptId as string))
    .select('id')
    .executeTakeFirst()
  return row !== undefined
}

export async function anyLeadNotificationRecipient(conn: Conn, companyId: string): Promise<boolean> {
  const row = await conn
    .selectFrom('users')
    .where('company_id', '=', companyId)
    .where('deleted_at', 'is', null)
    .where('lead_notifications', '=', true)
    .select('id')
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

export type NewUser = {
  id: string
  name: string
  email: string
  passwordHash: string
  leadNotifications: boolean
}

export async function insertUser(conn: Conn, companyId: string, user: NewUser): Promise<void> {
  await conn
    .insertInto('users')
    .values({
      company_id: companyId,
      id: user.id,
      name: user.name,
      email: user.email,
      password_hash: user.passwordHash,
      lead_notifications: user.leadNotifications,
    })
    .execute()
}

export type UserPatch = Partial<{
  name: string
  email: string
  passwordHash: string
  disabled: boolean
  leadNotifications: boolean
  deleted: boolean
}>

export async function updateUser(conn: Conn, companyId: string, id: string, patch: UserPatch): Promise<void> {
  await conn
    .updateTable('users')
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.email !== undefined && { email: patch.email }),
      ...(patch.passwordHash !== undefined && { password_hash: patch.passwordHash }),
      ...(patch.disabled !== undefined && { disabled: patch.disabled }),
      ...(patch.leadNotifications !== undefined && { lead_notifications: patch.leadNotifications }),
      ...(patch.deleted && { deleted_at: sql<Date>`now()` }),
      updated_at: sql<Date>`now()`,
    })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute()
}

export async function setUserRoles(conn: Conn, companyId: string, userId: string, roleIds: string[]) {
  await conn
    .deleteFrom('user_roles')
    .where('company_id', '=', companyId)
    .where('user_id', '=', userId)
    .execute()
  if (roleIds.length === 0) return
  await conn
    .insertInto('user_roles')
    .values(
      [...new Set(roleIds)].map((roleId) => ({ company_id: companyId, user_id: userId, role_id: roleId })),
    )
    .execute()
}

/** Emails of the active users who hold a permission through any of their roles. */
export async function emailsWithPermission(conn: Conn, companyId: string, permission: string) {
  const { rows } = await sql<{ email: string }>`select u.email from users u
    where u.company_id = ${companyId} and u.deleted_at is null and not u.disabled
      and exists (select 1 from user_roles ur join roles r on r.company_id = ur.company_id and r.id = ur.role_id
        where ur.company_id = u.company_id and ur.user_id = u.id and ${permission} = any(r.permissions))`.execute(
    conn,
  )
  return rows.map((r) => r.email)
}

/** Exactly `ids` are lead notification recipients afterwards. */
export async function setLeadNotificationRecipients(conn: Conn, companyId: string, ids: string[]) {
  await sql`update users set lead_notifications = (id = any(${ids}::uuid[]))
    where company_id = ${companyId} and deleted_at is null`.execute(conn)
}

export async function liveUserIds(conn: Conn, companyId: string, ids: string[]) {
  if (ids.length === 0) return []
  const rows = await conn
    .selectFrom('users')
    .where('company_id', '=', companyId)
    .where('deleted_at', 'is', null)
    .where('id', 'in', ids)
    .select('id')
    .execute()
  return rows.map((r) => r.id)
}

export const leadNotificationRecipients = (conn: Conn, companyId: string) =>
  conn
    .selectFrom('users')
    .where('company_id', '=', companyId)
    .where('deleted_at', 'is', null)
    .where('lead_notifications', '=', true)
    .select('id')
    .orderBy('id')
    .execute()

export const leadNotificationEmails = async (conn: Conn, companyId: string) =>
  (
    await conn
      .selectFrom('users')
      .where('company_id', '=', companyId)
      .where('deleted_at', 'is', null)
      .where('disabled', '=', false)
      .where('lead_notifications', '=', true)
      .select('email')
      .execute()
  ).map((r) => r.email)
