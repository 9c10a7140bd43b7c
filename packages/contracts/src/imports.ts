import { z } from 'zod'
import { Id, Timestamp } from './common.ts'

export const ImportState = z.enum(['uploading', 'queued', 'running', 'done', 'failed'])

export const Import = z
  .object({
    id: Id,
    kind: z.literal('leads'),
    state: ImportState,
    /** 0–1, by bytes of the file read so far. */
    progress: z.number(),
    processedRows: z.number().int(),
    createdRows: z.number().int(),
    failedRows: z.number().int(),
    errors: z.array(z.object({ row: z.number().int(), path: z.string().optional(), message: z.string() })),
    failure: z.string().nullable(),
    createdAt: Timestamp,
    finishedAt: Timestamp.nullable(),
  })
  .meta({ id: 'Import' })
export type Import = z.infer<typeof Import>

export const LeadImportQuery = z.object({
  partnerCompanyId: Id.optional().describe('The source of rows that name none'),
})

export { leadImportColumns } from './import-columns.ts'
