import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js'
import { AppError, type FieldError } from './errors.ts'
import { checksRegions, isKnownRegion, regionTimeZone } from './regions.ts'

export type ContactInput = {
  firstName?: string | null
  lastName?: string | null
  companyName?: string | null
  email?: string | null
  phone?: string | null
  address?: {
    street?: string | null
    city?: string | null
    region?: string | null
    postalCode?: string | null
    country?: string
  }
}

export type ContactColumns = {
  first_name: string | null
  last_name: string | null
  company_name: string | null
  email: string | null
  phone: string | null
  street: string | null
  city: string | null
  region: string | null
  postal_code: string | null
  country: string
}

const blank = (v: string | null | undefined) =>
  v === undefined || v === null || v.trim() === '' ? null : v.trim()
const postalCodes: Record<string, RegExp> = {
  US: /^\d{5}(-\d{4})?$/,
  CA: /^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/,
}

/**
 * Validates and normalises a lead's or customer's contact fields: phone to E.164
 * (libphonenumber-js, in the address's country), US/Canadian regions to their codes,
 * postal codes to the country's format.
 */
export function normaliseContact(input: ContactInput): ContactColumns {
  const errors: FieldError[] = []
  const country = input.address?.country ?? 'US'
  let phone = blank(input.phone)
  if (phone) {
    const parsed = parsePhoneNumberFromString(phone, country as CountryCode)
    if (parsed?.isValid()) phone = parsed.number
    else errors.push({ path: 'phone', message: 'Enter a phone number with its area code' })
  }
  let region = blank(input.address?.region)
  if (region && checksRegions(country)) {
    if (isKnownRegion(country, region)) region = region.toUpperCase()
    else
      errors.push({
        path: 'address.region',
        message: `Enter a ${country} state or province code (two letters)`,
      })
  }
  let postalCode = blank(input.address?.postalCode)
  const format = postalCodes[country]
  if (postalCode && format) {
    if (format.test(postalCode)) postalCode = postalCode.toUpperCase()
    else errors.push({ path: 'address.postalCode', message: `Enter a ${country} postal code` })
  }
  if (errors.length) throw new AppError('bad-request', 'Some contact fields are not valid', { errors })
  return {
    first_name: blank(input.firstName),
    last_name: blank(input.lastName),
    company_name: blank(input.companyName),
    email: blank(input.email),
    phone,
    street: blank(input.address?.street),
    city: blank(input.address?.city),
    region,
    postal_code: postalCode,
    country,
  }
}

/** The keys duplicates are found by: same phone, same email, or same name and address. */
export function duplicateKeys(c: ContactColumns) {
  const squash = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
  const name = [c.first_name, c.last_name].filter(Boolean).join(' ')
  const nameAddress =
    name && c.street && (c.postal_code || c.city)
      ? squash(`${name}|${c.street}|${c.postal_code ?? c.city}`)
      : null
  return { phone: c.phone, email: c.email?.toLowerCase() ?? null, nameAddress }
}

export const contactTimeZone = (c: ContactColumns, fallback: string) =>
  regionTimeZone(c.country, c.region) ?? fallback

/** The address part of an answer. */
export const addressOf = (c: ContactColumns) => ({
  street: c.street,
  city: c.city,
  region: c.region,
  postalCode: c.postal_code,
  country: c.country,
})

/** Just the contact columns of a row (a lead's, when it becomes a customer). */
export const pickContact = (c: ContactColumns): ContactColumns => ({
  first_name: c.first_name,
  last_name: c.last_name,
  company_name: c.company_name,
  email: c.email,
  phone: c.phone,
  street: c.street,
  city: c.city,
  region: c.region,
  postal_code: c.postal_code,
  country: c.country,
})
