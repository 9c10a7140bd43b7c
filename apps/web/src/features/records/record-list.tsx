import { type ReactNode, useState } from 'react'
import { SelectionToolbar } from '../../app/select-checkbox.tsx'
import type { KeysetList } from '../../app/use-keyset-list.ts'
import type { Selection } from '../../app/use-selection.ts'
import { type Contact, contactName } from '../contacts/contact.ts'
import { ReturnDialog } from '../returns/return-dialog.tsx'
import type { ReturnKind } from '../returns/returns.api.ts'
import { countOf, kindNouns, type RecordTarget } from './record-outcome.tsx'
import './record-list.css'

/** A lead or a customer as a list shows it. */
type ListedRecord = Contact & { id: string; number: number }

/** The ticked rows of a list, as a bulk action's dialog names them. */
export function selectedTargets<T extends ListedRecord>(
  list: KeysetList<T>,
  selection: Selection,
): RecordTarget[] {
  return list.items
    .filter((record) => selection.has(record.id))
    .map((record) => ({ id: record.id, number: record.number, name: contactName(record, 'No name') }))
}

/**
 * Return for the ticked rows of a list: `start` opens the dialog on them, `dialog` is the open
 * dialog (or null). Once returned, the selection clears, the list reloads and `onReturned` gets
 * the sentence to show ("2 leads returned to their sources."), or null when none went back.
 */
export function useReturnSelected<T extends ListedRecord>({
  kind,
  list,
  selection,
  onReturned,
}: {
  kind: ReturnKind
  list: KeysetList<T>
  selection: Selection
  onReturned: (notice: string | null) => void
}) {
  const [returning, setReturning] = useState<RecordTarget[] | null>(null)

  const start = () => setReturning(selectedTargets(list, selection))

  const dialog = returning ? (
    <ReturnDialog
      kind={kind}
      records={returning}
      onReturned={(result) => {
        selection.clear()
        onReturned(
          result.returned.length
            ? `${countOf(kind, result.returned.length)} returned to their sources.`
            : null,
        )
      }}
      onClose={() => setReturning(null)}
    />
  ) : null

  return { start, dialog }
}

/** The selection bar above a list of leads or customers, with Return and Sell for those who may. */
export function RecordSelectionToolbar({
  kind,
  selection,
  canReturn,
  onReturn,
  onSell,
  children,
}: {
  kind: ReturnKind
  selection: Selection
  /** Further actions on the ticked rows (bulk actions, "Select all matching", Distribute, Accept, Decline). */
  children?: ReactNode
  canReturn: boolean
  onReturn: () => void
  /** Absent for those who may not sell. */
  onSell?: (() => void) | undefined
}) {
  return (
    <SelectionToolbar selection={selection} noun={kindNouns[kind]}>
      {children}
      {canReturn ? (
        <button type="button" className="button button-small" disabled={!selection.size} onClick={onReturn}>
          Return
        </button>
      ) : null}
      {onSell ? (
        <button type="button" className="button button-small" disabled={!selection.size} onClick={onSell}>
          Sell
        </button>
      ) : null}
    </SelectionToolbar>
  )
}
