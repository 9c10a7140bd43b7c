import { z } from 'zod'
import { Id } from './common.ts'
import { PermissionName } from './permissions.ts'

export const Role = z
  .object({ id: Id, name: z.string(), permissions: z.array(PermissionName), builtin: z.boolean() })
  .meta({ id: 'Role' })
export type Role = z.infer<typeof Role>

export const CreateRoleBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  permissions: z.array(PermissionName).max(100),
})
export const UpdateRoleBody = CreateRoleBody.partial()

export const PermissionInfo = z.object({ name: PermissionName, description: z.string() })
