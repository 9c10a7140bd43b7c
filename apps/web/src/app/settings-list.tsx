import { useQuery } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { ErrorView } from '../features/errors/error-view.tsx'
import { AddNameForm, RenameForm } from './name-forms.tsx'
import { NoticeAlerts, type Notices, useNotices } from './notices.tsx'
import { RowActions, RowButton, RowDeleteButton, useRowDelete } from './row-actions.tsx'

type Named = { id: string; name: string }

export type SettingsColumn<T> = { header: string; cell: (item: T) => ReactNode }

/** What a form above the list gets: the item edited (none: a new one) and how to finish. */
export type SettingsFormProps<T> = {
  item: T | undefined
  items: readonly T[]
  onSaved: (saved: T) => void
  onCancel: () => void
}

/**
 * One Administration page listing named settings (tags, return reasons, office locations, message
 * campaigns): header, notices, the table with its Edit/Rename and Delete-after-asking actions, and
 * either a one-field Add/Rename (`rename`) or a full form above the list (`form`).
 */
export function SettingsList<T extends Named>(props: {
  title: string
  intro?: ReactNode
  /** "tag", "office location": in buttons and notices. */
  noun: string
  queryKey: string
  load: (signal: AbortSignal) => Promise<T[]>
  columns: SettingsColumn<T>[]
  empty: string
  narrow?: boolean
  remove: (item: T) => Promise<unknown>
  deleteQuestion?: (item: T) => string
  /** One-field lists: adds by name, renames in the row. */
  add?: (name: string, items: readonly T[]) => Promise<T>
  rename?: (item: T, name: string) => Promise<T>
  /** Lists with more to a setting: the form above the list. */
  form?: (props: SettingsFormProps<T>) => ReactNode
  /** Further buttons of a row, before Rename/Edit (e.g. Move up). */
  rowActions?: (item: T, index: number, items: readonly T[], notices: Notices) => ReactNode
}) {
  const { title, noun, narrow } = props
  const list = useQuery({ queryKey: [props.queryKey], queryFn: ({ signal }) => props.load(signal) })
  const notices = useNotices()
  const [editing, setEditing] = useState<{ item: T | undefined } | null>(null)
  const deletion = useRowDelete(notices)
  const items = list.data ?? []
  const width = narrow ? ' narrow' : ''

  function saved(message: string) {
    setEditing(null)
    notices.succeeded(message)
  }

  function startEditing(item: T | undefined) {
    notices.clearNotice()
    notices.clearFailure()
    setEditing({ item })
  }

  let body: ReactNode
  if (list.error && !list.data) body = <ErrorView error={list.error} onRetry={() => void list.refetch()} />
  else if (!list.data) body = <p className="muted">Loading…</p>
  else if (!items.length) body = <p className={`card empty-state${width}`}>{props.empty}</p>
  else
    body = (
      <div className={`table-wrap${width}`} aria-busy={list.isFetching || deletion.busy}>
        <table className="table table-middle" aria-label={title}>
          <thead>
            <tr>
              {props.columns.map((column) => (
                <th scope="col" key={column.header}>
                  {column.header}
                </th>
              ))}
              <th scope="col" className="actions-col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, index) =>
              props.rename && editing?.item?.id === item.id ? (
                <tr key={item.id}>
                  <td colSpan={props.columns.length + 1}>
                    <RenameForm
                      title={`Rename ${noun} ${item.name}`}
                      label={`New name for ${item.name}`}
                      initialName={item.name}
                      rename={(name) => (props.rename as NonNullable<typeof props.rename>)(item, name)}
                      onSaved={(next) => saved(`${capitalised(noun)} ${item.name} renamed to ${next.name}.`)}
                      onCancel={() => setEditing(null)}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={item.id}>
                  {props.columns.map((column, at) =>
                    at === 0 ? (
                      <th scope="row" key={column.header}>
                        {column.cell(item)}
                      </th>
                    ) : (
                      <td key={column.header}>{column.cell(item)}</td>
                    ),
                  )}
                  <td className="actions-col">
                    <RowActions
                      confirming={deletion.confirmingId === item.id}
                      question={props.deleteQuestion?.(item) ?? `Delete ${item.name}?`}
                      onDelete={() =>
                        deletion.remove(() => props.remove(item), {
                          done: `${capitalised(noun)} ${item.name} deleted.`,
                          failed: `Could not delete ${item.name}`,
                        })
                      }
                      onKeep={deletion.keep}
                    >
                      {props.rowActions?.(item, index, items, notices)}
                      <RowButton
                        label={`${props.rename ? 'Rename' : 'Edit'} ${noun} ${item.name}`}
                        onClick={() => startEditing(item)}
                      >
                        {props.rename ? 'Rename' : 'Edit'}
                      </RowButton>
                      <RowDeleteButton
                        label={`Delete ${noun} ${item.name}`}
                        onClick={() => {
                          notices.clearFailure()
                          deletion.ask(item.id)
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

  const Form = props.form
  return (
    <div className="page">
      <title>{`${title} · Tributary`}</title>
      <header className={Form ? 'page-header page-header-split' : 'page-header'}>
        <div>
          <p className="breadcrumb">Administration</p>
          <h1>{title}</h1>
          {props.intro ? <p className="muted page-intro">{props.intro}</p> : null}
        </div>
        {Form && !editing ? (
          <button type="button" className="button button-primary" onClick={() => startEditing(undefined)}>
            Add {noun}
          </button>
        ) : null}
      </header>
      {props.add ? (
        <AddNameForm
          title={`Add ${noun}`}
          label={`New ${noun}`}
          submitLabel={`Add ${noun}`}
          create={(name) => (props.add as NonNullable<typeof props.add>)(name, items)}
          onSaved={(item) => notices.succeeded(`${capitalised(noun)} ${item.name} added.`)}
          onChange={() => notices.clearNotice()}
        />
      ) : null}
      <NoticeAlerts notices={notices} narrow={narrow} />
      {Form && editing ? (
        <Form
          key={editing.item?.id ?? 'new'}
          item={editing.item}
          items={items}
          onSaved={(item) => saved(`${capitalised(noun)} ${item.name} ${editing.item ? 'saved' : 'added'}.`)}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {body}
    </div>
  )
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
