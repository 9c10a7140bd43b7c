import { describe, expect, it } from 'vitest'
import { draftOf, inputOf, visiblePaths, withCleanEmails } from './partner-company-draft.ts'

describe('partner company drafts', () => {
  it('a new partner company is an active outside one with every role off', () => {
    const draft = draftOf(undefined)
    expect(draft).toMatchObject({ kind: 'outside', active: true, name: '' })
    expect(inputOf(draft)).toMatchObject({
      sellsLeads: { enabled: false },
      sellsCustomers: { enabled: false },
      buysLeads: { enabled: false },
      buysCustomers: { enabled: false },
      access: { allowLogin: false },
    })
  })

  it('a role that is off sends only that it is off, whatever its hidden fields hold', () => {
    const draft = draftOf(undefined)
    draft.sellsLeads = { ...draft.sellsLeads, enabled: false, defaultLeadLocation: 'queue' }
    expect(inputOf(draft).sellsLeads).toEqual({ enabled: false })
  })

  it('a role that is on sends its fields, an unchosen location as null', () => {
    const draft = draftOf(undefined)
    draft.name = 'ABC Leads'
    draft.sellsLeads = { ...draft.sellsLeads, enabled: true, leadQueuePriority: 'high' }
    expect(inputOf(draft).sellsLeads).toMatchObject({
      enabled: true,
      defaultLeadLocation: null,
      leadQueuePriority: 'high',
    })
  })

  it('blank addresses are dropped before sending, so error paths name the inputs on screen', () => {
    const draft = draftOf(undefined)
    draft.sellsLeads = {
      ...draft.sellsLeads,
      enabled: true,
      purchaseNotificationEmails: ['', ' a@b.test ', ''],
    }
    const clean = withCleanEmails(draft)
    expect(clean.sellsLeads.purchaseNotificationEmails).toEqual(['a@b.test'])
    expect(visiblePaths(clean)).toContain('sellsLeads.purchaseNotificationEmails.0')
  })

  it('the fields of a role that is off are not on screen, so their errors go to the top', () => {
    const paths = visiblePaths(draftOf(undefined))
    expect(paths).toContain('name')
    expect(paths.some((path) => path.startsWith('sellsLeads.'))).toBe(false)
  })

  it('a new exchange secret is sent only when one was typed', () => {
    const draft = draftOf(undefined)
    draft.buysLeads = {
      ...draft.buysLeads,
      enabled: true,
      deliveryMethod: 'exchange',
      postUrl: 'https://x.test/p',
    }
    expect(inputOf(draft).buysLeads).not.toHaveProperty('secret')
    draft.buysLeads.secret = 's3cret'
    expect(inputOf(draft).buysLeads).toMatchObject({ secret: 's3cret', postUrl: 'https://x.test/p' })
  })
})
