import { BULK_MAX, type BulkResult } from '@tributary/contracts'
import { AppError, fieldError } from './errors.ts'

/**
 * One single action on each record, one transaction each, so a record that breaks a rule
 * (another company's, in the wrong state, gone) is reported and the others still change.
 * Anything but a rule (the database away) stops the run and answers as the single action would.
 */
export async function eachRecord(
  ids: readonly string[],
  act: (id: string) => Promise<unknown>,
): Promise<BulkResult> {
  const result: BulkResult = { done: [], failed: [] }
  for (const id of new Set(ids)) {
    try {
      await act(id)
      result.done.push(id)
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      const fields = error.details.errors?.map((e) => e.message).join('; ')
      result.failed.push({
        id,
        detail: fields && fields !== error.message ? `${error.message}: ${fields}` : error.message,
      })
    }
  }
  return result
}

/** The ids a bulk action names, or those its filter matches — refused when more than BULK_MAX do. */
export async function bulkIds(
  ids: string[] | undefined,
  matching: (limit: number) => Promise<string[]>,
  noun: string,
): Promise<string[]> {
  if (ids) return ids
  const found = await matching(BULK_MAX + 1)
  if (found.length > BULK_MAX)
    throw fieldError(
      'filter',
      `More than ${BULK_MAX.toLocaleString('en-US')} ${noun} match; narrow the filter`,
    )
  return found
}
