import { type ReactNode, useState } from 'react'
import { errorMessage } from '../../app/api.ts'
import { AddNameForm, RenameForm } from '../../app/name-forms.tsx'
import { NoticeAlerts, useNotices } from '../../app/notices.tsx'
import { RowActions, RowButton, RowDeleteButton, useRowDelete } from '../../app/row-actions.tsx'
import { useResource } from '../../app/use-resource.ts'
import { ErrorView } from '../errors/error-view.tsx'
import {
  createReturnReason,
  deleteReturnReason,
  listReturnReasons,
  maxPosition,
  type ReturnReason,
  updateReturnReason,
} from './return-reasons.api.ts'

/**
 * The reasons in their new order, numbered 1, 2, 3…: only those whose position changes are saved,
 * so moving one up a tidy list is two requests.
 */
function renumbered(reasons: readonly ReturnReason[]): { id: string; position: number }[] {
  return reasons
    .map((reason, index) => ({ id: reason.id, position: index + 1, before: reason.position }))
    .filter((r) => r.position !== r.before)
    .map(({ id, position }) => ({ id, position }))
}

/** Administration → Return Reasons: what the Return dialog offers, in this order. */
export function ReturnReasonsPage() {
  const reasons = useResource('return-reasons', listReturnReasons)
  const [renamingId, setRenamingId] = useState<string | null>(null)
  const [moving, setMoving] = useState(false)
  const notices = useNotices()
  const deletion = useRowDelete(notices, reasons.reload)
  const list = reasons.data ?? []

  function done(message: string) {
    notices.succeeded(message)
    reasons.reload()
  }

  const remove = (reason: ReturnReason) =>
    deletion.remove(() => deleteReturnReason(reason.id), {
      done: `${reason.name} deleted.`,
      failed: `Could not delete ${reason.name}`,
    })

  async function move(reason: ReturnReason, by: -1 | 1) {
    const from = list.findIndex((r) => r.id === reason.id)
    const to = from + by
    if (from < 0 || to < 0 || to >= list.length) return
    const order = [...list]
    order.splice(from, 1)
    order.splice(to, 0, reason)
    setMoving(true)
    try {
      for (const { id, position } of renumbered(order)) await updateReturnReason(id, { position })
      done(`${reason.name} moved ${by < 0 ? 'up' : 'down'}.`)
    } catch (error) {
      notices.failed(`Could not move ${reason.name}: ${errorMessage(error)}`)
      reasons.reload()
    } finally {
      setMoving(false)
    }
  }

  let body: ReactNode
  if (reasons.error && !reasons.data) body = <ErrorView error={reasons.error} onRetry={reasons.reload} />
  else if (!reasons.data) body = <p className="muted">Loading…</p>
  else if (!list.length) body = <p className="card empty-state">There are no return reasons yet.</p>
  else
    body = (
      <div className="table-wrap narrow" aria-busy={moving || reasons.loading}>
        <table className="table table-middle" aria-label="Return reasons">
          <thead>
            <tr>
              <th scope="col" className="number-col">
                #
              </th>
              <th scope="col">Reason</th>
              <th scope="col" className="actions-col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((reason, index) =>
              renamingId === reason.id ? (
                <tr key={reason.id}>
                  <td className="number-col">{index + 1}</td>
                  <td colSpan={2}>
                    <RenameForm
                      title={`Rename ${reason.name}`}
                      label="New name"
                      initialName={reason.name}
                      rename={(name) => updateReturnReason(reason.id, { name })}
                      onSaved={(saved) => {
                        setRenamingId(null)
                        done(`${reason.name} renamed to ${saved.name}.`)
                      }}
                      onCancel={() => setRenamingId(null)}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={reason.id}>
                  <td className="number-col">{index + 1}</td>
                  <th scope="row">{reason.name}</th>
                  <td className="actions-col">
                    <RowActions
                      confirming={deletion.confirmingId === reason.id}
                      question={`Delete ${reason.name}?`}
                      onDelete={() => remove(reason)}
                      onKeep={deletion.keep}
                    >
                      <button
                        type="button"
                        className="button button-small button-quiet"
                        aria-label={`Move ${reason.name} up`}
                        title="Move up"
                        disabled={moving || index === 0}
                        onClick={() => void move(reason, -1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="button button-small button-quiet"
                        aria-label={`Move ${reason.name} down`}
                        title="Move down"
                        disabled={moving || index === list.length - 1}
                        onClick={() => void move(reason, 1)}
                      >
                        ↓
                      </button>
                      <RowButton
                        label={`Rename ${reason.name}`}
                        onClick={() => {
                          notices.clearNotice()
                          notices.clearFailure()
                          setRenamingId(reason.id)
                        }}
                      >
                        Rename
                      </RowButton>
                      <RowDeleteButton
                        label={`Delete ${reason.name}`}
                        onClick={() => {
                          notices.clearFailure()
                          deletion.ask(reason.id)
                        }}
                      />
                    </RowActions>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    )

  return (
    <div className="page">
      <title>Return Reasons · Tributary</title>
      <header className="page-header">
        <p className="breadcrumb">Administration</p>
        <h1>Return Reasons</h1>
        <p className="muted page-intro">
          The reasons a lead or customer can be returned to its source for, offered in this order by the
          Return dialog. The reason goes into the source's return email; a company keeps at least one.
        </p>
      </header>
      <AddNameForm
        title="Add return reason"
        label="New reason"
        submitLabel="Add reason"
        // A new reason goes to the end of the list.
        create={(name) =>
          createReturnReason({
            name,
            position: Math.min(maxPosition, Math.max(0, ...list.map((r) => r.position)) + 1),
          })
        }
        onSaved={(reason) => done(`${reason.name} added.`)}
      />
      <NoticeAlerts notices={notices} narrow />
      {body}
    </div>
  )
}
