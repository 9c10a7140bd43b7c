import { useId, useState } from 'react'
import { FormAlert, TextField } from './form.tsx'
import { useSubmit } from './use-submit.ts'

/**
 * The one-field form above a list of names (tags, return reasons): it adds one, then empties itself
 * for the next.
 */
export function AddNameForm<T>({
  title,
  label,
  submitLabel,
  create,
  onSaved,
  onChange,
}: {
  /** The form's name for screen readers, e.g. "Add tag". */
  title: string
  label: string
  submitLabel: string
  create: (name: string) => Promise<T>
  onSaved: (item: T) => void
  /** Typing starts something new: the page clears its last notice. */
  onChange?: () => void
}) {
  const titleId = useId()
  const [name, setName] = useState('')
  const form = useSubmit({
    fields: ['name'],
    send: create,
    onDone: (item: T) => {
      setName('')
      onSaved(item)
    },
  })

  return (
    <form
      className="card inline-form narrow"
      onSubmit={(event) => form.submit(name, event)}
      onChange={onChange}
      noValidate
      aria-labelledby={titleId}
    >
      <h2 id={titleId} className="visually-hidden">
        {title}
      </h2>
      <FormAlert message={form.errors.fields.name ? null : form.errors.form} />
      <div className="inline-form-row">
        <TextField
          label={label}
          name="name"
          value={name}
          onChange={setName}
          error={form.errors.fields.name}
          autoComplete="off"
        />
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  )
}

/** Renames one row of a list in place of the row; any error shows under the one field. */
export function RenameForm<T>({
  title,
  label,
  initialName,
  rename,
  onSaved,
  onCancel,
}: {
  /** The form's name for screen readers, e.g. "Rename tag Urgent". */
  title: string
  label: string
  initialName: string
  rename: (name: string) => Promise<T>
  onSaved: (item: T) => void
  onCancel: () => void
}) {
  const [name, setName] = useState(initialName)
  const form = useSubmit({ fields: ['name'], send: rename, onDone: onSaved })
  const { fields, form: other } = form.errors

  return (
    <form
      className="inline-form-row"
      onSubmit={(event) => form.submit(name, event)}
      noValidate
      aria-label={title}
    >
      <TextField
        label={label}
        name="name"
        value={name}
        onChange={setName}
        error={fields.name ?? other ?? undefined}
        autoComplete="off"
        autoFocus
      />
      <button type="submit" className="button button-primary" disabled={form.busy}>
        Save
      </button>
      <button type="button" className="button" onClick={onCancel} disabled={form.busy}>
        Cancel
      </button>
    </form>
  )
}
