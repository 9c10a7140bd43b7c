import { useMutation } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { errorMessage } from './api.ts'
import type { Notices } from './notices.tsx'

type Deletion = { run: () => Promise<unknown>; done: string; failed: string }

/**
 * Deleting a row of a list after the row asks "Delete …?": which row is asking, and the delete
 * itself (a mutation, so the list refreshes), reported through `notices`.
 */
export function useRowDelete(notices: Notices) {
  const [confirmingId, setConfirmingId] = useState<string | null>(null)
  const mutation = useMutation({
    mutationFn: (deletion: Deletion) => deletion.run(),
    onSuccess: (_, { done }) => notices.succeeded(done),
    onError: (error, { failed }) => notices.failed(`${failed}: ${errorMessage(error)}`),
  })
  return {
    confirmingId,
    busy: mutation.isPending,
    ask: (id: string) => setConfirmingId(id),
    keep: () => setConfirmingId(null),
    remove(run: () => Promise<unknown>, messages: { done: string; failed: string }) {
      setConfirmingId(null)
      mutation.mutate({ run, ...messages })
    },
  }
}

/** The actions cell of a row: its buttons, or while it asks, the Delete / Keep question instead. */
export function RowActions({
  confirming,
  question,
  onDelete,
  onKeep,
  confirmLabel = 'Delete',
  children,
}: {
  confirming: boolean
  question: string
  onDelete: () => void
  onKeep: () => void
  /** The word of the confirming button, e.g. Revoke. */
  confirmLabel?: string
  children: ReactNode
}) {
  if (!confirming) return <span className="row-actions">{children}</span>
  return (
    <span className="confirm">
      {question}
      <button type="button" className="button button-danger" onClick={onDelete}>
        {confirmLabel}
      </button>
      <button type="button" className="button" onClick={onKeep}>
        Keep
      </button>
    </span>
  )
}

/** A row's small action button; `label` names the row's item for screen readers ("Edit Sales"). */
export function RowButton({
  label,
  onClick,
  children,
}: {
  label: string
  onClick: () => void
  children: ReactNode
}) {
  return (
    <button type="button" className="button button-small" aria-label={label} onClick={onClick}>
      {children}
    </button>
  )
}

/** The quiet Delete button that makes its row ask first. */
export function RowDeleteButton({
  label,
  onClick,
  text = 'Delete',
}: {
  label: string
  onClick: () => void
  text?: string
}) {
  return (
    <button
      type="button"
      className="button button-small button-danger-quiet"
      aria-label={label}
      onClick={onClick}
    >
      {text}
    </button>
  )
}
