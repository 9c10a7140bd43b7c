import { z } from 'zod'
import { Id, Timestamp } from './common.ts'
import { TimeZone } from './settings.ts'

/** What a person did on a lead or customer: wrote a note, or called (with how it went). */
export const ActivityKind = z.enum(['note', 'call'])

export const CallOutcome = z.enum(['reached', 'no_answer', 'voicemail', 'busy', 'wrong_number'])

export const ActivityBody = z
  .strictObject({
    kind: ActivityKind,
    text: z.string().trim().min(1, 'Write what happened').max(5000),
    outcome: CallOutcome.optional().describe('Calls only: how the call went'),
    durationSeconds: z
      .number()
      .int('Enter the length in whole seconds')
      .min(0)
      .max(86_400, 'A call lasts at most a day (86400 seconds)')
      .optional()
      .describe('Calls only'),
    followUpAt: z.iso
      .datetime({ offset: true, error: 'Enter the follow-up as a date and time' })
      .optional()
      .describe("When to get back to them; listed in the author's follow-ups"),
  })
  .meta({ id: 'ActivityBody' })
export type ActivityBody = z.infer<typeof ActivityBody>

const author = z.object({ userId: Id.nullable(), label: z.string() })

export const Activity = z
  .object({
    id: Id,
    at: Timestamp,
    author,
    kind: ActivityKind,
    text: z.string(),
    outcome: CallOutcome.nullable(),
    durationSeconds: z.number().int().nullable(),
    followUpAt: Timestamp.nullable(),
  })
  .meta({ id: 'Activity' })
export type Activity = z.infer<typeof Activity>

/** One entry of a record's call-center comments: append-only, never replaced (a return adds one). */
export const CommentEntry = z
  .object({
    id: Id,
    at: Timestamp,
    author,
    text: z.string(),
    via: z
      .enum(['comment', 'return', 'returned_by_buyer', 'earlier'])
      .describe(
        'comment: written on the record; return: given with a return; returned_by_buyer: the buyer’s, ' +
          'with its return over the exchange; earlier: kept from before the history existed',
      ),
  })
  .meta({ id: 'CommentEntry' })
export type CommentEntry = z.infer<typeof CommentEntry>

export const CommentBody = z.strictObject({
  text: z.string().trim().min(1, 'Write a comment').max(5000),
})

export const FollowUpQuery = z.object({
  timeZone: TimeZone.optional().describe("The day's zone; else the company's"),
})

/** A follow-up the caller set on a note or call, due today in the zone asked for. */
export const FollowUp = z
  .object({
    activityId: Id,
    followUpAt: Timestamp,
    kind: ActivityKind,
    text: z.string(),
    record: z.object({
      kind: z.enum(['lead', 'customer']),
      id: Id,
      number: z.number().int(),
      name: z.string().nullable(),
    }),
  })
  .meta({ id: 'FollowUp' })

export const FollowUps = z.object({
  timeZone: z.string(),
  date: z.string().describe('Today in that zone, YYYY-MM-DD'),
  items: z.array(FollowUp),
})
