import { z } from 'zod'
// Installs the plain-language error map before any schema is used.
import './messages.ts'

export const Id = z.uuid()
export const IdParams = z.object({ id: Id })
export const Timestamp = z.iso.datetime({ offset: true })

/** Keyset pagination: `cursor` is opaque to clients, `limit` is capped at 200. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
})
export type PageQuery = z.infer<typeof PageQuery>

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() })

export const ProblemFieldError = z.object({ path: z.string(), message: z.string() })
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(ProblemFieldError).optional(),
  })
  .meta({ id: 'Problem' })
export type Problem = z.infer<typeof Problem>

/** Passwords: length only (NIST 800-63B) — at least 8, up to 128 characters, no composition rules. */
export const Password = z.string().min(8, 'Use at least 8 characters').max(128)
export const Email = z.email().max(254)

/** Totals are counted exactly up to this many rows; beyond, the answer says "at least". */
export const TOTAL_CAP = 10_000

/** A page of a list that also says how many rows match its filters (`countedPage`). */
export const countedPage = <T extends z.ZodType>(item: T) =>
  page(item).extend({
    total: z.number().int().describe(`Rows matching the filters, counted up to ${TOTAL_CAP}`),
    totalIsLowerBound: z.boolean().optional().describe(`true when more than ${TOTAL_CAP} match`),
  })

/** `?sort=` values: each key ascending, or descending with a leading `-`. */
export const sortParam = <const K extends readonly [string, ...string[]]>(
  keys: K,
  fallback: K[number] | `-${K[number]}`,
) =>
  z
    .enum(keys.flatMap((k) => [k, `-${k}`]) as [string, ...string[]])
    .default(fallback)
    .describe(`One of ${keys.join(', ')}; a leading - sorts descending; ties are broken by id`)

/** What a bulk action did: the ids it changed, and each one it could not with the reason in words. */
export const BulkResult = z
  .object({
    done: z.array(Id),
    failed: z.array(z.object({ id: z.string(), detail: z.string() })),
  })
  .meta({ id: 'BulkResult' })
export type BulkResult = z.infer<typeof BulkResult>

/** At most this many records in one bulk action. */
export const BULK_MAX = 1000
