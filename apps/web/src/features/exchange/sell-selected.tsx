import { useState } from 'react'
import { useAuth } from '../../app/auth.tsx'
import type { KeysetList } from '../../app/use-keyset-list.ts'
import type { Selection } from '../../app/use-selection.ts'
import type { Contact } from '../contacts/contact.ts'
import { selectedTargets } from '../records/record-list.tsx'
import { countOf, type RecordTarget } from '../records/record-outcome.tsx'
import type { SellKind } from './exchange.api.ts'
import { SellDialog } from './sell-dialog.tsx'

/** "2 leads sold to Acme." — or null when none went. */
export function soldNotice(kind: SellKind, count: number, buyer: string): string | null {
  return count ? `${countOf(kind, count)} sold to ${buyer.replace(/\.$/, '')}.` : null
}

/**
 * Sell for the ticked rows of a list: `start` (absent without sell_leads) opens the dialog on
 * them, `dialog` is the open dialog. Once sold, the selection clears (the sale's mutation reloads the list) and
 * `onSold` gets the sentence to show, or null when none went.
 */
export function useSellSelected<T extends Contact & { id: string; number: number }>({
  kind,
  list,
  selection,
  onSold,
}: {
  kind: SellKind
  list: KeysetList<T>
  selection: Selection
  onSold: (notice: string | null) => void
}) {
  const { can } = useAuth()
  const [selling, setSelling] = useState<RecordTarget[] | null>(null)
  const start = can('sell_leads') ? () => setSelling(selectedTargets(list, selection)) : undefined
  const dialog = selling ? (
    <SellDialog
      kind={kind}
      records={selling}
      onSold={(result, buyer) => {
        selection.clear()
        onSold(soldNotice(kind, result.deliveries.length, buyer))
      }}
      onClose={() => setSelling(null)}
    />
  ) : null
  return { start, dialog }
}

/** Sell on a lead's or customer's page: the button, and its dialog while open. */
export function SellButton({
  kind,
  record,
  onSold,
}: {
  kind: SellKind
  record: RecordTarget
  onSold: (notice: string) => void
}) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Sell
      </button>
      {open ? (
        <SellDialog
          kind={kind}
          records={[record]}
          onSold={(result, buyer) => {
            const notice = soldNotice(kind, result.deliveries.length, buyer)
            if (!notice) return
            // Sold: the page says so; a failure stays in the dialog with its reason.
            setOpen(false)
            onSold(`Sold to ${buyer.replace(/\.$/, '')}.`)
          }}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  )
}
