import { api } from '../../app/api.ts'

/** Each id is returned or fails on its own (with why); the others still go. */
export type ReturnOutcome = { returned: string[]; failed: { id: string; detail: string }[] }

export type ReturnInput = {
  /** The name of one of the company's return reasons. */
  reason: string
  callCenterComments?: string
}

export type ReturnKind = 'lead' | 'customer'

/** Returns leads or customers to their sources; the sources' return notification emails hear of it. */
export function returnRecords(kind: ReturnKind, ids: string[], input: ReturnInput): Promise<ReturnOutcome> {
  return kind === 'lead'
    ? api.post<ReturnOutcome>('/api/v1/leads/return', { leadIds: ids, ...input })
    : api.post<ReturnOutcome>('/api/v1/customers/return', { customerIds: ids, ...input })
}

/** The most ids one return takes (packages/contracts/src/returns.ts). */
export const maxPerReturn = 500

/** The most comments a return carries (packages/contracts/src/returns.ts). */
export const maxCommentsLength = 2000
