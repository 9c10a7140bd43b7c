import { defineJob } from '../../lib/jobs.ts'
import { sourcePriorityChanged } from '../partner-companies/partner-companies.events.ts'
import { priorityRank } from './leads.mapper.ts'
import { rerankSource } from './leads.repo.ts'

/** A source's new queue priority re-ranks its waiting leads (within seconds of the change). */
const rerank = defineJob({
  ...sourcePriorityChanged,
  queue: { retryLimit: 5, retryDelay: 10, retryBackoff: true },
  handle: (ctx, data) =>
    rerankSource(ctx.db, data.companyId, data.partnerCompanyId, priorityRank(data.priority)),
})

export const leadJobs = [rerank]
