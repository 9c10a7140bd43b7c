import { TextField } from './form.tsx'

export type AddressDraft = {
  street: string
  city: string
  region: string
  postalCode: string
  country: string
}

/**
 * The five inputs of a postal address under an "Address" legend. Errors are looked up by the API's
 * paths (`address.city`); a country error also shows one about the address as a whole.
 */
export function AddressFields({
  address,
  onChange,
  errors,
  regionHint,
}: {
  address: AddressDraft
  onChange: (key: keyof AddressDraft, value: string) => void
  errors: Record<string, string>
  regionHint?: string
}) {
  return (
    <fieldset className="field address-fields">
      <legend>Address</legend>
      <div className="form-grid">
        <TextField
          label="Street"
          name="street"
          value={address.street}
          onChange={(v) => onChange('street', v)}
          error={errors['address.street']}
          autoComplete="off"
        />
        <TextField
          label="City"
          name="city"
          value={address.city}
          onChange={(v) => onChange('city', v)}
          error={errors['address.city']}
          autoComplete="off"
        />
        <TextField
          label="State / Region"
          name="region"
          value={address.region}
          onChange={(v) => onChange('region', v)}
          error={errors['address.region']}
          hint={regionHint}
          autoComplete="off"
        />
        <TextField
          label="Postal Code"
          name="postalCode"
          value={address.postalCode}
          onChange={(v) => onChange('postalCode', v)}
          error={errors['address.postalCode']}
          autoComplete="off"
        />
        <TextField
          label="Country"
          name="country"
          value={address.country}
          onChange={(v) => onChange('country', v)}
          error={errors['address.country'] ?? errors.address}
          hint="Two letters, e.g. US"
          autoComplete="off"
        />
      </div>
    </fieldset>
  )
}
