import { lazy, type ReactNode, Suspense } from 'react'
import { createBrowserRouter } from 'react-router'
import { FollowUpsPage } from '../features/activities/follow-ups-page.tsx'
import { ApiKeysPage } from '../features/api-keys/api-keys-page.tsx'
import { AuditPage } from '../features/audit/audit-page.tsx'
import { LoginPage } from '../features/auth/login-page.tsx'
import { CustomerPage, PortalCustomerPage } from '../features/customers/customer-page.tsx'
import { CustomersPage } from '../features/customers/customers-page.tsx'
import { NewCustomerPage } from '../features/customers/new-customer-page.tsx'
import { DeliveriesPage } from '../features/deliveries/deliveries-page.tsx'
import { NotFoundPage } from '../features/errors/not-found-page.tsx'
import { RouteErrorPage } from '../features/errors/route-error-page.tsx'
import { PostingSpecPage } from '../features/exchange/posting-spec-page.tsx'
import { LeadImportPage } from '../features/imports/import-page.tsx'
import { CompaniesPage } from '../features/lead-management/companies-page.tsx'
import { LeadManagementPage } from '../features/lead-management/lead-management-page.tsx'
import { SalesRepsPage } from '../features/lead-management/sales-reps-page.tsx'
import { LeadPage, PortalLeadPage } from '../features/leads/lead-page.tsx'
import { LeadsPage } from '../features/leads/leads-page.tsx'
import { NewLeadPage } from '../features/leads/new-lead-page.tsx'
import { MailMessagePage } from '../features/mail/mail-message-page.tsx'
import { MailPage } from '../features/mail/mail-page.tsx'
import { MessageCampaignsPage } from '../features/message-campaigns/message-campaigns-page.tsx'
import { OfficeLocationsPage } from '../features/office-locations/office-locations-page.tsx'
import { PartnerCompaniesPage } from '../features/partner-companies/partner-companies-page.tsx'
import {
  EditPartnerCompanyPage,
  NewPartnerCompanyPage,
} from '../features/partner-companies/partner-company-page.tsx'
import { PartnerPortalPage } from '../features/partner-portal/partner-portal-page.tsx'
import { QueueSettingsPage } from '../features/queue-settings/queue-settings-page.tsx'
import { ReturnReasonsPage } from '../features/return-reasons/return-reasons-page.tsx'
import { TagsPage } from '../features/tags/tags-page.tsx'
import { UsersRolesPage } from '../features/users/users-roles-page.tsx'
import { AuthProvider } from './auth.tsx'
import type { Permission } from './permissions.ts'
import { RequirePartner, RequirePermission } from './require-permission.tsx'
import { AdminRedirect, AppShell, HomeRedirect } from './shell.tsx'

// The charts library is loaded with the dashboard, not with every page.
const DashboardPage = lazy(() =>
  import('../features/reports/dashboard-page.tsx').then((m) => ({ default: m.DashboardPage })),
)

const guarded = (path: string, anyOf: Permission[], page: ReactNode) => ({
  path,
  element: <RequirePermission anyOf={anyOf}>{page}</RequirePermission>,
})

const partnerOnly = (path: string, page: ReactNode) => ({
  path,
  element: <RequirePartner>{page}</RequirePartner>,
})

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    path: '/',
    element: (
      <AuthProvider>
        <AppShell />
      </AuthProvider>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      {
        // A failing page shows its error inside the shell, navigation still in reach.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomeRedirect /> },
          guarded(
            'dashboard',
            ['view_reports'],
            <Suspense fallback={<p className="muted">Loading…</p>}>
              <DashboardPage />
            </Suspense>,
          ),
          guarded('leads', ['view_leads', 'view_pending_leads'], <LeadsPage />),
          guarded('leads/new', ['create_leads'], <NewLeadPage />),
          guarded('leads/import', ['create_leads'], <LeadImportPage />),
          guarded('leads/:id', ['view_leads'], <LeadPage />),
          guarded('customers', ['view_customers'], <CustomersPage />),
          guarded('customers/new', ['manage_customers'], <NewCustomerPage />),
          guarded('customers/:id', ['view_customers'], <CustomerPage />),
          guarded('follow-ups', ['view_leads', 'view_customers'], <FollowUpsPage />),
          guarded('deliveries', ['sell_leads', 'manage_partner_companies'], <DeliveriesPage />),
          partnerOnly('partner', <PartnerPortalPage />),
          partnerOnly('partner/leads/:id', <PortalLeadPage />),
          partnerOnly('partner/customers/:id', <PortalCustomerPage />),
          { path: 'admin', element: <AdminRedirect /> },
          guarded('admin/partner-companies', ['manage_partner_companies'], <PartnerCompaniesPage />),
          guarded('admin/partner-companies/new', ['manage_partner_companies'], <NewPartnerCompanyPage />),
          guarded('admin/partner-companies/:id', ['manage_partner_companies'], <EditPartnerCompanyPage />),
          guarded(
            'admin/partner-companies/:id/posting-spec',
            ['manage_partner_companies'],
            <PostingSpecPage />,
          ),
          guarded('admin/tags', ['manage_partner_companies'], <TagsPage />),
          guarded('admin/office-locations', ['manage_settings'], <OfficeLocationsPage />),
          guarded('admin/message-campaigns', ['manage_settings'], <MessageCampaignsPage />),
          guarded('admin/queue-settings', ['manage_settings'], <QueueSettingsPage />),
          guarded('admin/return-reasons', ['manage_settings'], <ReturnReasonsPage />),
          guarded('admin/lead-management', ['manage_settings'], <LeadManagementPage />),
          guarded('admin/companies', ['manage_settings'], <CompaniesPage />),
          guarded('admin/sales-reps', ['manage_settings'], <SalesRepsPage />),
          guarded('admin/users', ['manage_users'], <UsersRolesPage />),
          guarded('admin/api-keys', ['manage_users'], <ApiKeysPage />),
          guarded('admin/audit', ['view_audit'], <AuditPage />),
          guarded('admin/mail', ['view_mail'], <MailPage />),
          guarded('admin/mail/:id', ['view_mail'], <MailMessagePage />),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
])
