import { describe, expect, it } from 'vitest'
import { ApiError } from './api.ts'
import { FormCheckError, formErrorsFrom, noErrors, withoutFields } from './form-errors.ts'

const refused = (errors: { path: string; message: string }[], detail = 'The request is not valid') =>
  new ApiError({ status: 400, title: 'Bad Request', detail, errors })

describe('formErrorsFrom', () => {
  it('puts every field error beside its field at once, and asks to correct them', () => {
    const errors = formErrorsFrom(
      refused([
        { path: 'partnerCompanyId', message: 'Choose a source' },
        { path: 'phone', message: 'Enter a phone number with its area code' },
      ]),
      ['partnerCompanyId', 'phone', 'email'],
    )
    expect(errors).toEqual({
      fields: { partnerCompanyId: 'Choose a source', phone: 'Enter a phone number with its area code' },
      form: 'Please correct the fields marked below.',
    })
  })

  it('gives an item of a list to the list (roleIds.0 belongs to roleIds), first message first', () => {
    const errors = formErrorsFrom(
      refused([
        { path: 'roleIds.0', message: 'Choose a role that exists' },
        { path: 'roleIds.1', message: 'Another message' },
      ]),
      ['roleIds'],
    )
    expect(errors.fields).toEqual({ roleIds: 'Choose a role that exists' })
  })

  it('puts errors about fields the form does not show, all of them, in the line above the form', () => {
    const errors = formErrorsFrom(
      refused([
        { path: 'campaignId', message: 'Choose a campaign' },
        { path: 'location', message: 'Location must be Pending or Queue' },
      ]),
      ['name'],
    )
    expect(errors).toEqual({ fields: {}, form: 'Choose a campaign; Location must be Pending or Queue' })
  })

  it('shows the detail of a refusal without field errors', () => {
    const errors = formErrorsFrom(
      new ApiError({ status: 409, title: 'Conflict', detail: 'That name is taken', errors: [] }),
      ['name'],
    )
    expect(errors).toEqual({ fields: {}, form: 'That name is taken' })
  })

  it('shows a check the form made itself as it is', () => {
    const check = new FormCheckError({ contactAfter: 'Enter a date and time' })
    expect(formErrorsFrom(check, ['contactAfter'])).toEqual({
      fields: { contactAfter: 'Enter a date and time' },
      form: null,
    })
  })

  it('shows any other failure as one line', () => {
    expect(formErrorsFrom(new Error('Offline'), ['name'])).toEqual({ fields: {}, form: 'Offline' })
  })
})

describe('withoutFields', () => {
  const errors = { fields: { subject: 'Too long', body: 'Unknown placeholder' }, form: 'Please correct…' }

  it('drops the errors of the fields the user changed and keeps the others', () => {
    expect(withoutFields(errors, ['subject'])).toEqual({
      fields: { body: 'Unknown placeholder' },
      form: 'Please correct…',
    })
  })

  it('drops the form line with the last field error', () => {
    expect(withoutFields(errors, ['subject', 'body'])).toEqual(noErrors)
  })

  it('leaves the errors alone when no changed field had one', () => {
    expect(withoutFields(errors, ['name'])).toBe(errors)
  })
})
