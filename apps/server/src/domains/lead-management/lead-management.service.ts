import type {
  AutoRegistration,
  AutoRegistrationBody,
  LeadManagementSettings,
  RuleGroup,
} from '@tributary/contracts'
import { type Actor, assertPermission } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { fieldError } from '../../lib/errors.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { companyKey, ignoredKeys } from '../ignored-companies/ignored-companies.service.ts'
import { recentLeads } from '../leads/leads.records.ts'
import { findLeadSource } from '../partner-companies/partner-companies.sources.ts'
import * as repo from './lead-management.repo.ts'
import { factsOf, matchingGroup } from './rules.ts'

// Supplier lead management (seed 004), first part: the auto-registration settings and a dry run
// of rules over recent leads.

export async function getAutoRegistration(ctx: AppContext, actor: Actor): Promise<AutoRegistration> {
  assertPermission(actor, 'manage_settings')
  const row = await repo.findSettings(ctx.db, actor.companyId)
  if (!row) return { mode: 'disabled', supplierPartnerCompanyId: null, groups: [] }
  // In supplier mode the rules in force are the supplier's, shown read-only.
  const groups = (row.mode === 'supplier' ? row.supplier_groups : row.own_groups) as RuleGroup[]
  return { mode: row.mode, supplierPartnerCompanyId: row.supplier_partner_company_id, groups }
}

export async function putAutoRegistration(
  ctx: AppContext,
  actor: Actor,
  input: AutoRegistrationBody,
): Promise<AutoRegistration> {
  assertPermission(actor, 'manage_settings')
  const supplier = input.supplierPartnerCompanyId ?? null
  if (supplier && !(await findLeadSource(ctx.db, actor.companyId, supplier)))
    throw fieldError('supplierPartnerCompanyId', 'No such partner company', 'unprocessable')
  await ctx.db.transaction().execute(async (tx) => {
    await repo.saveAutoRegistration(tx, actor.companyId, {
      mode: input.mode,
      supplierPartnerCompanyId: supplier,
      ...(input.mode === 'own' && { ownGroups: input.groups }),
    })
    await recordAudit(tx, actor, 'update', 'auto_registration', null, input)
  })
  return getAutoRegistration(ctx, actor)
}

/**
 * Which of the last `limit` leads these rules would register, and by which group; a lead of an
 * ignored company never is. Changes nothing.
 */
export async function previewRules(
  ctx: AppContext,
  actor: Actor,
  input: { groups: RuleGroup[]; limit: number },
) {
  assertPermission(actor, 'manage_settings')
  const [leads, ignoredCompanies] = await Promise.all([
    recentLeads(ctx.db, actor.companyId, input.limit),
    ignoredKeys(ctx.db, actor.companyId),
  ])
  const items = leads.map(({ lead, source, campaign }) => {
    const ignored = ignoredCompanies.has(companyKey(lead.companyName ?? ''))
    return {
      leadId: lead.id,
      number: lead.number,
      name: [lead.firstName, lead.lastName].filter(Boolean).join(' ') || lead.companyName || '(no name)',
      ignored,
      matchedGroup: ignored ? null : matchingGroup(input.groups, factsOf(lead, source, campaign)),
    }
  })
  return { items }
}

export async function getLeadManagementSettings(
  ctx: AppContext,
  actor: Actor,
): Promise<LeadManagementSettings> {
  assertPermission(actor, 'manage_settings')
  const row = await repo.findSettings(ctx.db, actor.companyId)
  return { acceptanceReminderHours: row?.acceptance_reminder_hours ?? 24 }
}

export async function putLeadManagementSettings(
  ctx: AppContext,
  actor: Actor,
  input: LeadManagementSettings,
) {
  assertPermission(actor, 'manage_settings')
  await ctx.db.transaction().execute(async (tx) => {
    await repo.saveReminderHours(tx, actor.companyId, input.acceptanceReminderHours)
    await recordAudit(tx, actor, 'update', 'lead_management_settings', null, input)
  })
  return getLeadManagementSettings(ctx, actor)
}
