import { useId, useState } from 'react'
import { Checkbox, CheckboxGroup, FormAlert, TextField, toggle } from '../../app/form.tsx'
import { useSubmit } from '../../app/use-submit.ts'
import type { Role } from '../roles/roles.api.ts'
import { createUser, type UpdateUserInput, type User, updateUser } from './users.api.ts'

const fields = ['name', 'email', 'password', 'roleIds', 'leadNotifications', 'disabled'] as const

type Props = {
  /** The user to change; absent to add a new one. */
  user?: User
  roles: Role[]
  onSaved: (user: User) => void
  onCancel: () => void
}

/** Adds a user, or changes one: name, email, roles, notifications, disabled, and optionally a new password. */
export function UserForm({ user, roles, onSaved, onCancel }: Props) {
  const titleId = useId()
  const [name, setName] = useState(user?.name ?? '')
  const [email, setEmail] = useState(user?.email ?? '')
  const [password, setPassword] = useState('')
  const [roleIds, setRoleIds] = useState<string[]>(user?.roleIds ?? [])
  const [leadNotifications, setLeadNotifications] = useState(user?.leadNotifications ?? false)
  const [disabled, setDisabled] = useState(user?.disabled ?? false)
  const form = useSubmit({
    fields: fields,
    send: async () => {
      let saved: User
      if (user) {
        const changes: UpdateUserInput = { name, roleIds, leadNotifications, disabled }
        if (email !== user.email) changes.email = email
        if (password) changes.password = password
        saved = await updateUser(user.id, changes)
      } else {
        saved = await createUser({ name, email, password, roleIds, leadNotifications })
      }
      return saved
    },
    onDone: onSaved,
  })
  const { errors, busy } = form

  return (
    <form className="card form-card" onSubmit={form.onSubmit} noValidate aria-labelledby={titleId}>
      <h3 id={titleId}>{user ? `Edit ${user.name}` : 'Add user'}</h3>
      <FormAlert message={errors.form} />
      <div className="form-grid">
        <TextField
          label="Name"
          name="name"
          value={name}
          onChange={setName}
          error={errors.fields.name}
          autoComplete="off"
          autoFocus
        />
        <TextField
          label="Email"
          name="email"
          type="email"
          value={email}
          onChange={setEmail}
          error={errors.fields.email}
          autoComplete="off"
        />
        <TextField
          label={user ? 'New password' : 'Password'}
          name="password"
          type="password"
          value={password}
          onChange={setPassword}
          error={errors.fields.password}
          hint={user ? 'Leave empty to keep the current password' : 'At least 8 characters'}
          autoComplete="new-password"
        />
      </div>
      <CheckboxGroup legend="Roles" error={errors.fields.roleIds}>
        {roles.map((role) => (
          <Checkbox
            key={role.id}
            name="roleIds"
            label={role.name}
            checked={roleIds.includes(role.id)}
            onChange={(on) => setRoleIds((ids) => toggle(ids, role.id, on))}
          />
        ))}
      </CheckboxGroup>
      <div className="field checkbox-stack">
        <Checkbox
          name="leadNotifications"
          label="Receives lead notifications"
          hint="Emailed about new leads distributed by a supplier"
          checked={leadNotifications}
          onChange={setLeadNotifications}
          error={errors.fields.leadNotifications}
        />
        {user ? (
          <Checkbox
            name="disabled"
            label="Disabled"
            hint="A disabled user cannot log in"
            checked={disabled}
            onChange={setDisabled}
            error={errors.fields.disabled}
          />
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {user ? 'Save changes' : 'Create user'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  )
}
