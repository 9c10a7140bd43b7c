import { api, getAll } from '../../app/api.ts'
import type { ApiKey, CreatedApiKey } from '../../app/contracts.ts'

const base = '/api/v1/api-keys'

export const listApiKeys = (signal?: AbortSignal) => getAll<ApiKey>(base, signal)
/** The answer is the only time the key itself is shown: the server keeps only its hash. */
export const createApiKey = (name: string) => api.post<CreatedApiKey>(base, { name })
export const revokeApiKey = (id: string) => api.delete(`${base}/${encodeURIComponent(id)}`)

export type { ApiKey, CreatedApiKey }
