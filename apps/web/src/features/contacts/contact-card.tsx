import { useId, useState } from 'react'
import { FormAlert, orNull, TextAreaField } from '../../app/form.tsx'
import { useSubmit } from '../../app/use-submit.ts'
import { type Contact, contactDraftOf, contactErrorPaths, contactInputOf } from './contact.ts'
import { ContactFields, ContactSummary } from './contact-fields.tsx'

/** A free-text field kept with the contact: notes, call-center comments. */
export type ContactText = { name: 'notes'; label: string; value: string | null }

export type ContactPatch = Partial<Contact> & { notes?: string | null }

const contactKeys = ['firstName', 'lastName', 'companyName', 'email', 'phone'] as const

/** Only what the user changed, so that the timeline names just those fields. */
function changesOf(before: Contact, after: Contact): ContactPatch {
  const patch: ContactPatch = {}
  for (const key of contactKeys) if (after[key] !== before[key]) patch[key] = after[key]
  const { address: a } = after
  const { address: b } = before
  if (
    a.street !== b.street ||
    a.city !== b.city ||
    a.region !== b.region ||
    a.postalCode !== b.postalCode ||
    a.country !== b.country
  ) {
    patch.address = a
  }
  return patch
}

/**
 * A lead's or customer's contact, read-only with an Edit button for those who may change it;
 * editing shows the fields in place and saves them with `save` (a PATCH).
 */
export function ContactCard<T>({
  contact,
  texts,
  editable,
  save,
  onSaved,
  onChange,
}: {
  contact: Contact
  texts: ContactText[]
  editable: boolean
  save: (input: ContactPatch) => Promise<T>
  onSaved: (saved: T) => void
  /** Editing starts something new: the page clears its last notice. */
  onChange?: () => void
}) {
  const titleId = useId()
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(() => contactDraftOf(contact))
  const [extra, setExtra] = useState<Record<string, string>>({})
  const form = useSubmit({
    fields: [...contactErrorPaths, ...texts.map((t) => t.name)],
    // Nothing changed: nothing to send.
    send: async (input: ContactPatch) => (Object.keys(input).length ? save(input) : null),
    onDone: (saved: T | null) => {
      setEditing(false)
      if (saved) onSaved(saved)
    },
  })
  const { errors, busy } = form

  function start() {
    setDraft(contactDraftOf(contact))
    setExtra(Object.fromEntries(texts.map((t) => [t.name, t.value ?? ''])))
    form.reset()
    setEditing(true)
  }

  function changes(): ContactPatch {
    const input = changesOf(contact, contactInputOf(draft))
    for (const t of texts) {
      const value = orNull(extra[t.name] ?? '')
      if (value !== t.value) input[t.name] = value
    }
    return input
  }

  if (!editing) {
    return (
      <section className="card detail-card" aria-labelledby={titleId}>
        <div className="card-header">
          <h2 id={titleId}>Contact</h2>
          {editable ? (
            <button type="button" className="button button-small" onClick={start}>
              Edit contact
            </button>
          ) : null}
        </div>
        <ContactSummary contact={contact} />
        {texts.map((t) => (
          <div key={t.name} className="detail-text">
            <h3>{t.label}</h3>
            {t.value ? <p className="prewrap">{t.value}</p> : <p className="muted">—</p>}
          </div>
        ))}
      </section>
    )
  }

  return (
    <form
      className="card detail-card"
      onSubmit={(event) => form.submit(changes(), event)}
      onChange={onChange}
      noValidate
      aria-labelledby={titleId}
    >
      <div className="card-header">
        <h2 id={titleId}>Edit contact</h2>
      </div>
      <FormAlert message={errors.form} />
      <ContactFields draft={draft} onChange={setDraft} errors={errors.fields} autoFocus />
      {texts.map((t) => (
        <TextAreaField
          key={t.name}
          label={t.label}
          name={t.name}
          value={extra[t.name] ?? ''}
          onChange={(value) => setExtra((previous) => ({ ...previous, [t.name]: value }))}
          error={errors.fields[t.name]}
        />
      ))}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Save contact
        </button>
        <button type="button" className="button" onClick={() => setEditing(false)} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  )
}
