import { useAuth } from '../../app/auth.tsx'
import { AddButton, useEditPanel } from '../../app/edit-panel.tsx'
import { NoticeAlerts, useNotices } from '../../app/notices.tsx'
import { RowActions, RowButton, RowDeleteButton, useRowDelete } from '../../app/row-actions.tsx'
import type { Role } from '../roles/roles.api.ts'
import { UserForm } from './user-form.tsx'
import { deleteUser, type User } from './users.api.ts'

type Props = { users: User[]; roles: Role[] }

export function UsersSection({ users, roles }: Props) {
  const { me } = useAuth()
  const notices = useNotices()
  const panel = useEditPanel<User>(notices)
  const deletion = useRowDelete(notices)
  const roleNames = new Map(roles.map((role) => [role.id, role.name]))

  const remove = (user: User) =>
    deletion.remove(() => deleteUser(user.id), {
      done: `${user.name} deleted.`,
      failed: `Could not delete ${user.name}`,
    })

  return (
    <section className="section" aria-labelledby="users-title">
      <div className="section-header">
        <h2 id="users-title">Users</h2>
        <AddButton panel={panel}>Add user</AddButton>
      </div>
      <NoticeAlerts notices={notices} />
      {panel.state.mode === 'create' ? (
        <UserForm
          roles={roles}
          onSaved={(user) => panel.saved(`${user.name} added.`)}
          onCancel={panel.close}
        />
      ) : null}
      {panel.state.mode === 'edit' ? (
        <UserForm
          key={panel.state.item.id}
          user={panel.state.item}
          roles={roles}
          onSaved={(user) => panel.saved(`${user.name} saved.`)}
          onCancel={panel.close}
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
                  <RowActions
                    confirming={deletion.confirmingId === user.id}
                    question={`Delete ${user.name}?`}
                    onDelete={() => remove(user)}
                    onKeep={deletion.keep}
                  >
                    <RowButton label={`Edit ${user.name}`} onClick={() => panel.edit(user)}>
                      Edit
                    </RowButton>
                    {user.id === me.user?.id ? null : (
                      <RowDeleteButton label={`Delete ${user.name}`} onClick={() => deletion.ask(user.id)} />
                    )}
                  </RowActions>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
