import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { type FormErrors, formErrorsFrom, noErrors, withoutFields } from './form-errors.ts'

/**
 * The one way a form sends: a TanStack mutation (so every cached answer is refreshed after it),
 * busy while on its way, and a failure turned into errors beside the fields named in `fields`
 * (all of them at once) plus one line for the rest.
 */
export function useSubmit<Input, Result>({
  fields,
  send,
  onDone,
}: {
  fields: readonly string[]
  send: (input: Input) => Promise<Result>
  onDone?: (result: Result, input: Input) => void
}) {
  const mutation = useMutation({ mutationFn: send })
  const [changed, setChanged] = useState<string[]>([])
  const errors: FormErrors = mutation.error
    ? withoutFields(formErrorsFrom(mutation.error, fields), changed)
    : noErrors
  /** Sends `input`; as a form's onSubmit, give it the event too. */
  function submit(input: Input, event?: FormEvent) {
    event?.preventDefault()
    if (mutation.isPending) return
    setChanged([])
    mutation.mutate(input, onDone ? { onSuccess: onDone } : undefined)
  }
  return {
    errors,
    busy: mutation.isPending,
    /** The last failure as it came, for forms that show some problems their own way. */
    error: mutation.error,
    submit,
    /** A form's onSubmit when `send` reads the form's state itself. */
    onSubmit: (event: FormEvent) => submit(undefined as Input, event),
    /** Forgets the last failure, e.g. when the form opens again. */
    reset: mutation.reset,
    /** The user changed `field`: its error from the last attempt goes. */
    changed(field: string) {
      setChanged((previous) => (previous.includes(field) ? previous : [...previous, field]))
    },
  }
}
