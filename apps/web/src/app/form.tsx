import { type ReactNode, useId } from 'react'
import { ApiError } from './api.ts'

/** What a failed submit leaves on a form: messages per field and one for the whole form. */
export type FormErrors = { fields: Record<string, string>; form: string | null }

export const noErrors: FormErrors = { fields: {}, form: null }

/**
 * Turns a failed request into form errors. Field errors whose path names one of `fields`
 * (`roleIds.0` belongs to `roleIds`) show beside that field; anything else goes to the form.
 */
export function formErrorsFrom(error: unknown, fields: readonly string[]): FormErrors {
  if (!(error instanceof ApiError)) {
    return { fields: {}, form: error instanceof Error ? error.message : 'Something went wrong' }
  }
  const byField: Record<string, string> = {}
  const elsewhere: string[] = []
  for (const { path, message } of error.errors) {
    const field = fields.find((name) => path === name || path.startsWith(`${name}.`))
    if (field) byField[field] ??= message
    else elsewhere.push(path ? `${path}: ${message}` : message)
  }
  let form: string | null = null
  if (elsewhere.length) form = elsewhere.join('; ')
  else if (!Object.keys(byField).length) form = error.detail || error.title
  else form = 'Please correct the fields marked below.'
  return { fields: byField, form }
}

export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null
  return (
    <div className="alert alert-error" role="alert">
      {message}
    </div>
  )
}

type TextFieldProps = {
  label: string
  name: string
  value: string
  onChange: (value: string) => void
  error?: string | undefined
  hint?: string
  type?: 'text' | 'email' | 'password'
  autoComplete?: string
  autoFocus?: boolean
}

export function TextField({
  label,
  name,
  value,
  onChange,
  error,
  hint,
  type = 'text',
  autoComplete,
  autoFocus,
}: TextFieldProps) {
  const id = useId()
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        autoComplete={autoComplete}
        // biome-ignore lint/a11y/noAutofocus: the first field of a form the user just opened
        autoFocus={autoFocus}
      />
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  )
}

export function FieldError({ id, message }: { id?: string; message: string | undefined }) {
  if (!message) return null
  return (
    <p className="field-error" id={id}>
      {message}
    </p>
  )
}

export function Checkbox({
  label,
  checked,
  onChange,
  hint,
  error,
  name,
}: {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
  hint?: string | undefined
  error?: string | undefined
  name?: string
}) {
  const id = useId()
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return (
    <div className={error ? 'checkbox has-error' : 'checkbox'}>
      <input
        id={id}
        type="checkbox"
        name={name}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint ? (
          <p className="checkbox-hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : null}
        <FieldError id={`${id}-error`} message={error} />
      </div>
    </div>
  )
}

/** A group of checkboxes with one legend and one error, e.g. a user's roles. */
export function CheckboxGroup({
  legend,
  error,
  children,
}: {
  legend: string
  error?: string | undefined
  children: ReactNode
}) {
  return (
    <fieldset className={error ? 'field checkbox-group has-error' : 'field checkbox-group'}>
      <legend>{legend}</legend>
      <div className="checkbox-list">{children}</div>
      <FieldError message={error} />
    </fieldset>
  )
}

export function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? (list.includes(item) ? [...list] : [...list, item]) : list.filter((x) => x !== item)
}
