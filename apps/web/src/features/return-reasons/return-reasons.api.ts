import { api, getAll } from '../../app/api.ts'
import type { ReturnReason } from '../../app/contracts.ts'

const base = '/api/v1/return-reasons'
const one = (id: string) => `${base}/${encodeURIComponent(id)}`

export const listReturnReasons = (signal?: AbortSignal) => getAll<ReturnReason>(base, signal)
export const createReturnReason = (input: { name: string; position?: number }) =>
  api.post<ReturnReason>(base, input)
export const updateReturnReason = (id: string, input: { name?: string; position?: number }) =>
  api.patch<ReturnReason>(one(id), input)
/** 409 for the last reason: a company keeps at least one. */
export const deleteReturnReason = (id: string) => api.delete(one(id))

/** The highest position the API accepts. */
export const maxPosition = 1000

export type { ReturnReason }
