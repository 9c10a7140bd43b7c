import { describe, expect, it } from 'vitest'
import { contactDraftOf, contactInputOf, contactName } from './contact.ts'

describe('contact drafts', () => {
  it('starts empty, in the US', () => {
    expect(contactDraftOf()).toMatchObject({ firstName: '', phone: '', country: 'US' })
  })

  it('sends empty inputs as null, trimmed text, and the country in capitals', () => {
    const draft = {
      ...contactDraftOf(),
      firstName: ' Ava ',
      lastName: '',
      phone: '602 555 0100',
      country: 'ca',
    }
    expect(contactInputOf(draft)).toEqual({
      firstName: 'Ava',
      lastName: null,
      companyName: null,
      email: null,
      phone: '602 555 0100',
      address: { street: null, city: null, region: null, postalCode: null, country: 'CA' },
    })
  })

  it('comes back unchanged from a saved contact', () => {
    const saved = contactInputOf({ ...contactDraftOf(), firstName: 'Ben', city: 'Tempe', region: 'AZ' })
    expect(contactInputOf(contactDraftOf(saved))).toEqual(saved)
  })

  it('is named by the person, else the company, else the fallback', () => {
    expect(contactName({ firstName: 'Ava', lastName: 'Adams', companyName: 'Acme' }, 'Lead #1')).toBe(
      'Ava Adams',
    )
    expect(contactName({ firstName: null, lastName: null, companyName: 'Acme' }, 'Lead #1')).toBe('Acme')
    expect(contactName({ firstName: null, lastName: null, companyName: null }, 'Lead #1')).toBe('Lead #1')
  })
})
