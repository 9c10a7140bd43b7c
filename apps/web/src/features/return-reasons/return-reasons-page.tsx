import { type FormEvent, type ReactNode, useId, useState } from 'react'
import { errorMessage } from '../../app/api.ts'
import { FormAlert, type FormErrors, formErrorsFrom, noErrors, TextField } from '../../app/form.tsx'
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
  const [confirmingId, setConfirmingId] = useState<string | null>(null)
  const [moving, setMoving] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const list = reasons.data ?? []

  function done(message: string) {
    setFailure(null)
    setNotice(message)
    reasons.reload()
  }

  function failed(message: string) {
    setNotice(null)
    setFailure(message)
  }

  async function remove(reason: ReturnReason) {
    setConfirmingId(null)
    try {
      await deleteReturnReason(reason.id)
      done(`${reason.name} deleted.`)
    } catch (error) {
      failed(`Could not delete ${reason.name}: ${errorMessage(error)}`)
    }
  }

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
      failed(`Could not move ${reason.name}: ${errorMessage(error)}`)
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
                    <RenameReasonForm
                      reason={reason}
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
                    {confirmingId === reason.id ? (
                      <span className="confirm">
                        Delete {reason.name}?
                        <button type="button" className="button button-danger" onClick={() => remove(reason)}>
                          Delete
                        </button>
                        <button type="button" className="button" onClick={() => setConfirmingId(null)}>
                          Keep
                        </button>
                      </span>
                    ) : (
                      <span className="row-actions">
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
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={`Rename ${reason.name}`}
                          onClick={() => {
                            setNotice(null)
                            setFailure(null)
                            setRenamingId(reason.id)
                          }}
                        >
                          Rename
                        </button>
                        <button
                          type="button"
                          className="button button-small button-danger-quiet"
                          aria-label={`Delete ${reason.name}`}
                          onClick={() => {
                            setFailure(null)
                            setConfirmingId(reason.id)
                          }}
                        >
                          Delete
                        </button>
                      </span>
                    )}
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
      <AddReasonForm
        nextPosition={Math.min(maxPosition, Math.max(0, ...list.map((r) => r.position)) + 1)}
        onSaved={(reason) => done(`${reason.name} added.`)}
      />
      {notice ? (
        <output className="alert alert-success narrow" aria-live="polite">
          {notice}
        </output>
      ) : null}
      {failure ? (
        <div className="alert alert-error narrow" role="alert">
          {failure}
        </div>
      ) : null}
      {body}
    </div>
  )
}

/** A new reason goes to the end of the list. */
function AddReasonForm({
  nextPosition,
  onSaved,
}: {
  nextPosition: number
  onSaved: (reason: ReturnReason) => void
}) {
  const titleId = useId()
  const [name, setName] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    try {
      const reason = await createReturnReason({ name, position: nextPosition })
      setName('')
      setErrors(noErrors)
      onSaved(reason)
    } catch (error) {
      setErrors(formErrorsFrom(error, ['name']))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="card inline-form narrow" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId} className="visually-hidden">
        Add return reason
      </h2>
      <FormAlert message={errors.fields.name ? null : errors.form} />
      <div className="inline-form-row">
        <TextField
          label="New reason"
          name="name"
          value={name}
          onChange={setName}
          error={errors.fields.name}
          autoComplete="off"
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          Add reason
        </button>
      </div>
    </form>
  )
}

function RenameReasonForm({
  reason,
  onSaved,
  onCancel,
}: {
  reason: ReturnReason
  onSaved: (reason: ReturnReason) => void
  onCancel: () => void
}) {
  const [name, setName] = useState(reason.name)
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    try {
      onSaved(await updateReturnReason(reason.id, { name }))
    } catch (error) {
      setErrors(formErrorsFrom(error, ['name']))
      setBusy(false)
    }
  }

  return (
    <form className="inline-form-row" onSubmit={submit} noValidate aria-label={`Rename ${reason.name}`}>
      <TextField
        label="New name"
        name="name"
        value={name}
        onChange={setName}
        error={errors.fields.name ?? (errors.form && !errors.fields.name ? errors.form : undefined)}
        autoComplete="off"
        autoFocus
      />
      <button type="submit" className="button button-primary" disabled={busy}>
        Save
      </button>
      <button type="button" className="button" onClick={onCancel} disabled={busy}>
        Cancel
      </button>
    </form>
  )
}
