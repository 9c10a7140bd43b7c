import type { ReactNode } from 'react'
import { useAuth } from '../../app/auth.tsx'
import { useResource } from '../../app/use-resource.ts'
import { ErrorView } from '../errors/error-view.tsx'
import { listPermissions, listRoles } from '../roles/roles.api.ts'
import { RolesSection } from '../roles/roles-section.tsx'
import { listUsers } from './users.api.ts'
import { UsersSection } from './users-section.tsx'

/** Administration → Users & Roles. */
export function UsersRolesPage() {
  const { refresh } = useAuth()
  const users = useResource('users', listUsers)
  const roles = useResource('roles', (signal) => Promise.all([listRoles(signal), listPermissions(signal)]))

  const error = users.error ?? roles.error
  const retry = () => {
    users.reload()
    roles.reload()
  }

  let body: ReactNode
  if (error && !(users.data && roles.data)) body = <ErrorView error={error} onRetry={retry} />
  else if (!users.data || !roles.data) body = <p className="muted">Loading…</p>
  else {
    const [roleList, permissions] = roles.data
    body = (
      <>
        <UsersSection
          users={users.data}
          roles={roleList}
          onChanged={() => {
            users.reload()
            // One's own roles may have changed, and with them what the navigation shows.
            refresh()
          }}
        />
        <RolesSection
          roles={roleList}
          permissions={permissions}
          users={users.data}
          onChanged={() => {
            roles.reload()
            refresh()
          }}
        />
      </>
    )
  }

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
