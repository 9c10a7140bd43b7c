import { createHash } from 'node:crypto'
import type { Tx } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import * as repo from './idempotency.repo.ts'

export const KEEP_DAYS = 8

export type Keyed<T> = { status: number; body: T; replayed: boolean }

const hashOf = (body: unknown) => createHash('sha256').update(JSON.stringify(body)).digest()

/**
 * Runs `work` once per Idempotency-Key within a scope, inside the caller's transaction: a
 * repeat with the same body gets the first answer back; the same key with another body is
 * refused. Failed attempts store nothing, so a retry after an error runs again.
 */
export async function onceForKey<T>(
  tx: Tx,
  companyId: string,
  scope: string,
  key: string,
  requestBody: unknown,
  work: () => Promise<{ status: number; body: T }>,
): Promise<Keyed<T>> {
  await repo.lockKey(tx, companyId, scope, key)
  const requestHash = hashOf(requestBody)
  const seen = await repo.findKey(tx, companyId, scope, key)
  if (seen) {
    // PGlite hands bytea back as a plain Uint8Array.
    if (!Buffer.from(seen.request_hash).equals(requestHash)) {
      throw new AppError('unprocessable', 'This Idempotency-Key was used with another request body', {
        type: 'idempotency-key-reused',
      })
    }
    return { status: seen.status, body: seen.response as T, replayed: true }
  }
  const result = await work()
  await repo.insertKey(tx, companyId, {
    scope,
    key,
    requestHash,
    status: result.status,
    response: result.body,
  })
  return { ...result, replayed: false }
}
