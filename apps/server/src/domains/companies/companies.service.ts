import type { Company, CompanySettings } from '@tributary/contracts'
import type { Conn } from '../../db/client.ts'
import { type Actor, assertPermission } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { notFound } from '../../lib/errors.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { findCompany } from './companies.lookup.ts'
import * as repo from './companies.repo.ts'

// The tenant itself. Creating one composes several domains and lives above them, in signup/.

export async function getCompany(ctx: AppContext, actor: Actor): Promise<Company> {
  const company = await findCompany(ctx.db, actor.companyId)
  if (!company) throw notFound('Company')
  return { id: company.id, slug: company.slug, name: company.name }
}

/** Inserts unless the slug is taken; answers whether it was inserted. */
export const insertCompany = (conn: Conn, company: { id: string; slug: string; name: string }) =>
  repo.insertCompany(conn, company)

/** GET /settings/company: readable by every user, since money figures on screen need the currency. */
export async function getCompanySettings(ctx: AppContext, actor: Actor): Promise<CompanySettings> {
  return repo.companySettings(ctx.db, actor.companyId)
}

export async function putCompanySettings(
  ctx: AppContext,
  actor: Actor,
  input: { currency: string },
): Promise<CompanySettings> {
  assertPermission(actor, 'manage_settings')
  await ctx.db.transaction().execute(async (tx) => {
    await repo.setCurrency(tx, actor.companyId, input.currency)
    await recordAudit(tx, actor, 'update', 'company_settings', null, input)
  })
  return getCompanySettings(ctx, actor)
}
