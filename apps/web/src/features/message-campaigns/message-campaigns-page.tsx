import { useId, useRef, useState } from 'react'
import { FormAlert, TextAreaField, TextField } from '../../app/form.tsx'
import { type SettingsFormProps, SettingsList } from '../../app/settings-list.tsx'
import { useSubmit } from '../../app/use-submit.ts'
import {
  createMessageCampaign,
  deleteMessageCampaign,
  listMessageCampaigns,
  type MessageCampaign,
  updateMessageCampaign,
} from './message-campaigns.api.ts'
import { MessagePreviewPanel, useLivePreview } from './message-preview.tsx'
import { placeholderGroups } from './template-variables.ts'
import './message-campaigns.css'

/** Administration → Message Campaigns: email templates, e.g. a partner's auto-response with returns. */
export function MessageCampaignsPage() {
  return (
    <SettingsList
      title="Message Campaigns"
      noun="message campaign"
      queryKey="message-campaigns"
      load={listMessageCampaigns}
      empty="There are no message campaigns yet."
      columns={[
        { header: 'Name', cell: (campaign) => campaign.name },
        { header: 'Subject', cell: (campaign) => <code className="template-text">{campaign.subject}</code> },
      ]}
      remove={(campaign) => deleteMessageCampaign(campaign.id)}
      form={MessageCampaignForm}
    />
  )
}

const fields = ['name', 'subject', 'body'] as const

function MessageCampaignForm({
  item: campaign,
  items,
  onSaved,
  onCancel,
}: SettingsFormProps<MessageCampaign>) {
  // The preview route of a saved campaign renders this (unsaved) text; none before the first.
  const previewThrough = campaign?.id ?? items[0]?.id ?? null
  const titleId = useId()
  const [name, setName] = useState(campaign?.name ?? '')
  const [subject, setSubject] = useState(campaign?.subject ?? '')
  const [body, setBody] = useState(campaign?.body ?? '')
  const form = useSubmit({
    fields,
    send: (input: { name: string; subject: string; body: string }) =>
      campaign ? updateMessageCampaign(campaign.id, input) : createMessageCampaign(input),
    onDone: onSaved,
  })
  const { errors, busy } = form
  const subjectRef = useRef<HTMLInputElement>(null)
  const bodyRef = useRef<HTMLTextAreaElement>(null)
  const lastFocused = useRef<'subject' | 'body'>('body')
  const preview = useLivePreview(previewThrough, subject, body)

  /** An error from saving goes once its field changes; the live preview then speaks for it. */
  const clearError = form.changed

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

  return (
    <form
      className="card form-card form-wide form-required-bold"
      onSubmit={(event) => form.submit({ name, subject, body }, event)}
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
