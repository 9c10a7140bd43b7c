import { useState } from 'react'
import { TextAreaField } from '../../app/form.tsx'
import { FormCheckError } from '../../app/form-errors.ts'
import type { KeysetList } from '../../app/use-keyset-list.ts'
import type { Selection } from '../../app/use-selection.ts'
import { useSubmit } from '../../app/use-submit.ts'
import type { Contact } from '../contacts/contact.ts'
import { BulkDialog, bulkTitle, refuseTooMany } from '../records/bulk-dialog.tsx'
import { selectedTargets } from '../records/record-list.tsx'
import { countOf, RecordResults, type RecordTarget } from '../records/record-outcome.tsx'
import { acceptLead, declineLead } from './lead-management.api.ts'
import { type Settled, settleEach } from './settle-each.ts'

export type Decision = 'accept' | 'decline'

const maxPerDecision = 500
const words = {
  accept: { title: 'Accept', to: 'to accept', busy: 'Accepting…', done: 'accepted', badge: 'Accepted ✓' },
  decline: { title: 'Decline', to: 'to decline', busy: 'Declining…', done: 'declined', badge: 'Declined ✓' },
}

/** "2 leads accepted." — or null when none was. */
export function decidedNotice(decision: Decision, count: number): string | null {
  return count ? `${countOf('lead', count)} ${words[decision].done}.` : null
}

/**
 * Accept or Decline leads a supplier distributed (seed 004). Accepted, a lead goes to its
 * source's default location; declined, it goes back to the supplier with the reason asked here.
 * Each lead succeeds or fails on its own.
 */
export function DecideDialog({
  decision,
  records,
  onDecided,
  onClose,
}: {
  decision: Decision
  records: readonly RecordTarget[]
  onDecided: (result: Settled) => void
  onClose: () => void
}) {
  const w = words[decision]
  const [reason, setReason] = useState('')
  const [result, setResult] = useState<Settled | null>(null)
  const form = useSubmit({
    fields: ['reason'],
    send: async () => {
      refuseTooMany('lead', records, maxPerDecision, decision === 'accept' ? 'acceptance' : 'decline')
      if (decision === 'decline' && !reason.trim())
        throw new FormCheckError({ reason: 'Say why, for the supplier' })
      const ids = records.map((r) => r.id)
      const answer =
        decision === 'accept'
          ? await settleEach(ids, acceptLead)
          : await settleEach(ids, (id) => declineLead(id, reason.trim()))
      // Told here, not after: the refresh that follows can take away the button that opened this.
      setResult(answer)
      onDecided(answer)
      return answer
    },
  })
  const one = records.length === 1
  return (
    <BulkDialog
      title={bulkTitle(w.title, 'lead', records)}
      kind="lead"
      records={records}
      verb={{ to: w.to, busy: w.busy }}
      intro={
        decision === 'accept'
          ? `${one ? 'The lead goes' : 'The leads go'} to work where the supplier's leads usually go (its default location).`
          : `${one ? 'The lead goes' : 'The leads go'} back to the supplier with your reason.`
      }
      formError={form.errors.form}
      busy={form.busy}
      ready
      onSubmit={form.onSubmit}
      onClose={onClose}
      results={
        result ? (
          <RecordResults
            kind="lead"
            records={records}
            done={new Map(result.done.map((id) => [id, w.badge]))}
            failed={result.failed}
            verb={w.done}
            label={`${w.title} results`}
          />
        ) : null
      }
    >
      {decision === 'decline' ? (
        <TextAreaField
          label="Reason"
          name="reason"
          value={reason}
          onChange={(value) => {
            setReason(value)
            form.changed('reason')
          }}
          error={form.errors.fields.reason}
          hint="The supplier sees it in the lead's timeline, e.g. Outside our territory"
          required
        />
      ) : null}
    </BulkDialog>
  )
}

/** Accept and Decline for the ticked rows of the Awaiting acceptance list. */
export function useDecideSelected<T extends Contact & { id: string; number: number }>({
  list,
  selection,
  onDecided,
}: {
  list: KeysetList<T>
  selection: Selection
  onDecided: (notice: string | null) => void
}) {
  const [open, setOpen] = useState<{ decision: Decision; records: RecordTarget[] } | null>(null)
  const start = (decision: Decision) => () => setOpen({ decision, records: selectedTargets(list, selection) })
  const dialog = open ? (
    <DecideDialog
      decision={open.decision}
      records={open.records}
      onDecided={(result) => {
        selection.clear()
        onDecided(decidedNotice(open.decision, result.done.length))
      }}
      onClose={() => setOpen(null)}
    />
  ) : null
  return { accept: start('accept'), decline: start('decline'), dialog }
}

/** Accept and Decline on the page of a lead awaiting acceptance. */
export function DecideButtons({
  record,
  onDecided,
}: {
  record: RecordTarget
  onDecided: (notice: string) => void
}) {
  const [open, setOpen] = useState<Decision | null>(null)
  return (
    <>
      <button type="button" className="button button-primary" onClick={() => setOpen('accept')}>
        Accept
      </button>
      <button type="button" className="button" onClick={() => setOpen('decline')}>
        Decline
      </button>
      {open ? (
        <DecideDialog
          decision={open}
          records={[record]}
          onDecided={(result) => {
            if (!result.done.length) return
            // Done: the page says so; a failure stays in the dialog with its reason.
            setOpen(null)
            onDecided(open === 'accept' ? 'Accepted.' : 'Declined: it goes back to the supplier.')
          }}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </>
  )
}
