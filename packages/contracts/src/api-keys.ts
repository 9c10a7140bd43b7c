import { z } from 'zod'
import { Id, Timestamp } from './common.ts'

export const ApiKey = z
  .object({
    id: Id,
    name: z.string(),
    prefix: z.string(),
    userId: Id,
    createdAt: Timestamp,
    lastUsedAt: Timestamp.nullable(),
  })
  .meta({ id: 'ApiKey' })

export const CreateApiKeyBody = z.strictObject({ name: z.string().trim().min(1).max(100) })
/** The only time the key is shown: it is stored hashed. */
export const CreatedApiKey = ApiKey.extend({ key: z.string() })
