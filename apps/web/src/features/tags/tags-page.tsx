import { type FormEvent, type ReactNode, useId, useState } from 'react'
import { Link } from 'react-router'
import { errorMessage } from '../../app/api.ts'
import { FormAlert, type FormErrors, formErrorsFrom, noErrors, TextField } from '../../app/form.tsx'
import { useResource } from '../../app/use-resource.ts'
import { ErrorView } from '../errors/error-view.tsx'
import { createTag, deleteTag, listTags, renameTag, type Tag } from './tags.api.ts'

/** Administration → Tags: the labels applied to partner companies, to find them by. */
export function TagsPage() {
  const tags = useResource('tags', listTags)
  const [renamingId, setRenamingId] = useState<string | null>(null)
  const [confirmingId, setConfirmingId] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  function done(message: string) {
    setFailure(null)
    setNotice(message)
    tags.reload()
  }

  async function remove(tag: Tag) {
    setConfirmingId(null)
    try {
      await deleteTag(tag.id)
      done(`Tag ${tag.name} deleted.`)
    } catch (error) {
      setNotice(null)
      setFailure(`Could not delete ${tag.name}: ${errorMessage(error)}`)
    }
  }

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
                    <RenameTagForm
                      tag={tag}
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
                    {confirmingId === tag.id ? (
                      <span className="confirm">
                        Delete {tag.name}? It comes off every partner company.
                        <button type="button" className="button button-danger" onClick={() => remove(tag)}>
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
                          className="button button-small"
                          aria-label={`Rename tag ${tag.name}`}
                          onClick={() => {
                            setNotice(null)
                            setRenamingId(tag.id)
                          }}
                        >
                          Rename
                        </button>
                        <button
                          type="button"
                          className="button button-small button-danger-quiet"
                          aria-label={`Delete tag ${tag.name}`}
                          onClick={() => setConfirmingId(tag.id)}
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
      <title>Tags · Tributary</title>
      <header className="page-header">
        <p className="breadcrumb">Administration</p>
        <h1>Tags</h1>
        <p className="muted page-intro">
          Apply tags to partner companies (from their list or their page) to find them by. Deleting a tag
          takes it off every partner company.
        </p>
      </header>
      <AddTagForm onSaved={(tag) => done(`Tag ${tag.name} added.`)} />
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

function AddTagForm({ onSaved }: { onSaved: (tag: Tag) => void }) {
  const titleId = useId()
  const [name, setName] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    try {
      const tag = await createTag(name)
      setName('')
      setErrors(noErrors)
      onSaved(tag)
    } catch (error) {
      setErrors(formErrorsFrom(error, ['name']))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="card inline-form narrow" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId} className="visually-hidden">
        Add tag
      </h2>
      <FormAlert message={errors.fields.name ? null : errors.form} />
      <div className="inline-form-row">
        <TextField
          label="New tag"
          name="name"
          value={name}
          onChange={setName}
          error={errors.fields.name}
          autoComplete="off"
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          Add tag
        </button>
      </div>
    </form>
  )
}

function RenameTagForm({
  tag,
  onSaved,
  onCancel,
}: {
  tag: Tag
  onSaved: (tag: Tag) => void
  onCancel: () => void
}) {
  const [name, setName] = useState(tag.name)
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    try {
      onSaved(await renameTag(tag.id, name))
    } catch (error) {
      setErrors(formErrorsFrom(error, ['name']))
      setBusy(false)
    }
  }

  return (
    <form className="inline-form-row" onSubmit={submit} noValidate aria-label={`Rename tag ${tag.name}`}>
      <TextField
        label={`New name for ${tag.name}`}
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
