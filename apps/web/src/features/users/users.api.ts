import { api, getAll } from '../../app/api.ts'

export type User = {
  id: string
  name: string
  email: string
  disabled: boolean
  leadNotifications: boolean
  roleIds: string[]
  createdAt: string
  updatedAt: string
}

export type CreateUserInput = {
  name: string
  email: string
  password: string
  roleIds: string[]
  leadNotifications: boolean
}

export type UpdateUserInput = Partial<CreateUserInput> & { disabled?: boolean }

export const listUsers = (signal?: AbortSignal) => getAll<User>('/api/v1/users', signal)
export const createUser = (input: CreateUserInput) => api.post<User>('/api/v1/users', input)
export const updateUser = (id: string, input: UpdateUserInput) =>
  api.patch<User>(`/api/v1/users/${encodeURIComponent(id)}`, input)
export const deleteUser = (id: string) => api.delete(`/api/v1/users/${encodeURIComponent(id)}`)
