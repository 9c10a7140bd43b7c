import { z } from 'zod'
import { Id, PageQuery, Timestamp } from './common.ts'

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

/** The audit log, narrowed: by the person who acted, by what was changed, and by time (`until` exclusive). */
export const AuditQuery = PageQuery.extend({
  userId: Id.optional().describe('Entries of the changes this user made'),
  entityType: z
    .string()
    .regex(/^[a-z_]{1,50}$/, 'Kind must be a word such as user or partner_company')
    .optional()
    .describe('What was changed: user, role, api_key, tag, partner_company, …'),
  from: Timestamp.optional().describe('Entries at or after this time'),
  until: Timestamp.optional().describe('Entries before this time'),
})
export type AuditQuery = z.infer<typeof AuditQuery>
