import type { ReactNode } from 'react'
import { Forbidden } from '../features/errors/forbidden.tsx'
import { useAuth } from './auth.tsx'
import type { Permission } from './permissions.ts'

/** Shows the page only to logins holding one of the permissions; the API enforces the same on its side. */
export function RequirePermission({ anyOf, children }: { anyOf: Permission[]; children: ReactNode }) {
  const { can, isPartner } = useAuth()
  if (anyOf.some(can)) return children
  return isPartner ? <PartnerForbidden /> : <Forbidden />
}

/** "Not allowed" as a partner company's login reads it. */
export function PartnerForbidden() {
  return (
    <Forbidden
      detail="A partner login can open the partner portal and nothing else of this company."
      hint="Your leads and customers are on the partner portal."
    />
  )
}

/** Shows the page only to a partner company's login; a user of the company is not one. */
export function RequirePartner({ children }: { children: ReactNode }) {
  const { isPartner } = useAuth()
  return isPartner ? children : <Forbidden detail="This page is for the logins of partner companies." />
}
