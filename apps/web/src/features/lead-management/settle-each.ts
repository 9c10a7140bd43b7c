import { errorMessage } from '../../app/api.ts'

export type Settled = { done: string[]; failed: { id: string; detail: string }[] }

/**
 * Runs `act` for each id, a few at a time, each succeeding or failing on its own: the API
 * accepts and declines one lead per request, and one refusal must not stop the rest.
 */
export async function settleEach(
  ids: readonly string[],
  act: (id: string) => Promise<unknown>,
  parallel = 4,
): Promise<Settled> {
  const outcome = new Map<string, string | null>()
  let next = 0
  async function worker() {
    while (next < ids.length) {
      const id = ids[next++] as string
      try {
        await act(id)
        outcome.set(id, null)
      } catch (error) {
        outcome.set(id, errorMessage(error))
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, ids.length) }, worker))
  const done: string[] = []
  const failed: Settled['failed'] = []
  // In the order given, whatever order they finished in.
  for (const id of ids) {
    const detail = outcome.get(id)
    if (detail === null) done.push(id)
    else failed.push({ id, detail: detail ?? 'No answer for this one' })
  }
  return { done, failed }
}
