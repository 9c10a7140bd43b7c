import { type ReactNode, useState } from 'react'
import { Link } from 'react-router'
import { AddNameForm, RenameForm } from '../../app/name-forms.tsx'
import { NoticeAlerts, useNotices } from '../../app/notices.tsx'
import { RowActions, RowButton, RowDeleteButton, useRowDelete } from '../../app/row-actions.tsx'
import { useResource } from '../../app/use-resource.ts'
import { ErrorView } from '../errors/error-view.tsx'
import { createTag, deleteTag, listTags, renameTag, type Tag } from './tags.api.ts'

/** Administration → Tags: the labels applied to partner companies, to find them by. */
export function TagsPage() {
  const tags = useResource('tags', listTags)
  const [renamingId, setRenamingId] = useState<string | null>(null)
  const notices = useNotices()
  const deletion = useRowDelete(notices, tags.reload)

  function done(message: string) {
    notices.succeeded(message)
    tags.reload()
  }

  const remove = (tag: Tag) =>
    deletion.remove(() => deleteTag(tag.id), {
      done: `Tag ${tag.name} deleted.`,
      failed: `Could not delete ${tag.name}`,
    })

  let body: ReactNode
  if (tags.error && !tags.data) body = <ErrorView error={tags.error} onRetry={tags.reload} />
  else if (!tags.data) body = <p className="muted">Loading…</p>
  else if (!tags.data.length) body = <p className="card empty-state">There are no tags yet.</p>
  else
    body = (
      <div className="table-wrap narrow">
        <table className="table" aria-label="Tags">
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col">Partner companies</th>
              <th scope="col" className="actions-col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tags.data.map((tag) =>
              renamingId === tag.id ? (
                <tr key={tag.id}>
                  <td colSpan={3}>
                    <RenameForm
                      title={`Rename tag ${tag.name}`}
                      label={`New name for ${tag.name}`}
                      initialName={tag.name}
                      rename={(name) => renameTag(tag.id, name)}
                      onSaved={(saved) => {
                        setRenamingId(null)
                        done(`Tag ${tag.name} renamed to ${saved.name}.`)
                      }}
                      onCancel={() => setRenamingId(null)}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={tag.id}>
                  <th scope="row">
                    <span className="chip">{tag.name}</span>
                  </th>
                  <td>
                    <Link to={`/admin/partner-companies?tag=${encodeURIComponent(tag.name)}`}>
                      Show partner companies
                    </Link>
                  </td>
                  <td className="actions-col">
                    <RowActions
                      confirming={deletion.confirmingId === tag.id}
                      question={`Delete ${tag.name}? It comes off every partner company.`}
                      onDelete={() => remove(tag)}
                      onKeep={deletion.keep}
                    >
                      <RowButton
                        label={`Rename tag ${tag.name}`}
                        onClick={() => {
                          notices.clearNotice()
                          setRenamingId(tag.id)
                        }}
                      >
                        Rename
                      </RowButton>
                      <RowDeleteButton
                        label={`Delete tag ${tag.name}`}
                        onClick={() => deletion.ask(tag.id)}
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
      <title>Tags · Tributary</title>
      <header className="page-header">
        <p className="breadcrumb">Administration</p>
        <h1>Tags</h1>
        <p className="muted page-intro">
          Apply tags to partner companies (from their list or their page) to find them by. Deleting a tag
          takes it off every partner company.
        </p>
      </header>
      <AddNameForm
        title="Add tag"
        label="New tag"
        submitLabel="Add tag"
        create={createTag}
        onSaved={(tag) => done(`Tag ${tag.name} added.`)}
      />
      <NoticeAlerts notices={notices} narrow />
      {body}
    </div>
  )
}
