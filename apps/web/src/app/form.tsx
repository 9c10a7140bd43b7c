import { type ReactNode, type Ref, useEffect, useId, useRef } from 'react'

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
  hint?: string | undefined
  type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'number' | 'time' | 'datetime-local'
  /** The smallest value of a number, time or date-time input. */
  min?: string
  autoComplete?: string
  autoFocus?: boolean
  /** Shows the label in bold and marks the input required (the API still decides). */
  required?: boolean
  placeholder?: string
  inputRef?: Ref<HTMLInputElement>
  onFocus?: () => void
}

export function TextField({
  label,
  name,
  value,
  onChange,
  error,
  hint,
  type = 'text',
  min,
  autoComplete,
  autoFocus,
  required,
  placeholder,
  inputRef,
  onFocus,
}: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} required={required}>
      {(control) => (
        <input
          {...control}
          name={name}
          type={type}
          min={min}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoComplete={autoComplete}
          placeholder={placeholder}
          ref={inputRef}
          onFocus={onFocus}
          // biome-ignore lint/a11y/noAutofocus: the first field of a form the user just opened
          autoFocus={autoFocus}
        />
      )}
    </Field>
  )
}

/** The id and aria-* attributes that tie an input to its label, hint and error. */
type ControlProps = {
  id: string
  'aria-invalid': true | undefined
  'aria-required': true | undefined
  'aria-describedby': string | undefined
}

/** One labelled field: the label, the control `children` draws, its hint and its error. */
function Field({
  label,
  error,
  hint,
  required,
  children,
}: {
  label: string
  error: string | undefined
  hint: string | undefined
  required: boolean | undefined
  children: (control: ControlProps) => ReactNode
}) {
  const id = useId()
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return (
    <div className={fieldClass(error, required)}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-required': required || undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  )
}

function fieldClass(error: string | undefined, required: boolean | undefined, base = 'field'): string {
  return [base, required ? 'is-required' : '', error ? 'has-error' : ''].filter(Boolean).join(' ')
}

export type Option = { value: string; label: string }

/** A drop-down; `placeholder` adds an empty first choice (e.g. "Choose…", "None"). */
export function SelectField({
  label,
  name,
  value,
  onChange,
  options,
  placeholder,
  error,
  hint,
  required,
  disabled,
}: {
  label: string
  name: string
  value: string
  onChange: (value: string) => void
  options: readonly Option[]
  placeholder?: string
  error?: string | undefined
  hint?: string | undefined
  required?: boolean
  disabled?: boolean
}) {
  return (
    <Field label={label} error={error} hint={hint} required={required}>
      {(control) => (
        <select
          {...control}
          name={name}
          value={value}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value)}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

export function TextAreaField({
  label,
  name,
  value,
  onChange,
  error,
  hint,
  required,
  rows = 3,
  textareaRef,
  onFocus,
}: {
  label: string
  name: string
  value: string
  onChange: (value: string) => void
  error?: string | undefined
  hint?: string | undefined
  required?: boolean
  rows?: number
  textareaRef?: Ref<HTMLTextAreaElement>
  onFocus?: () => void
}) {
  return (
    <Field label={label} error={error} hint={hint} required={required}>
      {(control) => (
        <textarea
          {...control}
          name={name}
          value={value}
          rows={rows}
          ref={textareaRef}
          onChange={(event) => onChange(event.target.value)}
          onFocus={onFocus}
        />
      )}
    </Field>
  )
}

/**
 * Several email addresses, one input each, so an error from the API (`…Emails.1`) shows
 * beside the very address it is about. An empty list shows one empty input.
 */
export function EmailListField({
  label,
  name,
  value,
  onChange,
  errors,
  required,
  hint,
}: {
  label: string
  name: string
  value: readonly string[]
  onChange: (value: string[]) => void
  /** Messages by path: `name` for the list as a whole, `name.<index>` for one address. */
  errors: Record<string, string>
  required?: boolean
  hint?: string | undefined
}) {
  const id = useId()
  const listRef = useRef<HTMLUListElement>(null)
  const focusLast = useRef(false)
  const rows = value.length ? value : ['']
  const listError = errors[name]
  const anyError = listError ?? rows.map((_, i) => errors[`${name}.${i}`]).find(Boolean)

  useEffect(() => {
    if (!focusLast.current) return
    focusLast.current = false
    const inputs = listRef.current?.querySelectorAll('input')
    inputs?.[inputs.length - 1]?.focus()
  })

  const set = (index: number, address: string) => onChange(rows.map((a, i) => (i === index ? address : a)))
  const remove = (index: number) => onChange(rows.filter((_, i) => i !== index))

  return (
    <fieldset
      className={fieldClass(anyError, required, 'field email-list')}
      aria-describedby={listError ? `${id}-error` : undefined}
    >
      <legend>{label}</legend>
      <ul ref={listRef}>
        {rows.map((address, index) => {
          const error = errors[`${name}.${index}`]
          const position = rows.length > 1 ? ` ${index + 1}` : ''
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions; an address may repeat while typed
            <li key={index} className={error ? 'has-error' : undefined}>
              <div className="email-row">
                <input
                  type="email"
                  name={`${name}.${index}`}
                  value={address}
                  aria-label={`${label}${position}`}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error-${index}` : undefined}
                  autoComplete="off"
                  onChange={(event) => set(index, event.target.value)}
                />
                {rows.length > 1 || address ? (
                  <button
                    type="button"
                    className="button button-small button-quiet"
                    aria-label={`Remove ${address || 'empty address'} from ${label}`}
                    onClick={() => remove(index)}
                  >
                    ✕
                  </button>
                ) : null}
              </div>
              <FieldError id={`${id}-error-${index}`} message={error} />
            </li>
          )
        })}
      </ul>
      <button
        type="button"
        className="button button-small button-link"
        onClick={() => {
          focusLast.current = true
          onChange([...rows, ''])
        }}
      >
        + Add address
      </button>
      {hint ? <p className="field-hint">{hint}</p> : null}
      <FieldError id={`${id}-error`} message={listError} />
    </fieldset>
  )
}

/** The addresses to send: trimmed, blanks dropped. */
export function cleanEmails(list: readonly string[]): string[] {
  return list.map((address) => address.trim()).filter(Boolean)
}

/** An empty input means "no value" to the API. */
export function orNull(text: string): string | null {
  const trimmed = text.trim()
  return trimmed ? trimmed : null
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
