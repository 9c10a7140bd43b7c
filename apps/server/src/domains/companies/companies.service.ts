import type { Company } from '@tributary/contracts'
import type { Conn } from '../../db/client.ts'
import type { Actor } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { notFound } from '../../lib/errors.ts'
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
