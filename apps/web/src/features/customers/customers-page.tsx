import { useId, useState } from 'react'
import { Link, useLocation } from 'react-router'
import { useAuth } from '../../app/auth.tsx'
import { ListBody } from '../../app/list-body.tsx'
import { totalText } from '../../app/sort-header.tsx'
import { SearchFilter, useUrlFilters } from '../../app/url-filters.tsx'
import { useKeysetList } from '../../app/use-keyset-list.ts'
import { useSelection } from '../../app/use-selection.ts'
import { type Directory, useDirectory } from '../directory/use-directory.ts'
import { useSellSelected } from '../exchange/sell-selected.tsx'
import { useBulkTarget } from '../records/bulk-target.tsx'
import { RecordSelectionToolbar, selectedTargets, useReturnSelected } from '../records/record-list.tsx'
import { countOf } from '../records/record-outcome.tsx'
import { MoveCustomersDialog } from './customer-bulk.tsx'
import {
  type CustomerFilters,
  type CustomerStatus,
  customerStatusLabels,
  exportCustomersUrl,
  listCustomers,
} from './customers.api.ts'
import { CustomersTable } from './customers-table.tsx'

const statuses = Object.keys(customerStatusLabels) as CustomerStatus[]

/** The address says the filters: `?source=…&office=…&status=active&q=…`. */
function filtersOf(params: URLSearchParams): CustomerFilters {
  const filters: CustomerFilters = {}
  const source = params.get('source')
  const office = params.get('office')
  const status = params.get('status')
  const q = params.get('q')?.trim()
  if (source) filters.partnerCompanyId = source
  if (office) filters.officeLocationId = office
  if (status && statuses.includes(status as CustomerStatus)) filters.status = status as CustomerStatus
  if (q) filters.q = q
  const sort = params.get('sort')
  if (sort && customerSorts.includes(sort.replace(/^-/, ''))) filters.sort = sort as CustomerFilters['sort']
  return filters
}

/** The columns a customer list sorts by (`?sort=`, `-` for descending); newest first is the default. */
const customerSorts = ['number', 'createdAt', 'lastName', 'location']

/** Customers: converted and purchased accounts, filtered by source, office, status and a search. */
export function CustomersPage() {
  const { can } = useAuth()
  const routerLocation = useLocation()
  const { params, update, clear } = useUrlFilters()
  const filters = filtersOf(params)
  const key = JSON.stringify(filters)
  const list = useKeysetList(['customers', filters], (cursor, signal) =>
    listCustomers(filters, cursor, signal),
  )
  const selection = useSelection(
    key,
    list.items.map((customer) => customer.id),
  )
  const names = useDirectory()
  const [returnNotice, setReturnNotice] = useState<string | null>(null)
  const returns = useReturnSelected({ kind: 'customer', list, selection, onReturned: setReturnNotice })
  const sales = useSellSelected({ kind: 'customer', list, selection, onSold: setReturnNotice })
  const notice = returnNotice ?? (routerLocation.state as { notice?: string } | null)?.notice
  const filtered = Object.keys(filters).some((k) => k !== 'sort')
  const bulk = useBulkTarget('customer', list, selection, filters, key, selectedTargets(list, selection))
  const [moving, setMoving] = useState(false)

  return (
    <div className="page">
      <title>Customers · Tributary</title>
      <header className="page-header page-header-split">
        <div>
          <h1>Customers</h1>
          <p className="page-intro muted">Converted and purchased accounts, newest first.</p>
        </div>
        {can('manage_customers') ? (
          <div className="toolbar" role="toolbar" aria-label="Customer actions">
            <Link className="button button-primary" to="/customers/new">
              New customer
            </Link>
          </div>
        ) : null}
      </header>
      {notice ? (
        <output className="alert alert-success" aria-live="polite">
          {notice}
        </output>
      ) : null}
      <Filters params={params} names={names} update={update} clear={() => clear()} filtered={filtered} />
      <div className="list-summary">
        <span className="muted" aria-live="polite">
          {totalText(list.total, ['customer', 'customers'])}
        </span>
        <a className="button button-small" href={exportCustomersUrl(filters)} download>
          Export CSV
        </a>
      </div>
      {list.items.length ? (
        <RecordSelectionToolbar
          kind="customer"
          selection={selection}
          canReturn={can('return_leads')}
          onReturn={returns.start}
          onSell={sales.start}
        >
          {bulk.matchAllButton}
          {can('manage_customers') ? (
            <button
              type="button"
              className="button button-small"
              disabled={!selection.size}
              onClick={() => setMoving(true)}
            >
              Move to office…
            </button>
          ) : null}
        </RecordSelectionToolbar>
      ) : null}
      <ListBody
        list={list}
        count={(n) => countOf('customer', n)}
        empty={filtered ? 'No customer matches these filters.' : 'There are no customers yet.'}
        onClear={filtered ? () => clear() : undefined}
      >
        <CustomersTable
          customers={list.items}
          names={names}
          linkTo={(customer) => `/customers/${customer.id}`}
          selection={selection}
          busy={list.loading}
          sort={filters.sort ?? '-createdAt'}
          onSort={(sort) => update({ sort })}
        />
      </ListBody>
      {moving ? (
        <MoveCustomersDialog target={bulk.target} names={names} onClose={() => setMoving(false)} />
      ) : null}
      {returns.dialog}
      {sales.dialog}
    </div>
  )
}

function Filters({
  params,
  names,
  update,
  clear,
  filtered,
}: {
  params: URLSearchParams
  names: Directory
  update: (changes: Record<string, string>) => void
  clear: () => void
  filtered: boolean
}) {
  const id = useId()
  const source = params.get('source') ?? ''
  // A customer's source sold it (sells customers) or is its lead's source (sells leads).
  const sources = names.partners
    .filter((p) => p.sellsCustomers.enabled || p.sellsLeads.enabled || p.id === source)
    .sort((a, b) => a.name.localeCompare(b.name))

  return (
    <search className="filters" aria-label="Filter customers">
      <div className="filter-field">
        <label htmlFor={`${id}-source`}>Source</label>
        <select
          id={`${id}-source`}
          value={source}
          onChange={(event) => update({ source: event.target.value })}
        >
          <option value="">All sources</option>
          {source && !sources.some((p) => p.id === source) ? (
            <option value={source}>{names.partnerName(source)}</option>
          ) : null}
          {sources.map((partner) => (
            <option key={partner.id} value={partner.id}>
              {partner.name}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-office`}>Office</label>
        <select
          id={`${id}-office`}
          value={params.get('office') ?? ''}
          onChange={(event) => update({ office: event.target.value })}
        >
          <option value="">All offices</option>
          {names.offices.map((office) => (
            <option key={office.id} value={office.id}>
              {office.name}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={params.get('status') ?? ''}
          onChange={(event) => update({ status: event.target.value })}
        >
          <option value="">Any status</option>
          {statuses.map((status) => (
            <option key={status} value={status}>
              {customerStatusLabels[status]}
            </option>
          ))}
        </select>
      </div>
      <SearchFilter
        value={params.get('q') ?? ''}
        onSearch={(q) => update({ q })}
        placeholder="Name, email, phone or number"
      />
      {filtered ? (
        <button type="button" className="button button-quiet filter-clear" onClick={clear}>
          Clear filters
        </button>
      ) : null}
    </search>
  )
}
