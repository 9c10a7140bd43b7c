import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react'
import { AddButton, useEditPanel } from '../../app/edit-panel.tsx'
import {
  FormAlert,
  type FormErrors,
  formErrorsFrom,
  noErrors,
  TextAreaField,
  TextField,
} from '../../app/form.tsx'
import { NoticeAlerts, useNotices } from '../../app/notices.tsx'
import { EditDeleteActions, useRowDelete } from '../../app/row-actions.tsx'
import { useResource } from '../../app/use-resource.ts'
import { ErrorView } from '../errors/error-view.tsx'
import {
  createMessageCampaign,
  deleteMessageCampaign,
  listMessageCampaigns,
  type MessageCampaign,
  updateMessageCampaign,
} from './message-campaigns.api.ts'
import { MessagePreviewPanel, useLivePreview } from './message-preview.tsx'
import { placeholderGroups } from './template-variables.ts'

/** Administration → Message Campaigns: email templates, e.g. a partner's auto-response with returns. */
export function MessageCampaignsPage() {
  const campaigns = useResource('message-campaigns', listMessageCampaigns)
  const notices = useNotices()
  const panel = useEditPanel<MessageCampaign>(notices, campaigns.reload)
  const deletion = useRowDelete(notices, campaigns.reload)

  const remove = (campaign: MessageCampaign) =>
    deletion.remove(() => deleteMessageCampaign(campaign.id), {
      done: `${campaign.name} deleted.`,
      failed: `Could not delete ${campaign.name}`,
    })

  let body: ReactNode
  if (campaigns.error && !campaigns.data)
    body = <ErrorView error={campaigns.error} onRetry={campaigns.reload} />
  else if (!campaigns.data) body = <p className="muted">Loading…</p>
  else if (!campaigns.data.length)
    body = <p className="card empty-state">There are no message campaigns yet.</p>
  else
    body = (
      <div className="table-wrap">
        <table className="table" aria-label="Message campaigns">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Subject</th>
              <th scope="col" className="actions-col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {campaigns.data.map((campaign) => (
              <tr key={campaign.id}>
                <th scope="row">{campaign.name}</th>
                <td>
                  <code className="template-text">{campaign.subject}</code>
                </td>
                <td className="actions-col">
                  <EditDeleteActions
                    item={campaign}
                    deletion={deletion}
                    notices={notices}
                    onEdit={() => panel.edit(campaign)}
                    onDelete={() => remove(campaign)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )

  return (
    <div className="page">
      <title>Message Campaigns · Tributary</title>
      <header className="page-header page-header-split">
        <div>
          <p className="breadcrumb">Administration</p>
          <h1>Message Campaigns</h1>
        </div>
        <AddButton panel={panel}>Add message campaign</AddButton>
      </header>
      <NoticeAlerts notices={notices} />
      {panel.state.mode === 'create' ? (
        <MessageCampaignForm
          previewThrough={campaigns.data?.[0]?.id ?? null}
          onSaved={(campaign) => panel.saved(`${campaign.name} added.`)}
          onCancel={panel.close}
        />
      ) : null}
      {panel.state.mode === 'edit' ? (
        <MessageCampaignForm
          key={panel.state.item.id}
          campaign={panel.state.item}
          previewThrough={panel.state.item.id}
          onSaved={(campaign) => panel.saved(`${campaign.name} saved.`)}
          onCancel={panel.close}
        />
      ) : null}
      {body}
    </div>
  )
}

const fields = ['name', 'subject', 'body'] as const

function MessageCampaignForm({
  campaign,
  previewThrough,
  onSaved,
  onCancel,
}: {
  campaign?: MessageCampaign
  /** The saved campaign whose preview route renders this (unsaved) text; null when there is none. */
  previewThrough: string | null
  onSaved: (campaign: MessageCampaign) => void
  onCancel: () => void
}) {
  const titleId = useId()
  const [name, setName] = useState(campaign?.name ?? '')
  const [subject, setSubject] = useState(campaign?.subject ?? '')
  const [body, setBody] = useState(campaign?.body ?? '')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [busy, setBusy] = useState(false)
  const subjectRef = useRef<HTMLInputElement>(null)
  const bodyRef = useRef<HTMLTextAreaElement>(null)
  const lastFocused = useRef<'subject' | 'body'>('body')
  const preview = useLivePreview(previewThrough, subject, body)

  /** An error from saving goes once its field changes; the live preview then speaks for it. */
  const clearError = (field: 'subject' | 'body' | 'name') =>
    setErrors((previous) => {
      if (!previous.fields[field]) return previous
      const { [field]: _gone, ...rest } = previous.fields
      return { fields: rest, form: Object.keys(rest).length ? previous.form : null }
    })

  function insert(placeholder: string) {
    const inSubject = lastFocused.current === 'subject'
    const element = inSubject ? subjectRef.current : bodyRef.current
    const text = inSubject ? subject : body
    const start = element?.selectionStart ?? text.length
    const end = element?.selectionEnd ?? text.length
    const next = text.slice(0, start) + placeholder + text.slice(end)
    if (inSubject) setSubject(next)
    else setBody(next)
    clearError(inSubject ? 'subject' : 'body')
    requestAnimationFrame(() => {
      element?.focus()
      const caret = start + placeholder.length
      element?.setSelectionRange(caret, caret)
    })
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    try {
      const input = { name, subject, body }
      onSaved(campaign ? await updateMessageCampaign(campaign.id, input) : await createMessageCampaign(input))
    } catch (error) {
      setErrors(formErrorsFrom(error, fields))
      setBusy(false)
    }
  }

  return (
    <form
      className="card form-card form-wide form-required-bold"
      onSubmit={submit}
      noValidate
      aria-labelledby={titleId}
    >
      <h3 id={titleId}>{campaign ? `Edit ${campaign.name}` : 'Add message campaign'}</h3>
      <FormAlert message={errors.form} />
      <div className="template-editor">
        <div className="template-fields">
          <TextField
            label="Name"
            name="name"
            value={name}
            onChange={(value) => {
              setName(value)
              clearError('name')
            }}
            error={errors.fields.name}
            autoComplete="off"
            autoFocus
            required
          />
          <TextField
            label="Subject"
            name="subject"
            value={subject}
            onChange={(value) => {
              setSubject(value)
              clearError('subject')
            }}
            onFocus={() => {
              lastFocused.current = 'subject'
            }}
            inputRef={subjectRef}
            error={errors.fields.subject ?? preview.fieldErrors.subject}
            autoComplete="off"
            required
          />
          <TextAreaField
            label="Body"
            name="body"
            value={body}
            rows={12}
            onChange={(value) => {
              setBody(value)
              clearError('body')
            }}
            onFocus={() => {
              lastFocused.current = 'body'
            }}
            textareaRef={bodyRef}
            error={errors.fields.body ?? preview.fieldErrors.body}
            hint="Plain text; line breaks are kept. Values are filled in where the placeholders stand."
            required
          />
          <section className="placeholders" aria-labelledby={`${titleId}-placeholders`}>
            <h3 id={`${titleId}-placeholders`}>Placeholders</h3>
            <p className="field-hint">Click one to insert it where the cursor is in the subject or body.</p>
            {placeholderGroups.map(({ group, placeholders }) => (
              <div key={group} className="placeholder-group">
                <p className="placeholder-group-name">{group}</p>
                <ul className="placeholder-list">
                  {placeholders.map((placeholder) => (
                    <li key={placeholder}>
                      <button
                        type="button"
                        className="placeholder-button"
                        title={`Insert ${placeholder}`}
                        // Keep the caret where it is in the field being written.
                        onMouseDown={(event) => event.preventDefault()}
                        onClick={() => insert(placeholder)}
                      >
                        {placeholder}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {campaign ? 'Save changes' : 'Add message campaign'}
            </button>
            <button type="button" className="button" onClick={onCancel} disabled={busy}>
              Cancel
            </button>
          </div>
        </div>
        <div className="template-side">
          <MessagePreviewPanel state={preview} available={previewThrough !== null} />
        </div>
      </div>
    </form>
  )
}
