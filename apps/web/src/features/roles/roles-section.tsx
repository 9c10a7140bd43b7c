import { AddButton, useEditPanel } from '../../app/edit-panel.tsx'
import { NoticeAlerts, useNotices } from '../../app/notices.tsx'
import { permissionLabel } from '../../app/permissions.ts'
import { RowActions, RowButton, RowDeleteButton, useRowDelete } from '../../app/row-actions.tsx'
import type { User } from '../users/users.api.ts'
import { RoleForm } from './role-form.tsx'
import { deleteRole, type PermissionInfo, type Role } from './roles.api.ts'

type Props = { roles: Role[]; permissions: PermissionInfo[]; users: User[] }

/** Roles and what they grant. Built-in roles are fixed; custom ones can be made, changed and deleted. */
export function RolesSection({ roles, permissions, users }: Props) {
  const notices = useNotices()
  const panel = useEditPanel<Role>(notices)
  const deletion = useRowDelete(notices)
  const descriptions = new Map(permissions.map((p) => [p.name, p.description]))
  // Built-in roles first, then custom ones, each by name.
  const sorted = [...roles].sort(
    (a, b) => Number(b.builtin) - Number(a.builtin) || a.name.localeCompare(b.name),
  )

  const remove = (role: Role) =>
    deletion.remove(() => deleteRole(role.id), {
      done: `Role ${role.name} deleted.`,
      failed: `Could not delete role ${role.name}`,
    })

  return (
    <section className="section" aria-labelledby="roles-title">
      <div className="section-header">
        <h2 id="roles-title">Roles</h2>
        <AddButton panel={panel}>New role</AddButton>
      </div>
      <NoticeAlerts notices={notices} />
      {panel.state.mode === 'create' ? (
        <RoleForm
          permissions={permissions}
          onSaved={(role) => panel.saved(`Role ${role.name} created.`)}
          onCancel={panel.close}
        />
      ) : null}
      {panel.state.mode === 'edit' ? (
        <RoleForm
          key={panel.state.item.id}
          role={panel.state.item}
          permissions={permissions}
          onSaved={(role) => panel.saved(`Role ${role.name} saved.`)}
          onCancel={panel.close}
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
                  ) : (
                    <RowActions
                      confirming={deletion.confirmingId === role.id}
                      question={`Delete ${role.name}?`}
                      onDelete={() => remove(role)}
                      onKeep={deletion.keep}
                    >
                      <RowButton label={`Edit role ${role.name}`} onClick={() => panel.edit(role)}>
                        Edit
                      </RowButton>
                      <RowDeleteButton
                        label={`Delete role ${role.name}`}
                        onClick={() => deletion.ask(role.id)}
                      />
                    </RowActions>
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
