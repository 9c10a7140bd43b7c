import type { ReactNode } from 'react'
import { useAuth } from '../../app/auth.tsx'
import { type KeysetList, useKeysetList } from '../../app/use-keyset-list.ts'
import { listCustomers } from '../customers/customers.api.ts'
import { CustomersTable } from '../customers/customers-table.tsx'
import { useDirectory } from '../directory/use-directory.ts'
import { ErrorView } from '../errors/error-view.tsx'
import { listLeads } from '../leads/leads.api.ts'
import { LeadsTable } from '../leads/leads-table.tsx'

/**
 * What a partner company's login sees: the leads and customers whose source it is, read-only
 * (the API shows a partner login nothing else).
 */
export function PartnerPortalPage() {
  const { me } = useAuth()
  const names = useDirectory()
  const leads = useKeysetList(['leads', 'portal'], (cursor, signal) => listLeads({}, cursor, signal))
  const customers = useKeysetList(['customers', 'portal'], (cursor, signal) =>
    listCustomers({}, cursor, signal),
  )
  const partner = me.partner?.name ?? 'your company'

  return (
    <section className="page">
      <title>Partner portal · Tributary</title>
      <header className="page-header">
        <p className="breadcrumb">{me.company.name}</p>
        <h1>Partner portal</h1>
        <p className="page-intro muted">
          The leads and customers {partner} sent to {me.company.name}, read-only.
        </p>
      </header>
      <section className="section" aria-labelledby="portal-leads">
        <div className="section-header">
          <h2 id="portal-leads">Leads</h2>
        </div>
        <PortalList list={leads} empty="No leads from you yet." noun={['lead', 'leads']}>
          <LeadsTable
            leads={leads.items}
            names={names}
            linkTo={(lead) => `/partner/leads/${lead.id}`}
            showAssignee={false}
            showCampaign={false}
            showSource={false}
            busy={leads.loading}
          />
        </PortalList>
      </section>
      <section className="section" aria-labelledby="portal-customers">
        <div className="section-header">
          <h2 id="portal-customers">Customers</h2>
        </div>
        <PortalList list={customers} empty="No customers from you yet." noun={['customer', 'customers']}>
          <CustomersTable
            customers={customers.items}
            names={names}
            linkTo={(customer) => `/partner/customers/${customer.id}`}
            showOffice={false}
            showSource={false}
            busy={customers.loading}
          />
        </PortalList>
      </section>
    </section>
  )
}

function PortalList<T>({
  list,
  empty,
  noun,
  children,
}: {
  list: KeysetList<T>
  empty: string
  noun: [string, string]
  children: ReactNode
}) {
  if (list.error && !list.items.length && !list.loading)
    return <ErrorView error={list.error} onRetry={list.retry} />
  if (list.loading && !list.items.length) return <p className="muted">Loading…</p>
  if (!list.items.length) {
    return (
      <div className="card empty-state">
        <p>{empty}</p>
      </div>
    )
  }
  return (
    <>
      {children}
      <div className="list-footer">
        {list.error ? (
          <span className="field-error" role="alert">
            Could not load more. Try again.
          </span>
        ) : null}
        {list.hasMore ? (
          <button type="button" className="button" onClick={list.loadMore} disabled={list.loadingMore}>
            {list.loadingMore ? 'Loading…' : 'Load more'}
          </button>
        ) : (
          <span className="muted">
            {list.items.length} {list.items.length === 1 ? noun[0] : noun[1]}
          </span>
        )}
      </div>
    </>
  )
}
