import type { BuiltinRole, Company, SignupBody } from '@tributary/contracts'
import type { z } from 'zod'
import type { Conn } from '../../db/client.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { newId } from '../../lib/ids.ts'
import { randomSecret } from '../../lib/tokens.ts'
import { createSession } from '../auth/auth.service.ts'
import { insertCompany } from '../companies/companies.service.ts'
import { addOfficeLocation } from '../office-locations/office-locations.service.ts'
import { addPartnerCompany } from '../partner-companies/partner-companies.service.ts'
import { addDefaultReturnReasons } from '../return-reasons/return-reasons.service.ts'
import { createBuiltinRoles } from '../roles/roles.service.ts'
import { addUser } from '../users/users.service.ts'

function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
  return slug.length >= 2 ? slug : 'company'
}

/**
 * A new tenant and what every company starts with: the built-in roles, a first office
 * location, and the inside partner company "Self-Generated".
 */
export async function createCompany(
  conn: Conn,
  input: { name: string; slug?: string; timezone?: string },
): Promise<{ company: Company; roleIds: Record<BuiltinRole, string>; selfGeneratedId: string }> {
  const id = newId()
  let slug = input.slug ?? slugify(input.name)
  while (!(await insertCompany(conn, { id, slug, name: input.name }))) {
    if (input.slug) throw new AppError('conflict', `The company slug "${input.slug}" is taken`)
    slug = `${slugify(input.name).slice(0, 33)}-${randomSecret(4)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x')}`
  }
  const roleIds = await createBuiltinRoles(conn, id)
  await addDefaultReturnReasons(conn, id)
  const office = await addOfficeLocation(conn, id, {
    name: 'Main Office',
    address: {},
    timezone: input.timezone ?? 'America/New_York',
  })
  // Seed 000: leads and customers the company generates itself are attributed to it.
  const selfGeneratedId = await addPartnerCompany(conn, id, {
    name: 'Self-Generated',
    kind: 'inside',
    sellsLeads: { enabled: true, defaultLeadLocation: 'queue' },
    sellsCustomers: { enabled: true, defaultOfficeLocationId: office.id },
  })
  return { company: { id, slug, name: input.name }, roleIds, selfGeneratedId }
}

export async function signup(ctx: AppContext, input: z.infer<typeof SignupBody>) {
  if (!ctx.config.signupEnabled) throw new AppError('forbidden', 'Sign-up is switched off on this server')
  return ctx.db.transaction().execute(async (tx) => {
    const { company, roleIds } = await createCompany(tx, { name: input.companyName })
    const user = await addUser(tx, company.id, {
      name: input.name,
      email: input.email,
      password: input.password,
      roleIds: [roleIds.admin],
    })
    const session = await createSession(tx, company.id, { userId: user.id })
    return { company, user, token: session.token, csrfToken: session.csrfToken }
  })
}
