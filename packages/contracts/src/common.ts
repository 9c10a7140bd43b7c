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
