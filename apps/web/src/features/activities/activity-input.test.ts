import { describe, expect, it } from 'vitest'
import { FormCheckError } from '../../app/form-errors.ts'
import { activityInput } from './activity-input.ts'

const draft = { kind: 'note' as const, text: '', outcome: '', minutes: '', followUp: '' }

describe('the note or call form', () => {
  it('sends a call with its outcome, its length in seconds and the follow-up as a moment', () => {
    const input = activityInput({
      kind: 'call',
      text: '  Left a message ',
      outcome: 'voicemail',
      minutes: '2.5',
      followUp: '2026-12-08T09:00',
    })
    expect(input).toEqual({
      kind: 'call',
      text: 'Left a message',
      outcome: 'voicemail',
      durationSeconds: 150,
      followUpAt: new Date('2026-12-08T09:00').toISOString(),
    })
  })

  it('sends a note without the call fields, even when some were typed before switching', () => {
    expect(activityInput({ ...draft, text: 'Prefers email', outcome: 'busy', minutes: '3' })).toEqual({
      kind: 'note',
      text: 'Prefers email',
    })
  })

  it('names every mistake beside its field at once', () => {
    try {
      activityInput({ kind: 'call', text: ' ', outcome: '', minutes: '-1', followUp: 'soon' })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(FormCheckError)
      expect((error as FormCheckError).errors.fields).toEqual({
        text: 'Write how the call went',
        durationSeconds: 'Enter the length in minutes, from 0 to 1440',
        followUpAt: 'Enter the follow-up as a date and time',
      })
    }
  })
})
