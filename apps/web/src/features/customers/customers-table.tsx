import { Link } from 'react-router'
import { formatDate } from '../../app/format.ts'
import { RowCheckbox, SelectAllCheckbox } from '../../app/select-checkbox.tsx'
import { sortableHeaders } from '../../app/sort-header.tsx'
import type { Selection } from '../../app/use-selection.ts'
import { contactName } from '../contacts/contact.ts'
import { formatPhone } from '../contacts/contact-fields.tsx'
import type { Directory } from '../directory/use-directory.ts'
import { type Customer, customerStatusLabels } from './customers.api.ts'

/** Customers as a table, newest first; with `selection` a checkbox column leads. */
export function CustomersTable({
  customers,
  names,
  linkTo,
  selection,
  showOffice = true,
  showSource = true,
  busy,
  sort,
  onSort,
}: {
  /** The list's `?sort=` and how to change it: the sortable columns' headers become buttons. */
  sort?: string
  onSort?: (sort: string) => void
  customers: Customer[]
  names: Directory
  linkTo: (customer: Customer) => string
  selection?: Selection
  showOffice?: boolean
  /** Off in the partner portal, where every row is the partner's own. */
  showSource?: boolean
  busy?: boolean
}) {
  const header = sortableHeaders(sort, onSort)
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="table table-records" aria-label="Customers">
        <thead>
          <tr>
            {selection ? (
              <th scope="col" className="select-col">
                <SelectAllCheckbox selection={selection} label="Select all customers on this page" />
              </th>
            ) : null}
            {header('#', 'number', 'number-col')}
            {header('Name', 'lastName')}
            <th scope="col">Phone</th>
            {showSource ? <th scope="col">Source</th> : null}
            {showOffice ? header('Office', 'location') : null}
            <th scope="col">Status</th>
            {header('Added', 'createdAt')}
          </tr>
        </thead>
        <tbody>
          {customers.map((customer) => {
            const name = contactName(customer, `Customer #${customer.number}`)
            const person = [customer.firstName, customer.lastName].filter(Boolean).join(' ')
            return (
              <tr key={customer.id} className={selection?.has(customer.id) ? 'row-selected' : undefined}>
                {selection ? (
                  <td className="select-col">
                    <RowCheckbox
                      selection={selection}
                      id={customer.id}
                      label={`Select customer #${customer.number} ${name}`}
                    />
                  </td>
                ) : null}
                <td className="number-col">{customer.number}</td>
                <th scope="row">
                  <Link to={linkTo(customer)} className="row-link">
                    {name}
                  </Link>
                  {person && customer.companyName ? (
                    <p className="cell-note">{customer.companyName}</p>
                  ) : null}
                  {customer.email ? <p className="cell-note">{customer.email}</p> : null}
                </th>
                <td className="nowrap">{formatPhone(customer.phone) || <span className="muted">—</span>}</td>
                {showSource ? (
                  <td>
                    {customer.partnerCompanyId ? (
                      names.partnerName(customer.partnerCompanyId)
                    ) : (
                      <span className="muted">None</span>
                    )}
                  </td>
                ) : null}
                {showOffice ? <td>{names.officeName(customer.officeLocationId)}</td> : null}
                <td>
                  <span className={`badge status-${customer.status}`}>
                    {customerStatusLabels[customer.status]}
                  </span>
                </td>
                <td className="nowrap">{formatDate(customer.createdAt)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
