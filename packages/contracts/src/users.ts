import { z } from 'zod'
import { Email, Id, Password, Timestamp } from './common.ts'

export const User = z
  .object({
    id: Id,
    name: z.string(),
    email: z.string(),
    disabled: z.boolean(),
    leadNotifications: z.boolean(),
    roleIds: z.array(Id),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'User' })
export type User = z.infer<typeof User>

export const CreateUserBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: Email,
  password: Password,
  roleIds: z.array(Id).max(50).default([]),
  leadNotifications: z.boolean().optional(),
})
export type CreateUserBody = z.infer<typeof CreateUserBody>

export const UpdateUserBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  email: Email.optional(),
  password: Password.optional(),
  roleIds: z.array(Id).max(50).optional(),
  disabled: z.boolean().optional(),
  leadNotifications: z.boolean().optional(),
})
export type UpdateUserBody = z.infer<typeof UpdateUserBody>
