import { type FormEvent, type ReactNode, useId, useState } from 'react'
import { AddButton, useEditPanel } from '../../app/edit-panel.tsx'
import {
  FormAlert,
  type FormErrors,
  formErrorsFrom,
  noErrors,
  orNull,
  SelectField,
  TextField,
} from '../../app/form.tsx'
import { NoticeAlerts, useNotices } from '../../app/notices.tsx'
import { EditDeleteActions, useRowDelete } from '../../app/row-actions.tsx'
import { useTimeZones } from '../../app/time-zones.ts'
import { useResource } from '../../app/use-resource.ts'
import { ErrorView } from '../errors/error-view.tsx'
import {
  createOfficeLocation,
  deleteOfficeLocation,
  formatAddress,
  listOfficeLocations,
  type OfficeLocation,
  updateOfficeLocation,
} from './office-locations.api.ts'

/** Administration → Office Locations: the company's branches; purchased customers land in one. */
export function OfficeLocationsPage() {
  const offices = useResource('office-locations', listOfficeLocations)
  const notices = useNotices()
  const panel = useEditPanel<OfficeLocation>(notices, offices.reload)
  const deletion = useRowDelete(notices, offices.reload)

  const remove = (office: OfficeLocation) =>
    deletion.remove(() => deleteOfficeLocation(office.id), {
      done: `${office.name} deleted.`,
      failed: `Could not delete ${office.name}`,
    })

  let body: ReactNode
  if (offices.error && !offices.data) body = <ErrorView error={offices.error} onRetry={offices.reload} />
  else if (!offices.data) body = <p className="muted">Loading…</p>
  else
    body = (
      <div className="table-wrap">
        <table className="table" aria-label="Office locations">
          <thead>
            <tr>
              <th scope="col">Office</th>
              <th scope="col">Address</th>
              <th scope="col">Time zone</th>
              <th scope="col" className="actions-col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {offices.data.map((office) => (
              <tr key={office.id}>
                <th scope="row">{office.name}</th>
                <td>{formatAddress(office.address) || '—'}</td>
                <td>{office.timezone}</td>
                <td className="actions-col">
                  <EditDeleteActions
                    item={office}
                    deletion={deletion}
                    notices={notices}
                    onEdit={() => panel.edit(office)}
                    onDelete={() => remove(office)}
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
      <title>Office Locations · Tributary</title>
      <header className="page-header page-header-split">
        <div>
          <p className="breadcrumb">Administration</p>
          <h1>Office Locations</h1>
        </div>
        <AddButton panel={panel}>Add office location</AddButton>
      </header>
      <NoticeAlerts notices={notices} />
      {panel.state.mode === 'create' ? (
        <OfficeLocationForm
          onSaved={(office) => panel.saved(`${office.name} added.`)}
          onCancel={panel.close}
        />
      ) : null}
      {panel.state.mode === 'edit' ? (
        <OfficeLocationForm
          key={panel.state.item.id}
          office={panel.state.item}
          onSaved={(office) => panel.saved(`${office.name} saved.`)}
          onCancel={panel.close}
        />
      ) : null}
      {body}
    </div>
  )
}

const fields = [
  'name',
  'timezone',
  'address.street',
  'address.city',
  'address.region',
  'address.postalCode',
  'address.country',
  'address',
] as const

function OfficeLocationForm({
  office,
  onSaved,
  onCancel,
}: {
  office?: OfficeLocation
  onSaved: (office: OfficeLocation) => void
  onCancel: () => void
}) {
  const titleId = useId()
  const [name, setName] = useState(office?.name ?? '')
  const [street, setStreet] = useState(office?.address.street ?? '')
  const [city, setCity] = useState(office?.address.city ?? '')
  const [region, setRegion] = useState(office?.address.region ?? '')
  const [postalCode, setPostalCode] = useState(office?.address.postalCode ?? '')
  const [country, setCountry] = useState(office?.address.country ?? 'US')
  // A new office starts in the browser's own time zone.
  const [initialZone] = useState(() => office?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone)
  const [timezone, setTimezone] = useState(initialZone)
  const zones = useTimeZones(initialZone)
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [busy, setBusy] = useState(false)
  const e = errors.fields

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    const input = {
      name,
      timezone,
      address: {
        street: orNull(street),
        city: orNull(city),
        region: orNull(region),
        postalCode: orNull(postalCode),
        country: orNull(country.toUpperCase()),
      },
    }
    try {
      onSaved(office ? await updateOfficeLocation(office.id, input) : await createOfficeLocation(input))
    } catch (error) {
      setErrors(formErrorsFrom(error, fields))
      setBusy(false)
    }
  }

  return (
    <form
      className="card form-card form-required-bold"
      onSubmit={submit}
      noValidate
      aria-labelledby={titleId}
    >
      <h3 id={titleId}>{office ? `Edit ${office.name}` : 'Add office location'}</h3>
      <FormAlert message={errors.form} />
      <div className="form-grid">
        <TextField
          label="Name"
          name="name"
          value={name}
          onChange={setName}
          error={e.name}
          autoComplete="off"
          autoFocus
          required
        />
        <SelectField
          label="Time zone"
          name="timezone"
          value={timezone}
          onChange={setTimezone}
          options={zones}
          placeholder="Choose…"
          error={e.timezone}
          hint="Queue hours of leads without an address follow it"
          required
        />
      </div>
      <div className="form-grid">
        <TextField
          label="Street"
          name="street"
          value={street}
          onChange={setStreet}
          error={e['address.street']}
        />
        <TextField label="City" name="city" value={city} onChange={setCity} error={e['address.city']} />
        <TextField
          label="State / Region"
          name="region"
          value={region}
          onChange={setRegion}
          error={e['address.region']}
        />
        <TextField
          label="Postal Code"
          name="postalCode"
          value={postalCode}
          onChange={setPostalCode}
          error={e['address.postalCode']}
        />
        <TextField
          label="Country"
          name="country"
          value={country}
          onChange={setCountry}
          error={e['address.country'] ?? e.address}
          hint="Two letters, e.g. US"
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {office ? 'Save changes' : 'Add office location'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  )
}
