/** A lead's or customer's contact: name, company, email, phone and postal address. */

import type { Lead } from '../../app/contracts.ts'
import { orNull } from '../../app/form.tsx'

export type ContactAddress = Lead['address']

export type Contact = Pick<Lead, 'firstName' | 'lastName' | 'companyName' | 'email' | 'phone' | 'address'>

/** What a contact form edits: text where the API has null. */
export type ContactDraft = {
  firstName: string
  lastName: string
  companyName: string
  email: string
  phone: string
  street: string
  city: string
  region: string
  postalCode: string
  country: string
}

/** The paths of the API's field errors that the contact fields show beside themselves. */
export const contactErrorPaths = [
  'firstName',
  'lastName',
  'companyName',
  'email',
  'phone',
  'address.street',
  'address.city',
  'address.region',
  'address.postalCode',
  'address.country',
  'address',
] as const

export function contactDraftOf(contact?: Contact): ContactDraft {
  return {
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    companyName: contact?.companyName ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    street: contact?.address.street ?? '',
    city: contact?.address.city ?? '',
    region: contact?.address.region ?? '',
    postalCode: contact?.address.postalCode ?? '',
    country: contact?.address.country ?? 'US',
  }
}

/** The contact part of a create or PATCH body; an empty input means "no value". */
export function contactInputOf(draft: ContactDraft): Contact {
  return {
    firstName: orNull(draft.firstName),
    lastName: orNull(draft.lastName),
    companyName: orNull(draft.companyName),
    email: orNull(draft.email),
    phone: orNull(draft.phone),
    address: {
      street: orNull(draft.street),
      city: orNull(draft.city),
      region: orNull(draft.region),
      postalCode: orNull(draft.postalCode),
      country: draft.country.trim().toUpperCase() || 'US',
    },
  }
}

/** "Ava Adams", else the company name, else `fallback` (e.g. "Lead #12"). */
export function contactName(
  contact: Pick<Contact, 'firstName' | 'lastName' | 'companyName'>,
  fallback: string,
) {
  const person = [contact.firstName, contact.lastName].filter(Boolean).join(' ')
  return person || contact.companyName || fallback
}
