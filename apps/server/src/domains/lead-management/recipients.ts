import type { NotificationRecipients } from '@tributary/contracts'
import { type Actor, assertPermission } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError, type FieldError } from '../../lib/errors.ts'
import { recordAudit } from '../audit/audit.service.ts'
import {
  salesRepRecipients,
  setSalesRepRecipients,
  unknownSalesReps,
} from '../sales-reps/sales-reps.service.ts'
import { leadNotificationUserIds, setLeadNotificationUsers, unknownUsers } from '../users/users.service.ts'
import * as repo from './lead-management.repo.ts'

// Default lead notification recipients (seed 004): users (the same flag as on each user, so one
// list with two views) and external sales reps, plus the supplier's nominee.

export async function getRecipients(ctx: AppContext, actor: Actor): Promise<NotificationRecipients> {
  assertPermission(actor, 'manage_settings')
  const [userIds, reps, settings] = await Promise.all([
    leadNotificationUserIds(ctx.db, actor.companyId),
    salesRepRecipients(ctx.db, actor.companyId),
    repo.findSettings(ctx.db, actor.companyId),
  ])
  const name = settings?.assigned_by_supplier_name
  const email = settings?.assigned_by_supplier_email
  return {
    userIds,
    salesRepIds: reps.map((r) => r.id),
    assignedBySupplier: name && email ? { name, email } : null,
  }
}

export async function putRecipients(
  ctx: AppContext,
  actor: Actor,
  input: { userIds: string[]; salesRepIds: string[] },
): Promise<NotificationRecipients> {
  assertPermission(actor, 'manage_settings')
  const userIds = [...new Set(input.userIds)]
  const salesRepIds = [...new Set(input.salesRepIds)]
  await ctx.db.transaction().execute(async (tx) => {
    const errors: FieldError[] = [
      ...(await unknownUsers(tx, actor.companyId, userIds)).map((id) => ({
        path: `userIds.${input.userIds.indexOf(id)}`,
        message: 'No such user',
      })),
      ...(await unknownSalesReps(tx, actor.companyId, salesRepIds)).map((id) => ({
        path: `salesRepIds.${input.salesRepIds.indexOf(id)}`,
        message: 'No such sales rep',
      })),
    ]
    if (errors.length) throw new AppError('unprocessable', 'Some recipients do not exist', { errors })
    await setLeadNotificationUsers(tx, actor.companyId, userIds)
    await setSalesRepRecipients(tx, actor.companyId, salesRepIds)
    await recordAudit(tx, actor, 'update', 'lead_notification_recipients', null, { userIds, salesRepIds })
  })
  return getRecipients(ctx, actor)
}
