import { useState } from 'react'
import { SelectField } from '../../app/form.tsx'
import { useSubmit } from '../../app/use-submit.ts'
import type { Directory } from '../directory/use-directory.ts'
import { BulkDialog } from '../records/bulk-dialog.tsx'
import type { BulkTarget } from '../records/bulk-target.tsx'
import { countOf, RecordResults } from '../records/record-outcome.tsx'
import { type BulkResult, bulkCustomers, type CustomerFilters } from './customers.api.ts'

/**
 * Move many customers to an office location (POST /customers/bulk), each as its own update, then
 * each one's outcome: moved, or why not.
 */
export function MoveCustomersDialog({
  target,
  names,
  onClose,
}: {
  target: BulkTarget<Omit<CustomerFilters, 'sort'>>
  names: Directory
  onClose: () => void
}) {
  const [office, setOffice] = useState('')
  const [outcome, setOutcome] = useState<BulkResult | null>(null)
  const form = useSubmit({
    fields: ['officeLocationId', 'customerIds', 'filter'],
    send: () =>
      bulkCustomers({
        action: 'move',
        officeLocationId: office,
        ...(target.filter ? { filter: target.filter } : { customerIds: target.records.map((r) => r.id) }),
      }),
    onDone: setOutcome,
  })
  const records = target.filter ? [] : target.records
  return (
    <BulkDialog
      title={`Move ${countOf('customer', target.count)}`}
      kind="customer"
      records={records}
      verb={{ to: 'to move', busy: 'Moving…' }}
      intro="Each customer moves to the office as if edited on its own page; those that cannot are listed with the reason."
      formError={form.errors.form}
      busy={form.busy}
      ready
      onSubmit={form.onSubmit}
      onClose={onClose}
      results={
        outcome ? (
          <RecordResults
            kind="customer"
            records={records}
            done={new Map(outcome.done.map((id) => [id, 'Moved ✓']))}
            failed={outcome.failed}
            verb="moved"
            label="Move results"
          />
        ) : null
      }
    >
      <SelectField
        label="Office location"
        name="officeLocationId"
        value={office}
        onChange={(value) => {
          setOffice(value)
          form.changed('officeLocationId')
        }}
        placeholder="Choose an office…"
        options={names.offices.map((o) => ({ value: o.id, label: o.name }))}
        error={form.errors.fields.officeLocationId}
        required
      />
    </BulkDialog>
  )
}
