import { api, getAll } from '../../app/api.ts'
import type { PermissionInfo, Role, RoleInput } from '../../app/contracts.ts'

export const listRoles = (signal?: AbortSignal) => getAll<Role>('/api/v1/roles', signal)
export const createRole = (input: RoleInput) => api.post<Role>('/api/v1/roles', input)
export const updateRole = (id: string, input: Partial<RoleInput>) =>
  api.patch<Role>(`/api/v1/roles/${encodeURIComponent(id)}`, input)
export const deleteRole = (id: string) => api.delete(`/api/v1/roles/${encodeURIComponent(id)}`)

export async function listPermissions(signal?: AbortSignal): Promise<PermissionInfo[]> {
  const { items } = await api.get<{ items: PermissionInfo[] }>(
    '/api/v1/permissions',
    signal ? { signal } : undefined,
  )
  return items
}

export type { PermissionInfo, Role, RoleInput }
