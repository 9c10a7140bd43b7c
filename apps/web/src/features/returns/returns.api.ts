import { api } from '../../app/api.ts'
import type { ReturnLeadsInput, ReturnOutcome } from '../../app/contracts.ts'

/** The reason (one of the company's return reasons, by name) and comments of a return. */
export type ReturnInput = Omit<ReturnLeadsInput, 'leadIds'>

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

export type { ReturnOutcome }
