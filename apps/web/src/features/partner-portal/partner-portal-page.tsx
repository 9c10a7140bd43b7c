import { useAuth } from '../../app/auth.tsx'
import { ListBody } from '../../app/list-body.tsx'
import { useKeysetList } from '../../app/use-keyset-list.ts'
import { listCustomers } from '../customers/customers.api.ts'
import { CustomersTable } from '../customers/customers-table.tsx'
import { useDirectory } from '../directory/use-directory.ts'
import { listLeads } from '../leads/leads.api.ts'
import { LeadsTable } from '../leads/leads-table.tsx'
import { countOf } from '../records/record-outcome.tsx'
import { PartnerScorecard } from '../reports/partner-scorecard.tsx'

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
      <PartnerScorecard />
      <section className="section" aria-labelledby="portal-leads">
        <div className="section-header">
          <h2 id="portal-leads">Leads</h2>
        </div>
        <ListBody list={leads} empty="No leads from you yet." count={(n) => countOf('lead', n)}>
          <LeadsTable
            leads={leads.items}
            names={names}
            linkTo={(lead) => `/partner/leads/${lead.id}`}
            showAssignee={false}
            showCampaign={false}
            showSource={false}
            busy={leads.loading}
          />
        </ListBody>
      </section>
      <section className="section" aria-labelledby="portal-customers">
        <div className="section-header">
          <h2 id="portal-customers">Customers</h2>
        </div>
        <ListBody list={customers} empty="No customers from you yet." count={(n) => countOf('customer', n)}>
          <CustomersTable
            customers={customers.items}
            names={names}
            linkTo={(customer) => `/partner/customers/${customer.id}`}
            showOffice={false}
            showSource={false}
            busy={customers.loading}
          />
        </ListBody>
      </section>
    </section>
  )
}
