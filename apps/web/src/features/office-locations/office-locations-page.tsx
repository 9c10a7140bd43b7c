import { useId, useState } from 'react'
import { FormAlert, orNull, SelectField, TextField } from '../../app/form.tsx'
import { type SettingsFormProps, SettingsList } from '../../app/settings-list.tsx'
import { useTimeZones } from '../../app/time-zones.ts'
import { useSubmit } from '../../app/use-submit.ts'
import {
  createOfficeLocation,
  deleteOfficeLocation,
  formatAddress,
  listOfficeLocations,
  type OfficeLocation,
  type OfficeLocationInput,
  updateOfficeLocation,
} from './office-locations.api.ts'

/** Administration → Office Locations: the company's branches; purchased customers land in one. */
export function OfficeLocationsPage() {
  return (
    <SettingsList
      title="Office Locations"
      noun="office location"
      queryKey="office-locations"
      load={listOfficeLocations}
      empty="There are no office locations yet."
      columns={[
        { header: 'Office', cell: (office) => office.name },
        { header: 'Address', cell: (office) => formatAddress(office.address) || '—' },
        { header: 'Time zone', cell: (office) => office.timezone },
      ]}
      remove={(office) => deleteOfficeLocation(office.id)}
      form={OfficeLocationForm}
    />
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

function OfficeLocationForm({ item: office, onSaved, onCancel }: SettingsFormProps<OfficeLocation>) {
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
  const form = useSubmit({
    fields,
    send: (input: OfficeLocationInput) =>
      office ? updateOfficeLocation(office.id, input) : createOfficeLocation(input),
    onDone: onSaved,
  })
  const { errors, busy } = form
  const e = errors.fields

  const input = (): OfficeLocationInput => ({
    name,
    timezone,
    address: {
      street: orNull(street),
      city: orNull(city),
      region: orNull(region),
      postalCode: orNull(postalCode),
      country: orNull(country.toUpperCase()),
    },
  })

  return (
    <form
      className="card form-card form-required-bold"
      onSubmit={(event) => form.submit(input(), event)}
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
