import { useState } from 'react'
import { Dialog } from '../../app/dialog.tsx'
import { FormAlert, SelectField, TextAreaField, TextField } from '../../app/form.tsx'
import { FormCheckError } from '../../app/form-errors.ts'
import { useSubmit } from '../../app/use-submit.ts'
import type { Customer } from '../customers/customers.api.ts'
import type { OfficeLocation } from '../office-locations/office-locations.api.ts'
import type { User } from '../users/users.api.ts'
import { convertLead, invalidateLead, type Lead, requeueLead, updateLead } from './leads.api.ts'
import { formatInZone, fromZonedInput, toZonedInput, zoneLabel } from './local-time.ts'

function DialogActions({
  busy,
  label,
  onCancel,
  danger,
}: {
  busy: boolean
  label: string
  onCancel: () => void
  danger?: boolean
}) {
  return (
    <div className="form-actions">
      <button
        type="submit"
        className={danger ? 'button button-danger' : 'button button-primary'}
        disabled={busy}
      >
        {label}
      </button>
      <button type="button" className="button" onClick={onCancel} disabled={busy}>
        Cancel
      </button>
    </div>
  )
}

/**
 * Put back in queue: requestable again at once, or from a callback time on the lead's own clock
 * (the queue's hours are the lead's local time too), with a comment for the timeline.
 */
export function RequeueDialog({
  lead,
  onDone,
  onClose,
}: {
  lead: Lead
  onDone: (lead: Lead) => void
  onClose: () => void
}) {
  const [callback, setCallback] = useState('')
  const [comment, setComment] = useState('')
  const zone = lead.timezone
  const form = useSubmit({
    fields: ['contactAfter', 'comment'],
    send: async () => {
      const when = callback ? fromZonedInput(callback, zone) : null
      if (callback && !when) {
        throw new FormCheckError(
          { contactAfter: 'Enter a date and time, or leave it empty for at once' },
          null,
        )
      }
      const input: { contactAfter?: string; comment?: string } = {}
      if (when) input.contactAfter = when.toISOString()
      if (comment.trim()) input.comment = comment.trim()
      return requeueLead(lead.id, input)
    },
    onDone,
  })
  const { errors, busy } = form

  return (
    <Dialog title="Put back in queue" onClose={onClose}>
      <form onSubmit={form.onSubmit} noValidate aria-label="Put back in queue">
        <FormAlert message={errors.form} />
        <TextField
          label="Callback"
          name="contactAfter"
          type="datetime-local"
          value={callback}
          onChange={setCallback}
          error={errors.fields.contactAfter}
          min={toZonedInput(new Date(), zone)}
          hint={`The lead's local time (${zoneLabel(zone)}, now ${formatInZone(new Date().toISOString(), zone)}). Empty: requestable again at once.`}
        />
        <TextAreaField
          label="Comment"
          name="comment"
          value={comment}
          onChange={setComment}
          error={errors.fields.comment}
          hint="Shown on the lead's timeline, e.g. Not home, call back after 5 pm"
        />
        <DialogActions busy={busy} label="Put back in queue" onCancel={onClose} />
      </form>
    </Dialog>
  )
}

export function InvalidateDialog({
  lead,
  onDone,
  onClose,
}: {
  lead: Lead
  onDone: (lead: Lead) => void
  onClose: () => void
}) {
  const [reason, setReason] = useState('')
  const form = useSubmit({
    fields: ['reason'],
    send: async () => {
      return invalidateLead(lead.id, reason.trim())
    },
    onDone,
  })
  const { errors, busy } = form

  return (
    <Dialog title="Mark invalid" onClose={onClose}>
      <form onSubmit={form.onSubmit} noValidate aria-label="Mark invalid">
        <FormAlert message={errors.form} />
        <TextField
          label="Reason"
          name="reason"
          value={reason}
          onChange={setReason}
          error={errors.fields.reason}
          hint="e.g. Disconnected number, wrong person"
          required
        />
        <DialogActions busy={busy} label="Mark invalid" onCancel={onClose} danger />
      </form>
    </Dialog>
  )
}

export function ConvertDialog({
  lead,
  offices,
  onDone,
  onClose,
}: {
  lead: Lead
  offices: OfficeLocation[]
  onDone: (customer: Customer) => void
  onClose: () => void
}) {
  const [office, setOffice] = useState(offices[0]?.id ?? '')
  const form = useSubmit({
    fields: ['officeLocationId'],
    send: async () => {
      const { customer } = await convertLead(lead.id, office || undefined)
      return customer
    },
    onDone,
  })
  const { errors, busy } = form

  return (
    <Dialog title="Convert to customer" onClose={onClose}>
      <form onSubmit={form.onSubmit} noValidate aria-label="Convert to customer">
        <FormAlert message={errors.form} />
        <p className="dialog-intro">
          The customer takes the lead's contact, source and campaign, and links back to the lead.
        </p>
        <SelectField
          label="Office Location"
          name="officeLocationId"
          value={office}
          onChange={setOffice}
          options={offices.map((o) => ({ value: o.id, label: o.name }))}
          error={errors.fields.officeLocationId}
          hint="The branch that will serve the customer"
          required
        />
        <DialogActions busy={busy} label="Convert to customer" onCancel={onClose} />
      </form>
    </Dialog>
  )
}

export function AssignDialog({
  lead,
  users,
  onDone,
  onClose,
}: {
  lead: Lead
  users: User[]
  onDone: (lead: Lead) => void
  onClose: () => void
}) {
  const active = users.filter((u) => !u.disabled).sort((a, b) => a.name.localeCompare(b.name))
  const [userId, setUserId] = useState(lead.assignedUserId ?? '')
  const form = useSubmit({
    fields: ['assignedUserId'],
    send: async () => {
      if (!userId) {
        throw new FormCheckError({ assignedUserId: 'Choose a user' }, null)
      }
      return updateLead(lead.id, { assignedUserId: userId })
    },
    onDone,
  })
  const { errors, busy } = form

  return (
    <Dialog title="Assign lead" onClose={onClose}>
      <form onSubmit={form.onSubmit} noValidate aria-label="Assign lead">
        <FormAlert message={errors.form} />
        <SelectField
          label="Assign to"
          name="assignedUserId"
          value={userId}
          onChange={setUserId}
          placeholder="Choose a user…"
          options={active.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
          error={errors.fields.assignedUserId}
          required
        />
        <DialogActions busy={busy} label="Assign" onCancel={onClose} />
      </form>
    </Dialog>
  )
}
