import { describe, expect, it } from 'vitest'
import type { TimelineEvent } from './timeline.api.ts'
import { companyLinks, describeEvent } from './timeline.tsx'

const names = {
  partnerName: (id: string | null) => (id === 'sup' ? 'Acme Supply' : 'Unknown'),
  campaignName: () => 'Campaign',
  userName: () => 'User',
}
const event = (type: string, detail: Record<string, unknown>): TimelineEvent => ({
  id: '1',
  at: '2026-01-01T00:00:00Z',
  actor: { userId: null, label: 'x' },
  type,
  detail,
})
const what = (type: string, detail: Record<string, unknown>) =>
  describeEvent(event(type, detail), names, companyLinks)

describe('lead management events in the timeline', () => {
  it('a supplier reads who declined and why, in one line', () => {
    expect(what('declined', { declinedBy: 'Channel Co', reason: 'Outside our territory' })).toEqual({
      what: 'Declined by Channel Co: Outside our territory',
    })
  })

  it('the partner reads its own decline with the reason quoted', () => {
    expect(what('declined', { reason: 'Duplicate' })).toEqual({ what: 'Declined', quote: 'Duplicate' })
  })

  it('names who accepted, registered and where a lead was distributed', () => {
    expect(what('accepted', { acceptedBy: 'Channel Co' }).what).toBe('Accepted by Channel Co')
    expect(what('accepted', {}).what).toBe('Accepted')
    expect(what('registered', { registeredBy: 'Channel Co' }).what).toBe('Registered by Channel Co')
    expect(what('registered', { partnerCompanyId: 'sup', group: 0 }).what).toBe(
      'Registered with Acme Supply (rule group 1)',
    )
    expect(what('distributed', { partnerName: 'Channel Co' }).what).toBe('Distributed to Channel Co')
  })
})
