import type { Selectable } from 'kysely'
import type { Conn } from '../../db/client.ts'
import { nameTaken } from '../../db/constraints.ts'
import type { RolesTable } from '../../db/schema.ts'

export type RoleRow = Pick<Selectable<RolesTable>, 'id' | 'name' | 'permissions' | 'builtin'>

const roles = (conn: Conn, companyId: string) =>
  conn
    .selectFrom('roles')
    .where('company_id', '=', companyId)
    .select(['id', 'name', 'permissions', 'builtin'])

export const listRoles = (conn: Conn, companyId: string): Promise<RoleRow[]> =>
  roles(conn, companyId).orderBy('builtin').orderBy('name').execute()

export const findRole = (conn: Conn, companyId: string, id: string): Promise<RoleRow | undefined> =>
  roles(conn, companyId).where('id', '=', id).executeTakeFirst()

/** The subset of `ids` that are roles of the company. */
export async function existingRoleIds(conn: Conn, companyId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await conn
    .selectFrom('roles')
    .where('company_id', '=', companyId)
    .where('id', 'in', ids)
    .select('id')
    .execute()
  return new Set(rows.map((r) => r.id))
}

export const roleNameTaken = (conn: Conn, companyId: string, name: string, exceptId?: string) =>
  nameTaken(conn, 'roles', companyId, name, exceptId)

export async function insertRole(
  conn: Conn,
  companyId: string,
  role: { id: string; name: string; permissions: readonly string[]; builtin: string | null },
) {
  await conn
    .insertInto('roles')
    .values({
      company_id: companyId,
      id: role.id,
      name: role.name,
      permissions: [...role.permissions],
      builtin: role.builtin,
    })
    .execute()
}

export async function updateRole(
  conn: Conn,
  companyId: string,
  id: string,
  patch: { name?: string; permissions?: readonly string[] },
) {
  await conn
    .updateTable('roles')
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.permissions !== undefined && { permissions: [...patch.permissions] }),
    })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute()
}

export async function deleteRole(conn: Conn, companyId: string, id: string) {
  await conn.deleteFrom('roles').where('company_id', '=', companyId).where('id', '=', id).execute()
}
