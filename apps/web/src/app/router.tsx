import { createBrowserRouter, Navigate } from 'react-router'
import { LoginPage } from '../features/auth/login-page.tsx'
import { CustomersPage } from '../features/customers/customers-page.tsx'
import { NotFoundPage } from '../features/errors/not-found-page.tsx'
import { RouteErrorPage } from '../features/errors/route-error-page.tsx'
import { LeadsPage } from '../features/leads/leads-page.tsx'
import { UsersRolesPage } from '../features/users/users-roles-page.tsx'
import { AuthProvider } from './auth.tsx'
import { RequirePermission } from './require-permission.tsx'
import { AppShell, HomeRedirect } from './shell.tsx'

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
          { path: 'admin', element: <Navigate to="/admin/users" replace /> },
          {
            path: 'admin/users',
            element: (
              <RequirePermission anyOf={['manage_users']}>
                <UsersRolesPage />
              </RequirePermission>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
])
