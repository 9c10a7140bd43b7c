import { type FormEvent, useId, useState } from 'react'
import { FormAlert, type FormErrors, formErrorsFrom, noErrors, TextField } from './form.tsx'

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
}: {
  /** The form's name for screen readers, e.g. "Add tag". */
  title: string
  label: string
  submitLabel: string
  create: (name: string) => Promise<T>
  onSaved: (item: T) => void
}) {
  const titleId = useId()
  const [name, setName] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    try {
      const item = await create(name)
      setName('')
      setErrors(noErrors)
      onSaved(item)
    } catch (error) {
      setErrors(formErrorsFrom(error, ['name']))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="card inline-form narrow" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId} className="visually-hidden">
        {title}
      </h2>
      <FormAlert message={errors.fields.name ? null : errors.form} />
      <div className="inline-form-row">
        <TextField
          label={label}
          name="name"
          value={name}
          onChange={setName}
          error={errors.fields.name}
          autoComplete="off"
        />
        <button type="submit" className="button button-primary" disabled={busy}>
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
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    try {
      onSaved(await rename(name))
    } catch (error) {
      setErrors(formErrorsFrom(error, ['name']))
      setBusy(false)
    }
  }

  return (
    <form className="inline-form-row" onSubmit={submit} noValidate aria-label={title}>
      <TextField
        label={label}
        name="name"
        value={name}
        onChange={setName}
        error={errors.fields.name ?? (errors.form && !errors.fields.name ? errors.form : undefined)}
        autoComplete="off"
        autoFocus
      />
      <button type="submit" className="button button-primary" disabled={busy}>
        Save
      </button>
      <button type="button" className="button" onClick={onCancel} disabled={busy}>
        Cancel
      </button>
    </form>
  )
}
