import { api, getAll } from '../../app/api.ts'
import type { CreateUserInput, UpdateUserInput, User } from '../../app/contracts.ts'

export const listUsers = (signal?: AbortSignal) => getAll<User>('/api/v1/users', signal)
export const createUser = (input: CreateUserInput) => api.post<User>('/api/v1/users', input)
export const updateUser = (id: string, input: UpdateUserInput) =>
  api.patch<User>(`/api/v1/users/${encodeURIComponent(id)}`, input)
export const deleteUser = (id: string) => api.delete(`/api/v1/users/${encodeURIComponent(id)}`)

export type { CreateUserInput, UpdateUserInput, User }
