import { ApiError } from './api.ts'

/** What a failed submit leaves on a form: messages per field and one for the whole form. */
export type FormErrors = { fields: Record<string, string>; form: string | null }

export const noErrors: FormErrors = { fields: {}, form: null }

/** A check the form makes before sending (a date that must be given): thrown, shown like the API's. */
export class FormCheckError extends Error {
  readonly errors: FormErrors
  constructor(fields: Record<string, string>, form: string | null = null) {
    super(form ?? Object.values(fields).join('; '))
    this.errors = { fields, form }
  }
}

/**
 * Turns a failed request into form errors. Field errors whose path names one of `fields`
 * (`roleIds.0` belongs to `roleIds`) show beside that field; anything else goes to the form.
 */
export function formErrorsFrom(error: unknown, fields: readonly string[]): FormErrors {
  if (error instanceof FormCheckError) return error.errors
  if (!(error instanceof ApiError)) {
    return { fields: {}, form: error instanceof Error ? error.message : 'Something went wrong' }
  }
  const byField: Record<string, string> = {}
  const elsewhere: string[] = []
  for (const { path, message } of error.errors) {
    const field = fields.find((name) => path === name || path.startsWith(`${name}.`))
    if (field) byField[field] ??= message
    // The API's messages name their field ("Choose a campaign"), so the line needs no path.
    else elsewhere.push(message)
  }
  let form: string | null = null
  if (elsewhere.length) form = elsewhere.join('; ')
  else if (!Object.keys(byField).length) form = error.detail || error.title
  else form = 'Please correct the fields marked below.'
  return { fields: byField, form }
}

/** The errors left once the user has changed `changed` fields: theirs go, and the form line with the last. */
export function withoutFields(errors: FormErrors, changed: readonly string[]): FormErrors {
  if (!changed.some((field) => errors.fields[field])) return errors
  const fields = Object.fromEntries(Object.entries(errors.fields).filter(([name]) => !changed.includes(name)))
  return { fields, form: Object.keys(fields).length ? errors.form : null }
}
