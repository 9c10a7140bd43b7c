import { type PartnerCompany, partnerRoles } from './partner-companies.api.ts'

/** The roles a partner company plays: Sells leads, Sells customers, Buys leads, Buys customers. */
export function RoleBadges({ partner }: { partner: PartnerCompany }) {
  const roles = partnerRoles.filter((role) => partner[role.key].enabled)
  if (!roles.length) return <span className="muted">No role yet</span>
  return (
    <ul className="role-badges" aria-label="Roles">
      {roles.map((role) => (
        <li key={role.key} className={`role-badge role-${role.key}`}>
          {role.label}
        </li>
      ))}
    </ul>
  )
}
