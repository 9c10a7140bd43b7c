import type { ReactNode } from 'react'
import { Forbidden } from '../features/errors/forbidden.tsx'
import { useAuth } from './auth.tsx'
import type { Permission } from './permissions.ts'

/** Shows the page only to logins holding one of the permissions; the API enforces the same on its side. */
export function RequirePermission({ anyOf, children }: { anyOf: Permission[]; children: ReactNode }) {
  const { can } = useAuth()
  return anyOf.some(can) ? children : <Forbidden />
}
