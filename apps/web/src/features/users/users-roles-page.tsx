import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { ErrorView } from '../errors/error-view.tsx'
import { listPermissions, listRoles } from '../roles/roles.api.ts'
import { RolesSection } from '../roles/roles-section.tsx'
import { listUsers } from './users.api.ts'
import { UsersSection } from './users-section.tsx'

/** Administration → Users & Roles. */
export function UsersRolesPage() {
  const users = useQuery({ queryKey: ['users'], queryFn: ({ signal }) => listUsers(signal) })
  const roles = useQuery({ queryKey: ['roles'], queryFn: ({ signal }) => listRoles(signal) })
  const permissions = useQuery({
    queryKey: ['permissions'],
    queryFn: ({ signal }) => listPermissions(signal),
  })

  const error = users.error ?? roles.error ?? permissions.error
  const retry = () => {
    for (const query of [users, roles, permissions]) if (query.error) void query.refetch()
  }

  let body: ReactNode
  if (error && !(users.data && roles.data && permissions.data))
    body = <ErrorView error={error} onRetry={retry} />
  else if (!users.data || !roles.data || !permissions.data) body = <p className="muted">Loading…</p>
  else
    body = (
      <>
        <UsersSection users={users.data} roles={roles.data} />
        <RolesSection roles={roles.data} permissions={permissions.data} users={users.data} />
      </>
    )

  return (
    <div className="page">
      <title>Users & Roles · Tributary</title>
      <header className="page-header">
        <p className="breadcrumb">Administration</p>
        <h1>Users &amp; Roles</h1>
      </header>
      {body}
    </div>
  )
}
