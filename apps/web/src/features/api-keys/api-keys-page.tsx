import { useQuery } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { CopyField } from '../../app/copy-field.tsx'
import { formatAgo, formatDateTime } from '../../app/format.ts'
import { AddNameForm } from '../../app/name-forms.tsx'
import { NoticeAlerts, useNotices } from '../../app/notices.tsx'
import { RowActions, RowDeleteButton, useRowDelete } from '../../app/row-actions.tsx'
import { useDirectory } from '../directory/use-directory.ts'
import { ErrorView } from '../errors/error-view.tsx'
import { type CreatedApiKey, createApiKey, listApiKeys, revokeApiKey } from './api-keys.api.ts'
import './api-keys.css'

/**
 * Administration → API Keys: keys for other systems to call the API as the user who made them.
 * A new key is shown once, right after it is made; revoking one stops it at once.
 */
export function ApiKeysPage() {
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: ({ signal }) => listApiKeys(signal) })
  const names = useDirectory()
  const notices = useNotices()
  const revoking = useRowDelete(notices)
  const [created, setCreated] = useState<CreatedApiKey | null>(null)
  const now = Date.now()

  let body: ReactNode
  if (keys.error && !keys.data) body = <ErrorView error={keys.error} onRetry={() => void keys.refetch()} />
  else if (!keys.data) body = <p className="muted">Loading…</p>
  else if (!keys.data.length) body = <p className="card empty-state">There are no API keys yet.</p>
  else
    body = (
      <div className="table-wrap" aria-busy={keys.isFetching || revoking.busy}>
        <table className="table table-middle" aria-label="API keys">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Key</th>
              <th scope="col">Acts as</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col" className="actions-col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.data.map((key) => (
              <tr key={key.id}>
                <th scope="row">{key.name}</th>
                <td>
                  <code>{key.prefix}</code>
                </td>
                <td>{names.userName(key.userId)}</td>
                <td className="nowrap" title={formatDateTime(key.createdAt)}>
                  {formatAgo(key.createdAt, now)}
                </td>
                <td className="nowrap">
                  {key.lastUsedAt ? formatAgo(key.lastUsedAt, now) : <span className="muted">Never</span>}
                </td>
                <td className="actions-col">
                  <RowActions
                    confirming={revoking.confirmingId === key.id}
                    question={`Revoke ${key.name}? Systems using it stop at once.`}
                    confirmLabel="Revoke"
                    onDelete={() =>
                      revoking.remove(() => revokeApiKey(key.id), {
                        done: `API key ${key.name} revoked.`,
                        failed: `Could not revoke ${key.name}`,
                      })
                    }
                    onKeep={revoking.keep}
                  >
                    <RowDeleteButton
                      label={`Revoke API key ${key.name}`}
                      text="Revoke"
                      onClick={() => {
                        notices.clearFailure()
                        setCreated(null)
                        revoking.ask(key.id)
                      }}
                    />
                  </RowActions>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )

  return (
    <div className="page">
      <title>API Keys · Tributary</title>
      <header className="page-header">
        <p className="breadcrumb">Administration</p>
        <h1>API Keys</h1>
        <p className="muted page-intro">
          A key lets another system use the API as you, with your permissions: send it as{' '}
          <code>Authorization: Bearer &lt;key&gt;</code>. The key is shown once, when it is made; only its
          last characters are kept to tell keys apart.
        </p>
      </header>
      <AddNameForm
        title="Create API key"
        label="Name of the new key"
        submitLabel="Create key"
        create={createApiKey}
        onSaved={(key) => {
          setCreated(key)
          notices.succeeded(`API key ${key.name} created.`)
        }}
        onChange={notices.clearNotice}
      />
      <NoticeAlerts notices={notices} narrow />
      {created ? (
        <section className="card new-key narrow" aria-labelledby="new-key-title">
          <h2 id="new-key-title">Your new key</h2>
          <CopyField
            label={`API key ${created.name}`}
            value={created.key}
            hint="Copy it now and keep it safe: it is not shown again."
          />
          <button type="button" className="button" onClick={() => setCreated(null)}>
            Done, I have copied it
          </button>
        </section>
      ) : null}
      {body}
    </div>
  )
}
