import { FormCheckError } from '../../app/form-errors.ts'
import type { ActivityInput, CallOutcome } from './activities.api.ts'

/** The note or call form as typed: the length in minutes, the follow-up on the browser's clock. */
export type ActivityDraft = {
  kind: 'note' | 'call'
  text: string
  outcome: string
  minutes: string
  followUp: string
}

/** The input a filled-in note or call form sends; the form's own mistakes as field errors. */
export function activityInput(draft: ActivityDraft): ActivityInput {
  const errors: Record<string, string> = {}
  const input: ActivityInput = { kind: draft.kind, text: draft.text.trim() }
  if (!input.text) errors.text = draft.kind === 'call' ? 'Write how the call went' : 'Write the note'
  if (draft.kind === 'call') {
    if (draft.outcome) input.outcome = draft.outcome as CallOutcome
    if (draft.minutes.trim()) {
      const minutes = Number(draft.minutes)
      if (!Number.isFinite(minutes) || minutes < 0 || minutes > 1440)
        errors.durationSeconds = 'Enter the length in minutes, from 0 to 1440'
      else input.durationSeconds = Math.round(minutes * 60)
    }
  }
  if (draft.followUp) {
    const when = new Date(draft.followUp)
    if (Number.isNaN(when.getTime())) errors.followUpAt = 'Enter the follow-up as a date and time'
    else input.followUpAt = when.toISOString()
  }
  if (Object.keys(errors).length) throw new FormCheckError(errors, null)
  return input
}
