import { api, type Page } from '../../app/api.ts'
import type { ImportMapping, ImportState, ImportSummary, LeadImport } from '../../app/contracts.ts'

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : undefined)
const one = (id: string) => `/api/v1/imports/${encodeURIComponent(id)}`

/**
 * Sends a CSV file as it is, with the field of each column (null: ignored); the answer is the
 * import job, to follow with getImport.
 */
export function importLeads(file: Blob, defaultPartnerCompanyId: string | null, columns: (string | null)[]) {
  const params = new URLSearchParams()
  if (defaultPartnerCompanyId) params.set('partnerCompanyId', defaultPartnerCompanyId)
  params.set('columns', columns.map((c) => c ?? '').join(','))
  return api.upload<LeadImport>(`/api/v1/leads/import?${params}`, file, 'text/csv')
}

export const getImport = (id: string, signal?: AbortSignal) =>
  api.get<LeadImport>(one(id), withSignal(signal))

export const listImports = (cursor: string | null, signal?: AbortSignal) =>
  api.get<Page<ImportSummary>>(
    `/api/v1/imports?limit=20${cursor ? `&cursor=${cursor}` : ''}`,
    withSignal(signal),
  )

/** The company's remembered field for each header. */
export const getImportMapping = (signal?: AbortSignal) =>
  api.get<ImportMapping>('/api/v1/imports/mapping', withSignal(signal))

/** errors.csv of an import: the refused rows as uploaded with their problems (a download). */
export const errorsCsvUrl = (id: string) => `${one(id)}/errors.csv`

export {
  leadImportColumnLabels as columnLabels,
  leadImportColumns as importColumns,
  mapHeaders,
} from '@tributary/contracts/import-columns'
export type { ImportState, ImportSummary, LeadImport }
