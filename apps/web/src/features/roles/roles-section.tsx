import { useState } from 'react'
import { errorMessage } from '../../app/api.ts'
import { permissionLabel } from '../../app/permissions.ts'
import type { User } from '../users/users.api.ts'
import { RoleForm } from './role-form.tsx'
import { deleteRole, type PermissionInfo, type Role } from './roles.api.ts'

type Panel = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; role: Role }

type Props = { roles: Role[]; permissions: PermissionInfo[]; users: User[]; onChanged: () => void }

/** Roles and what they grant. Built-in roles are fixed; custom ones can be made, changed and deleted. */
export function RolesSection({ roles, permissions, users, onChanged }: Props) {
  const [panel, setPanel] = useState<Panel>({ mode: 'closed' })
  const [confirmingId, setConfirmingId] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const descriptions = new Map(permissions.map((p) => [p.name, p.description]))
  // Built-in roles first, then custom ones, each by name.
  const sorted = [...roles].sort(
    (a, b) => Number(b.builtin) - Number(a.builtin) || a.name.localeCompare(b.name),
  )

  function saved(role: Role, verb: string) {
    setPanel({ mode: 'closed' })
    setFailure(null)
    setNotice(`Role ${role.name} ${verb}.`)
    onChanged()
  }

  async function remove(role: Role) {
    setConfirmingId(null)
    try {
      await deleteRole(role.id)
      setFailure(null)
      setNotice(`Role ${role.name} deleted.`)
      onChanged()
    } catch (error) {
      setNotice(null)
      setFailure(`Could not delete role ${role.name}: ${errorMessage(error)}`)
    }
  }

  return (
    <section className="section" aria-labelledby="roles-title">
      <div className="section-header">
        <h2 id="roles-title">Roles</h2>
        {panel.mode === 'closed' ? (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setNotice(null)
              setPanel({ mode: 'create' })
            }}
          >
            New role
          </button>
        ) : null}
      </div>
      {notice ? (
        <output className="alert alert-success" aria-live="polite">
          {notice}
        </output>
      ) : null}
      {failure ? (
        <div className="alert alert-error" role="alert">
          {failure}
        </div>
      ) : null}
      {panel.mode === 'create' ? (
        <RoleForm
          permissions={permissions}
          onSaved={(role) => saved(role, 'created')}
          onCancel={() => setPanel({ mode: 'closed' })}
        />
      ) : null}
      {panel.mode === 'edit' ? (
        <RoleForm
          key={panel.role.id}
          role={panel.role}
          permissions={permissions}
          onSaved={(role) => saved(role, 'saved')}
          onCancel={() => setPanel({ mode: 'closed' })}
        />
      ) : null}
      <div className="table-wrap">
        <table className="table" aria-labelledby="roles-title">
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Permissions</th>
              <th scope="col">Users</th>
              <th scope="col" className="actions-col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((role) => (
              <tr key={role.id}>
                <th scope="row" className="nowrap">
                  {role.name}
                  {role.builtin ? <span className="tag tag-quiet">built-in</span> : null}
                </th>
                <td>
                  {role.permissions.length ? (
                    <ul className="chips">
                      {role.permissions.map((name) => (
                        <li key={name} className="chip" title={descriptions.get(name)}>
                          {permissionLabel(name)}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted">No permissions</span>
                  )}
                </td>
                <td>{users.filter((user) => user.roleIds.includes(role.id)).length}</td>
                <td className="actions-col">
                  {role.builtin ? (
                    <span className="muted">Read-only</span>
                  ) : confirmingId === role.id ? (
                    <span className="confirm">
                      Delete {role.name}?
                      <button type="button" className="button button-danger" onClick={() => remove(role)}>
                        Delete
                      </button>
                      <button type="button" className="button" onClick={() => setConfirmingId(null)}>
                        Keep
                      </button>
                    </span>
                  ) : (
                    <span className="row-actions">
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`Edit role ${role.name}`}
                        onClick={() => {
                          setNotice(null)
                          setPanel({ mode: 'edit', role })
                        }}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="button button-small button-danger-quiet"
                        aria-label={`Delete role ${role.name}`}
                        onClick={() => setConfirmingId(role.id)}
                      >
                        Delete
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
