import { z } from 'zod'
import { Email, Id, Password } from './common.ts'
import { PermissionName } from './permissions.ts'
import { User } from './users.ts'

export const CompanySlug = z
  .string()
  .min(2)
  .max(63)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'Lowercase letters, digits and dashes')

export const Company = z.object({ id: Id, slug: CompanySlug, name: z.string() }).meta({ id: 'Company' })
export type Company = z.infer<typeof Company>

export const SignupBody = z.object({
  companyName: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(200),
  email: Email,
  password: Password,
})
export const SignupResult = z.object({
  company: Company,
  user: User,
  token: z.string(),
  csrfToken: z.string(),
})

export const LoginBody = z.object({
  company: z.string().min(1).max(63),
  login: z.string().min(1).max(254),
  password: z.string().min(1).max(1024),
})
export const LoginResult = z.object({ token: z.string(), csrfToken: z.string(), user: User.nullable() })

export const Me = z.object({
  user: User.nullable(),
  partner: z.object({ partnerCompanyId: Id, name: z.string() }).nullable(),
  company: Company,
  permissions: z.array(PermissionName),
})
