import { useId, useState } from 'react'
import { FormAlert, TextField } from '../../app/form.tsx'
import { type SettingsFormProps, SettingsList } from '../../app/settings-list.tsx'
import { useSubmit } from '../../app/use-submit.ts'
import {
  createSalesRep,
  deleteSalesRep,
  listSalesReps,
  type SalesRep,
  type SalesRepInput,
  updateSalesRep,
} from './lead-management.api.ts'

/** Administration → Sales Reps (seed 004): people outside the company who get lead emails, never a login. */
export function SalesRepsPage() {
  return (
    <SettingsList
      title="Sales Reps"
      intro="External sales reps receive lead notification emails when you choose them under Lead Management; they never log in."
      noun="sales rep"
      queryKey="sales-reps"
      load={listSalesReps}
      empty="There are no sales reps yet."
      columns={[
        { header: 'Name', cell: (rep) => rep.name },
        { header: 'Email', cell: (rep) => rep.email },
        { header: 'Lead emails', cell: (rep) => (rep.leadNotifications ? 'Yes' : 'No') },
      ]}
      remove={(rep) => deleteSalesRep(rep.id)}
      form={SalesRepForm}
    />
  )
}

function SalesRepForm({ item: rep, onSaved, onCancel }: SettingsFormProps<SalesRep>) {
  const titleId = useId()
  const [name, setName] = useState(rep?.name ?? '')
  const [email, setEmail] = useState(rep?.email ?? '')
  const form = useSubmit({
    fields: ['name', 'email'],
    send: (input: SalesRepInput) => (rep ? updateSalesRep(rep.id, input) : createSalesRep(input)),
    onDone: onSaved,
  })
  const e = form.errors.fields
  return (
    <form
      className="card form-card form-required-bold"
      onSubmit={(event) => form.submit({ name: name.trim(), email: email.trim() }, event)}
      noValidate
      aria-labelledby={titleId}
    >
      <h3 id={titleId}>{rep ? `Edit ${rep.name}` : 'Add sales rep'}</h3>
      <FormAlert message={form.errors.form} />
      <div className="form-grid">
        <TextField
          label="Name"
          name="name"
          value={name}
          onChange={setName}
          error={e.name}
          autoComplete="off"
          autoFocus
          required
        />
        <TextField
          label="Email"
          name="email"
          type="email"
          value={email}
          onChange={setEmail}
          error={e.email}
          autoComplete="off"
          required
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {rep ? 'Save changes' : 'Add sales rep'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={form.busy}>
          Cancel
        </button>
      </div>
    </form>
  )
}
