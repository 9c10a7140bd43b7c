import { api, getAll } from '../../app/api.ts'
import type { Tag } from '../../app/contracts.ts'

export const listTags = (signal?: AbortSignal) => getAll<Tag>('/api/v1/tags', signal)
export const createTag = (name: string) => api.post<Tag>('/api/v1/tags', { name })
export const renameTag = (id: string, name: string) =>
  api.patch<Tag>(`/api/v1/tags/${encodeURIComponent(id)}`, { name })
export const deleteTag = (id: string) => api.delete(`/api/v1/tags/${encodeURIComponent(id)}`)

export type { Tag }
