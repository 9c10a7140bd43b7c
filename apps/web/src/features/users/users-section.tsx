import { useState } from 'react'
import { errorMessage } from '../../app/api.ts'
import { useAuth } from '../../app/auth.tsx'
import type { Role } from '../roles/roles.api.ts'
import { UserForm } from './user-form.tsx'
import { deleteUser, type User } from './users.api.ts'

type Panel = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; user: User }

type Props = { users: User[]; roles: Role[]; onChanged: () => void }

export function UsersSection({ users, roles, onChanged }: Props) {
  const { me } = useAuth()
  const [panel, setPanel] = useState<Panel>({ mode: 'closed' })
  const [confirmingId, setConfirmingId] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const roleNames = new Map(roles.map((role) => [role.id, role.name]))

  function saved(user: User, verb: string) {
    setPanel({ mode: 'closed' })
    setFailure(null)
    setNotice(`${user.name} ${verb}.`)
    onChanged()
  }

  async function remove(user: User) {
    setConfirmingId(null)
    try {
      await deleteUser(user.id)
      setFailure(null)
      setNotice(`${user.name} deleted.`)
      onChanged()
    } catch (error) {
      setNotice(null)
      setFailure(`Could not delete ${user.name}: ${errorMessage(error)}`)
    }
  }

  return (
    <section className="section" aria-labelledby="users-title">
      <div className="section-header">
        <h2 id="users-title">Users</h2>
        {panel.mode === 'closed' ? (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setNotice(null)
              setPanel({ mode: 'create' })
            }}
          >
            Add user
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
        <UserForm
          roles={roles}
          onSaved={(user) => saved(user, 'added')}
          onCancel={() => setPanel({ mode: 'closed' })}
        />
      ) : null}
      {panel.mode === 'edit' ? (
        <UserForm
          key={panel.user.id}
          user={panel.user}
          roles={roles}
          onSaved={(user) => saved(user, 'saved')}
          onCancel={() => setPanel({ mode: 'closed' })}
        />
      ) : null}
      <div className="table-wrap">
        <table className="table" aria-labelledby="users-title">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Roles</th>
              <th scope="col">Lead notifications</th>
              <th scope="col">Status</th>
              <th scope="col" className="actions-col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className={user.disabled ? 'row-muted' : undefined}>
                <th scope="row">
                  {user.name}
                  {user.id === me.user?.id ? <span className="tag tag-quiet">you</span> : null}
                </th>
                <td>{user.email}</td>
                <td>
                  {user.roleIds.length
                    ? user.roleIds.map((id) => roleNames.get(id) ?? 'Unknown role').join(', ')
                    : '—'}
                </td>
                <td>{user.leadNotifications ? 'Yes' : '—'}</td>
                <td>
                  {user.disabled ? (
                    <span className="badge badge-off">Disabled</span>
                  ) : (
                    <span className="badge badge-on">Active</span>
                  )}
                </td>
                <td className="actions-col">
                  {confirmingId === user.id ? (
                    <span className="confirm">
                      Delete {user.name}?
                      <button type="button" className="button button-danger" onClick={() => remove(user)}>
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
                        aria-label={`Edit ${user.name}`}
                        onClick={() => {
                          setNotice(null)
                          setPanel({ mode: 'edit', user })
                        }}
                      >
                        Edit
                      </button>
                      {user.id === me.user?.id ? null : (
                        <button
                          type="button"
                          className="button button-small button-danger-quiet"
                          aria-label={`Delete ${user.name}`}
                          onClick={() => setConfirmingId(user.id)}
                        >
                          Delete
                        </button>
                      )}
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
