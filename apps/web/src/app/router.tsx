import type { ReactNode } from 'react'
import { createBrowserRouter } from 'react-router'
import { LoginPage } from '../features/auth/login-page.tsx'
import { CustomersPage } from '../features/customers/customers-page.tsx'
import { NotFoundPage } from '../features/errors/not-found-page.tsx'
import { RouteErrorPage } from '../features/errors/route-error-page.tsx'
import { LeadsPage } from '../features/leads/leads-page.tsx'
import { MessageCampaignsPage } from '../features/message-campaigns/message-campaigns-page.tsx'
import { OfficeLocationsPage } from '../features/office-locations/office-locations-page.tsx'
import { PartnerCompaniesPage } from '../features/partner-companies/partner-companies-page.tsx'
import {
  EditPartnerCompanyPage,
  NewPartnerCompanyPage,
} from '../features/partner-companies/partner-company-page.tsx'
import { PartnerPortalPage } from '../features/partner-portal/partner-portal-page.tsx'
import { TagsPage } from '../features/tags/tags-page.tsx'
import { UsersRolesPage } from '../features/users/users-roles-page.tsx'
import { AuthProvider } from './auth.tsx'
import type { Permission } from './permissions.ts'
import { RequirePartner, RequirePermission } from './require-permission.tsx'
import { AdminRedirect, AppShell, HomeRedirect } from './shell.tsx'

const guarded = (path: string, anyOf: Permission[], page: ReactNode) => ({
  path,
  element: <RequirePermission anyOf={anyOf}>{page}</RequirePermission>,
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
          {
            path: 'leads',
            element: (
              <RequirePermission anyOf={['view_leads', 'view_pending_leads']}>
                <LeadsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'customers',
            element: (
              <RequirePermission anyOf={['view_customers']}>
                <CustomersPage />
              </RequirePermission>
            ),
          },
          {
            path: 'partner',
            element: (
              <RequirePartner>
                <PartnerPortalPage />
              </RequirePartner>
            ),
          },
          { path: 'admin', element: <AdminRedirect /> },
          guarded('admin/partner-companies', ['manage_partner_companies'], <PartnerCompaniesPage />),
          guarded('admin/partner-companies/new', ['manage_partner_companies'], <NewPartnerCompanyPage />),
          guarded('admin/partner-companies/:id', ['manage_partner_companies'], <EditPartnerCompanyPage />),
          guarded('admin/tags', ['manage_partner_companies'], <TagsPage />),
          guarded('admin/office-locations', ['manage_settings'], <OfficeLocationsPage />),
          guarded('admin/message-campaigns', ['manage_settings'], <MessageCampaignsPage />),
          guarded('admin/users', ['manage_users'], <UsersRolesPage />),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
])
