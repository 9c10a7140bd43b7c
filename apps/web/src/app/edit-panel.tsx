import { useState } from 'react'
import type { Notices } from './notices.tsx'

export type EditPanelState<T> = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; item: T }

/**
 * The add/edit form above a list: closed, adding, or editing one item. Opening it clears the last
 * notice; saving closes it and reports through `notices` (the saving mutation refreshed the list).
 */
export function useEditPanel<T>(notices: Notices) {
  const [state, setState] = useState<EditPanelState<T>>({ mode: 'closed' })
  return {
    state,
    create() {
      notices.clearNotice()
      setState({ mode: 'create' })
    },
    edit(item: T) {
      notices.clearNotice()
      setState({ mode: 'edit', item })
    },
    close: () => setState({ mode: 'closed' }),
    saved(message: string) {
      setState({ mode: 'closed' })
      notices.succeeded(message)
    },
  }
}

/** The header's Add button; it steps aside while the form is open. */
export function AddButton({
  panel,
  children,
}: {
  panel: { state: { mode: string }; create: () => void }
  children: string
}) {
  if (panel.state.mode !== 'closed') return null
  return (
    <button type="button" className="button button-primary" onClick={panel.create}>
      {children}
    </button>
  )
}
