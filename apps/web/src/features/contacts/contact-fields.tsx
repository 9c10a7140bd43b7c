import { AddressFields } from '../../app/address-fields.tsx'
import { TextField } from '../../app/form.tsx'
import { formatAddress } from '../office-locations/office-locations.api.ts'
import type { Contact, ContactDraft } from './contact.ts'

/** The inputs of a contact: name, company, email, phone, then the postal address. */
export function ContactFields({
  draft,
  onChange,
  errors,
  autoFocus,
}: {
  draft: ContactDraft
  onChange: (draft: ContactDraft) => void
  errors: Record<string, string>
  autoFocus?: boolean
}) {
  const set = (key: keyof ContactDraft) => (value: string) => onChange({ ...draft, [key]: value })
  return (
    <>
      <div className="form-grid">
        <TextField
          label="First Name"
          name="firstName"
          value={draft.firstName}
          onChange={set('firstName')}
          error={errors.firstName}
          autoComplete="off"
          autoFocus={autoFocus}
        />
        <TextField
          label="Last Name"
          name="lastName"
          value={draft.lastName}
          onChange={set('lastName')}
          error={errors.lastName}
          autoComplete="off"
        />
        <TextField
          label="Company Name"
          name="companyName"
          value={draft.companyName}
          onChange={set('companyName')}
          error={errors.companyName}
          autoComplete="off"
        />
        <TextField
          label="Email"
          name="email"
          type="email"
          value={draft.email}
          onChange={set('email')}
          error={errors.email}
          autoComplete="off"
        />
        <TextField
          label="Phone"
          name="phone"
          type="tel"
          value={draft.phone}
          onChange={set('phone')}
          error={errors.phone}
          hint="Any common format, e.g. (602) 555-0142"
          autoComplete="off"
        />
      </div>
      <AddressFields
        address={draft}
        onChange={(key, value) => set(key)(value)}
        errors={errors}
        regionHint="US: the two-letter state"
      />
    </>
  )
}

/** A contact read-only: each filled-in part on a line of its own, links for email and phone. */
export function ContactSummary({ contact }: { contact: Contact }) {
  const person = [contact.firstName, contact.lastName].filter(Boolean).join(' ')
  const address = formatAddress(contact.address)
  return (
    <dl className="details">
      <dt>Name</dt>
      <dd>{person || <span className="muted">—</span>}</dd>
      <dt>Company</dt>
      <dd>{contact.companyName || <span className="muted">—</span>}</dd>
      <dt>Email</dt>
      <dd>
        {contact.email ? (
          <a href={`mailto:${contact.email}`}>{contact.email}</a>
        ) : (
          <span className="muted">—</span>
        )}
      </dd>
      <dt>Phone</dt>
      <dd>
        {contact.phone ? (
          <a href={`tel:${contact.phone}`}>{formatPhone(contact.phone)}</a>
        ) : (
          <span className="muted">—</span>
        )}
      </dd>
      <dt>Address</dt>
      <dd>{address && address !== contact.address.country ? address : <span className="muted">—</span>}</dd>
    </dl>
  )
}

/** "+16025551000" → "(602) 555-1000" for North American numbers; other numbers as stored. */
export function formatPhone(phone: string | null): string {
  if (!phone) return ''
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(phone)
  return nanp ? `(${nanp[1]}) ${nanp[2]}-${nanp[3]}` : phone
}
