import { z } from 'zod'
import { Id, Timestamp } from './common.ts'

export const AuditEntry = z
  .object({
    id: Id,
    at: Timestamp,
    actor: z.object({ userId: Id.nullable(), label: z.string() }),
    action: z.enum(['create', 'update', 'delete']),
    entityType: z.string(),
    entityId: Id.nullable(),
    changes: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' })
