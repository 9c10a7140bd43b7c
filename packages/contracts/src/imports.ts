import { z } from 'zod'
import { Id, PageQuery, page, Timestamp } from './common.ts'

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
    /** Every problem of the refused rows (the first 1,000); errors.csv has all the rows. */
    errors: z.array(z.object({ row: z.number().int(), path: z.string().optional(), message: z.string() })),
    failure: z.string().nullable(),
    createdBy: z.string(),
    createdAt: Timestamp,
    finishedAt: Timestamp.nullable(),
  })
  .meta({ id: 'Import' })
export type Import = z.infer<typeof Import>

/** A past import in the list: its counts without the row problems. */
export const ImportSummary = Import.omit({ errors: true }).meta({ id: 'ImportSummary' })
export type ImportSummary = z.infer<typeof ImportSummary>
export const ImportList = page(ImportSummary)
export type ImportList = z.infer<typeof ImportList>
export const ImportListQuery = PageQuery

export const LeadImportQuery = z.object({
  partnerCompanyId: Id.optional().describe('The source of rows that name none'),
  columns: z
    .string()
    .max(5000)
    .optional()
    .describe(
      'The lead field of each column of the file, in order and comma-separated; empty ignores the column. ' +
        'Without it the header row names the fields ("First Name", "E-mail", "Zip", "Source", …). ' +
        'The choices are remembered for the company (GET /imports/mapping).',
    ),
})

/** The company's last choice for each header (normalised: lower case, no spaces, `_` or `-`). */
export const ImportMapping = z
  .object({ columns: z.record(z.string(), z.string().nullable()) })
  .meta({ id: 'ImportMapping' })
export type ImportMapping = z.infer<typeof ImportMapping>

export * from './import-columns.ts'
