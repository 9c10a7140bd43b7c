import { useId, useState } from 'react'
import type { Permission } from '../../app/contracts.ts'
import { Checkbox, CheckboxGroup, FormAlert, TextField, toggle } from '../../app/form.tsx'
import { permissionLabel } from '../../app/permissions.ts'
import { useSubmit } from '../../app/use-submit.ts'
import { createRole, type PermissionInfo, type Role, type RoleInput, updateRole } from './roles.api.ts'

const fields = ['name', 'permissions'] as const

type Props = {
  /** The custom role to change; absent to create one. */
  role?: Role
  permissions: PermissionInfo[]
  onSaved: (role: Role) => void
  onCancel: () => void
}

export function RoleForm({ role, permissions, onSaved, onCancel }: Props) {
  const titleId = useId()
  const [name, setName] = useState(role?.name ?? '')
  const [granted, setGranted] = useState<Permission[]>(role?.permissions ?? [])
  const form = useSubmit({
    fields,
    send: (input: RoleInput) => (role ? updateRole(role.id, input) : createRole(input)),
    onDone: onSaved,
  })
  const { errors, busy } = form
  // Keep the API's order, whatever order the boxes were ticked in.
  const input = () => ({
    name,
    permissions: permissions.map((p) => p.name).filter((p) => granted.includes(p)),
  })

  return (
    <form
      className="card form-card"
      onSubmit={(event) => form.submit(input(), event)}
      noValidate
      aria-labelledby={titleId}
    >
      <h3 id={titleId}>{role ? `Edit role ${role.name}` : 'New role'}</h3>
      <FormAlert message={errors.form} />
      <div className="form-grid">
        <TextField
          label="Role name"
          name="name"
          value={name}
          onChange={setName}
          error={errors.fields.name}
          autoComplete="off"
          autoFocus
        />
      </div>
      <CheckboxGroup legend="Permissions" error={errors.fields.permissions}>
        {permissions.map((permission) => (
          <Checkbox
            key={permission.name}
            name="permissions"
            label={permissionLabel(permission.name)}
            hint={permission.description}
            checked={granted.includes(permission.name)}
            onChange={(on) => setGranted((list) => toggle(list, permission.name, on))}
          />
        ))}
      </CheckboxGroup>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {role ? 'Save role' : 'Create role'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  )
}
