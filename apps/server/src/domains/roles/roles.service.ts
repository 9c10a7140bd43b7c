import type { CreateRoleBody, UpdateRoleBody } from '@tributary/contracts'
import {
  type BuiltinRole,
  builtinRoles,
  type Permission,
  permissionNames,
  permissions,
  type Role,
} from '@tributary/contracts'
import type { z } from 'zod'
import type { Conn } from '../../db/client.ts'
import { type Actor, assertPermission } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError, fieldError, notFound } from '../../lib/errors.ts'
import { newId } from '../../lib/ids.ts'
import { recordAudit } from '../audit/audit.service.ts'
import * as repo from './roles.repo.ts'

const toRole = (row: repo.RoleRow): Role => ({
  id: row.id,
  name: row.name,
  permissions: row.permissions.filter((p): p is Permission => p in permissions),
  builtin: row.builtin !== null,
})

export async function createBuiltinRoles(
  conn: Conn,
  companyId: string,
): Promise<Record<BuiltinRole, string>> {
  const ids = {} as Record<BuiltinRole, string>
  for (const [key, role] of Object.entries(builtinRoles) as [
    BuiltinRole,
    (typeof builtinRoles)[BuiltinRole],
  ][]) {
    ids[key] = newId()
    await repo.insertRole(conn, companyId, {
      id: ids[key],
      name: role.name,
      permissions: role.permissions,
      builtin: key,
    })
  }
  return ids
}

/** Field errors (`roleIds.N`) for ids that are not roles of the company. */
export async function assertRolesExist(conn: Conn, companyId: string, roleIds: string[]) {
  const found = await repo.existingRoleIds(conn, companyId, roleIds)
  const errors = roleIds.flatMap((id, i) =>
    found.has(id) ? [] : [{ path: `roleIds.${i}`, message: 'No such role' }],
  )
  if (errors.length) throw new AppError('unprocessable', 'Some roles do not exist', { errors })
}

/** Whether any of these roles grants `permission`. */
export async function rolesGrant(conn: Conn, companyId: string, roleIds: string[], permission: Permission) {
  const roles = await Promise.all(roleIds.map((id) => repo.findRole(conn, companyId, id)))
  return roles.some((role) => role?.permissions.includes(permission))
}

export const listPermissions = () => permissionNames.map((name) => ({ name, description: permissions[name] }))

export async function listRoles(ctx: AppContext, actor: Actor) {
  const rows = await repo.listRoles(ctx.db, actor.companyId)
  return { items: rows.map(toRole), nextCursor: null }
}

export async function getRole(ctx: AppContext, actor: Actor, id: string): Promise<Role> {
  const row = await repo.findRole(ctx.db, actor.companyId, id)
  if (!row) throw notFound('Role')
  return toRole(row)
}

export async function createRole(ctx: AppContext, actor: Actor, input: z.infer<typeof CreateRoleBody>) {
  assertPermission(actor, 'manage_users')
  return ctx.db.transaction().execute(async (tx) => {
    if (await repo.roleNameTaken(tx, actor.companyId, input.name)) {
      throw fieldError('name', 'A role with this name already exists', 'conflict')
    }
    const id = newId()
    await repo.insertRole(tx, actor.companyId, {
      id,
      name: input.name,
      permissions: input.permissions,
      builtin: null,
    })
    await recordAudit(tx, actor, 'create', 'role', id, input)
    return toRole((await repo.findRole(tx, actor.companyId, id)) as repo.RoleRow)
  })
}

export async function updateRole(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof UpdateRoleBody>,
) {
  assertPermission(actor, 'manage_users')
  return ctx.db.transaction().execute(async (tx) => {
    const role = await repo.findRole(tx, actor.companyId, id)
    if (!role) throw notFound('Role')
    if (role.builtin) throw new AppError('conflict', 'Built-in roles cannot be changed; create a custom role')
    if (input.name !== undefined && (await repo.roleNameTaken(tx, actor.companyId, input.name, id))) {
      throw fieldError('name', 'A role with this name already exists', 'conflict')
    }
    await repo.updateRole(tx, actor.companyId, id, input)
    await recordAudit(tx, actor, 'update', 'role', id, input)
    return toRole((await repo.findRole(tx, actor.companyId, id)) as repo.RoleRow)
  })
}

export async function deleteRole(ctx: AppContext, actor: Actor, id: string) {
  assertPermission(actor, 'manage_users')
  await ctx.db.transaction().execute(async (tx) => {
    const role = await repo.findRole(tx, actor.companyId, id)
    if (!role) throw notFound('Role')
    if (role.builtin) throw new AppError('conflict', 'Built-in roles cannot be deleted')
    await repo.deleteRole(tx, actor.companyId, id)
    await recordAudit(tx, actor, 'delete', 'role', id, { name: role.name })
  })
}
