import type { BulkLeadsBody, BulkResult } from '@tributary/contracts'
import { type Actor, assertPermission, assertUser } from '../../lib/actor.ts'
import { bulkIds, eachRecord } from '../../lib/bulk.ts'
import type { AppContext } from '../../lib/context.ts'
import { invalidateLead, requeueLead } from './leads.moves.ts'
import * as repo from './leads.repo.ts'
import { updateLead, visibleFilter } from './leads.service.ts'

/**
 * One action on many leads: each lead goes through its single action (same rules, permissions,
 * timeline event), in a transaction of its own; the answer lists what changed and what did not.
 */
export async function bulkLeads(ctx: AppContext, actor: Actor, body: BulkLeadsBody): Promise<BulkResult> {
  assertUser(actor)
  assertPermission(actor, 'view_leads')
  if (body.action === 'move' || body.action === 'assign') assertPermission(actor, 'assign_leads')
  const ids = await bulkIds(
    body.leadIds,
    async (limit) => {
      const filter = body.filter && visibleFilter(actor, body.filter)
      return filter ? repo.matchingLeadIds(ctx.db, actor.companyId, filter, limit) : []
    },
    'leads',
  )
  const act = {
    move: (id: string) => updateLead(ctx, actor, id, { location: body.location }),
    assign: (id: string) => updateLead(ctx, actor, id, { assignedUserId: body.userId }),
    invalidate: (id: string) => invalidateLead(ctx, actor, id, body.reason ?? ''),
    requeue: (id: string) => requeueLead(ctx, actor, id, { contactAfter: body.callbackAt }),
  }[body.action]
  return eachRecord(ids, act)
}
