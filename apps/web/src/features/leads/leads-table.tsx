import { Link } from 'react-router'
import { formatAge, formatDateTime } from '../../app/format.ts'
import { RowCheckbox, SelectAllCheckbox } from '../../app/select-checkbox.tsx'
import { sortableHeaders } from '../../app/sort-header.tsx'
import type { Selection } from '../../app/use-selection.ts'
import { contactName } from '../contacts/contact.ts'
import { formatPhone } from '../contacts/contact-fields.tsx'
import type { Directory } from '../directory/use-directory.ts'
import { LocationBadge, PriorityBadge } from './lead-badges.tsx'
import type { Lead } from './leads.api.ts'

/**
 * Leads as a table, best first as the API sends them. With `selection` a checkbox column
 * leads; without (the partner portal) the list is read-only.
 */
export function LeadsTable({
  leads,
  names,
  linkTo,
  selection,
  showAssignee = true,
  showSource = true,
  showCampaign = true,
  busy,
  sort,
  onSort,
}: {
  /** The list's `?sort=` and how to change it: the sortable columns' headers become buttons. */
  sort?: string
  onSort?: (sort: string) => void
  leads: Lead[]
  names: Directory
  linkTo: (lead: Lead) => string
  selection?: Selection
  showAssignee?: boolean
  /** Off in the partner portal, where every row is the partner's own. */
  showSource?: boolean
  showCampaign?: boolean
  busy?: boolean
}) {
  const now = Date.now()
  const header = sortableHeaders(sort, onSort)
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="table table-records" aria-label="Leads">
        <thead>
          <tr>
            {selection ? (
              <th scope="col" className="select-col">
                <SelectAllCheckbox selection={selection} label="Select all leads on this page" />
              </th>
            ) : null}
            {header('#', 'number', 'number-col')}
            {header('Name', 'lastName')}
            <th scope="col">Phone</th>
            {showSource ? header('Source', 'source') : null}
            {showCampaign ? <th scope="col">Campaign</th> : null}
            {header('Location', 'location')}
            {header('Priority', 'priority')}
            {showAssignee ? <th scope="col">Assigned to</th> : null}
            {header('Age', 'createdAt')}
          </tr>
        </thead>
        <tbody>
          {leads.map((lead) => {
            const name = contactName(lead, `Lead #${lead.number}`)
            const person = [lead.firstName, lead.lastName].filter(Boolean).join(' ')
            const selected = selection?.has(lead.id)
            return (
              <tr key={lead.id} className={selected ? 'row-selected' : undefined}>
                {selection ? (
                  <td className="select-col">
                    <RowCheckbox
                      selection={selection}
                      id={lead.id}
                      label={`Select lead #${lead.number} ${name}`}
                    />
                  </td>
                ) : null}
                <td className="number-col">{lead.number}</td>
                <th scope="row">
                  <Link to={linkTo(lead)} className="row-link">
                    {name}
                  </Link>
                  {person && lead.companyName ? <p className="cell-note">{lead.companyName}</p> : null}
                </th>
                <td className="nowrap">{formatPhone(lead.phone) || <span className="muted">—</span>}</td>
                {showSource ? <td>{names.partnerName(lead.partnerCompanyId)}</td> : null}
                {showCampaign ? (
                  <td>
                    {lead.campaignId ? names.campaignName(lead.campaignId) : <span className="muted">—</span>}
                  </td>
                ) : null}
                <td>
                  <LocationBadge location={lead.location} />
                </td>
                <td>
                  <PriorityBadge priority={lead.priority} />
                </td>
                {showAssignee ? (
                  <td>
                    {lead.assignedUserId ? (
                      names.userName(lead.assignedUserId)
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                ) : null}
                <td className="nowrap" title={`Added ${formatDateTime(lead.createdAt)}`}>
                  {formatAge(lead.createdAt, now)}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
