import { useState } from 'react'
import { SelectField, TextField } from '../../app/form.tsx'
import { useSubmit } from '../../app/use-submit.ts'
import type { Directory } from '../directory/use-directory.ts'
import { BulkDialog } from '../records/bulk-dialog.tsx'
import type { BulkTarget } from '../records/bulk-target.tsx'
import { countOf, RecordResults } from '../records/record-outcome.tsx'
import { type BulkLeadsInput, type BulkResult, bulkLeads, type LeadFilters } from './leads.api.ts'

export type BulkLeadAction = BulkLeadsInput['action']

const titles: Record<BulkLeadAction, string> = {
  move: 'Move',
  assign: 'Assign',
  invalidate: 'Mark invalid',
  requeue: 'Put back in the queue',
}
const verbs: Record<BulkLeadAction, string> = {
  move: 'moved',
  assign: 'assigned',
  invalidate: 'marked invalid',
  requeue: 'put back in the queue',
}

/** The buttons of the bulk actions the login may take, for the selection bar of the leads list. */
export function LeadBulkButtons({
  canAssign,
  disabled,
  onAction,
}: {
  canAssign: boolean
  disabled: boolean
  onAction: (action: BulkLeadAction) => void
}) {
  const actions: BulkLeadAction[] = canAssign
    ? ['move', 'assign', 'invalidate', 'requeue']
    : ['invalidate', 'requeue']
  return actions.map((action) => (
    <button
      key={action}
      type="button"
      className="button button-small"
      disabled={disabled}
      onClick={() => onAction(action)}
    >
      {titles[action]}…
    </button>
  ))
}

/**
 * One action on many leads (POST /leads/bulk): its field (location, person, reason or callback
 * time), then each lead's outcome — done, or why not, in the words of its single action.
 */
export function LeadBulkDialog({
  action,
  target,
  names,
  onClose,
}: {
  action: BulkLeadAction
  target: BulkTarget<Omit<LeadFilters, 'sort'>>
  names: Directory
  onClose: () => void
}) {
  const [value, setValue] = useState('')
  const [outcome, setOutcome] = useState<BulkResult | null>(null)
  const field = { move: 'location', assign: 'userId', invalidate: 'reason', requeue: 'callbackAt' }[action]
  const form = useSubmit({
    fields: [field, 'leadIds', 'filter'],
    send: () =>
      bulkLeads({
        action,
        ...(target.filter ? { filter: target.filter } : { leadIds: target.records.map((r) => r.id) }),
        ...(value ? { [field]: field === 'callbackAt' ? new Date(value).toISOString() : value } : {}),
      }),
    onDone: setOutcome,
  })
  const title = `${titles[action]} ${countOf('lead', target.count)}`
  const error = form.errors.fields[field]
  const change = (next: string) => {
    setValue(next)
    form.changed(field)
  }

  return (
    <BulkDialog
      title={title}
      kind="lead"
      records={target.filter ? [] : target.records}
      verb={{ to: `to ${titles[action].toLowerCase()}`, busy: 'Working…' }}
      intro={
        target.filter
          ? `Every lead matching the list's filters (${countOf('lead', target.count)}), each by the rules of its own action.`
          : 'Each lead follows the rules of its own action; those that cannot are listed with the reason.'
      }
      formError={form.errors.form}
      busy={form.busy}
      ready
      onSubmit={form.onSubmit}
      onClose={onClose}
      results={
        outcome ? (
          <RecordResults
            kind="lead"
            records={target.filter ? [] : target.records}
            done={new Map(outcome.done.map((id) => [id, `${titles[action]} ✓`]))}
            failed={outcome.failed}
            verb={verbs[action]}
            label={`${titles[action]} results`}
          />
        ) : null
      }
    >
      {action === 'move' ? (
        <SelectField
          label="To"
          name="location"
          value={value}
          onChange={change}
          placeholder="Choose Pending or Queue…"
          options={[
            { value: 'queue', label: 'Queue' },
            { value: 'pending', label: 'Pending' },
          ]}
          error={error}
          required
        />
      ) : null}
      {action === 'assign' ? (
        <SelectField
          label="Person"
          name="userId"
          value={value}
          onChange={change}
          placeholder="Choose a person…"
          options={names.users.filter((u) => !u.disabled).map((u) => ({ value: u.id, label: u.name }))}
          error={error}
          required
        />
      ) : null}
      {action === 'invalidate' ? (
        <TextField label="Reason" name="reason" value={value} onChange={change} error={error} required />
      ) : null}
      {action === 'requeue' ? (
        <TextField
          label="Call back after"
          name="callbackAt"
          type="datetime-local"
          value={value}
          onChange={change}
          error={error}
          hint="Empty: requestable at once"
        />
      ) : null}
    </BulkDialog>
  )
}
