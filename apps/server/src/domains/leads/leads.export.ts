import type { LeadExportQuery } from '@tributary/contracts'
import { namesById } from '../../db/names.ts'
import { type Actor, assertUser } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { type CsvColumn, csvStream, nameOf, recordColumns } from '../../lib/csv-export.ts'
import { parseSort } from '../../lib/sort.ts'
import { priorities } from './leads.mapper.ts'
import * as repo from './leads.repo.ts'
import { visibleFilter } from './leads.service.ts'

const BATCH = 1000

/** The leads of a list (same filters and order) as a CSV file, read in batches by keyset. */
export async function exportLeads(ctx: AppContext, actor: Actor, query: LeadExportQuery) {
  // Partner logins have the list, not the export; for a user the filter is always there.
  assertUser(actor)
  const filter = visibleFilter(actor, query) as repo.LeadFilter
  const sort = parseSort<repo.LeadSortName>(query.sort)
  const names = await namesById(ctx.db, actor.companyId, ['partner_companies', 'campaigns', 'users'])
  const columns: CsvColumn<repo.ListedLeadRow>[] = [
    ...recordColumns(names),
    { header: 'Location', value: (r) => r.location },
    { header: 'Priority', value: (r) => priorities[r.priority_rank] ?? 'normal' },
    { header: 'Assigned to', value: (r) => nameOf(names.users, r.assigned_user_id) },
    { header: 'Added', value: (r) => r.created_at.toISOString() },
  ]
  return csvStream(
    columns,
    (last) =>
      repo.listLeads(
        ctx.db,
        actor.companyId,
        filter,
        BATCH,
        last && [...last.sort_keys, last.id],
        sort,
        false,
      ),
    BATCH,
  )
}
