import { builtinRoles } from '@tributary/contracts'
import { sql } from 'kysely'
import { findCompanyBySlug } from './domains/companies/companies.repo.ts'
import { returnLeads } from './domains/returns/returns.service.ts'
import { createCompany } from './domains/signup/signup.service.ts'
import { addUser } from './domains/users/users.service.ts'
import type { UserActor } from './lib/actor.ts'
import type { AppContext } from './lib/context.ts'
import { randomSecret } from './lib/tokens.ts'
import { seedLeadSources } from './seed-lead-sources.ts'
import { seedLeads } from './seed-leads.ts'

const DEMO_LOCK = 7_302_114_002

export type DemoSeed = { slug: string; name: string; email: string; password: string }

/**
 * The demo company: an admin and one user per built-in role. Runs once, when the database
 * has no demo company yet; the admin's password is returned to be printed once, never stored in clear.
 */
export async function seedDemo(ctx: AppContext): Promise<DemoSeed | null> {
  const seeded = await ctx.db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${DEMO_LOCK})`.execute(tx)
    if (await findCompanyBySlug(tx, 'demo')) return null
    const { company, roleIds, selfGeneratedId } = await createCompany(tx, {
      name: 'Demo Security Co.',
      slug: 'demo',
    })
    const password = randomSecret(12)
    await addUser(tx, company.id, {
      name: 'Ada Admin',
      email: 'admin@demo.test',
      password,
      roleIds: [roleIds.admin],
    })
    const people: Record<Exclude<keyof typeof builtinRoles, 'admin'>, [string, string]> = {
      manager: ['Mia Manager', 'manager@demo.test'],
      lead_rep: ['Rex Rep', 'rep@demo.test'],
      read_only: ['Rory Reader', 'readonly@demo.test'],
    }
    const workers = {} as Record<keyof typeof people, UserActor>
    for (const [role, [name, email]] of Object.entries(people) as [keyof typeof people, [string, string]][]) {
      const user = await addUser(tx, company.id, {
        name,
        email,
        password: randomSecret(12),
        roleIds: [roleIds[role]],
      })
      workers[role] = {
        kind: 'user',
        companyId: company.id,
        userId: user.id,
        label: name,
        permissions: new Set(builtinRoles[role].permissions),
        sessionId: null,
        apiKeyId: null,
      }
    }
    const { abc } = await seedLeadSources(tx, company.id, ctx.secrets)
    const selfGenerated = { id: selfGeneratedId, campaignIds: [] }
    const { toReturn } = await seedLeads(tx, company.id, [abc, abc, selfGenerated], {
      rep: workers.lead_rep,
      manager: workers.manager,
    })
    const demo = { slug: company.slug, name: company.name, email: 'admin@demo.test', password }
    return { demo, toReturn, manager: workers.manager }
  })
  if (!seeded) return null
  await returnLeads(ctx, seeded.manager, {
    ids: seeded.toReturn,
    reason: 'Not interested',
    callCenterComments: 'Hung up twice; asked not to be called again',
  })
  return seeded.demo
}
