import { describe, expect, it } from 'vitest'
import { formatInZone, fromZonedInput, toZonedInput, zoneLabel } from './local-time.ts'

describe("a lead's local time", () => {
  it('reads a callback typed on the lead’s clock as the right moment, whatever the browser’s zone', () => {
    expect(fromZonedInput('2026-12-08T09:00', 'America/Phoenix')?.toISOString()).toBe(
      '2026-12-08T16:00:00.000Z',
    )
    expect(fromZonedInput('2026-12-08T09:00', 'Asia/Kolkata')?.toISOString()).toBe('2026-12-08T03:30:00.000Z')
    expect(fromZonedInput('2026-07-01T23:30', 'America/New_York')?.toISOString()).toBe(
      '2026-07-02T03:30:00.000Z',
    )
  })

  it('shows a moment on the lead’s clock, and back again', () => {
    const moment = new Date('2026-12-08T16:00:00Z')
    expect(toZonedInput(moment, 'America/Phoenix')).toBe('2026-12-08T09:00')
    expect(toZonedInput(moment, 'Pacific/Auckland')).toBe('2026-12-09T05:00')
    expect(fromZonedInput(toZonedInput(moment, 'Pacific/Auckland'), 'Pacific/Auckland')).toEqual(moment)
    expect(formatInZone('2026-12-08T16:00:00Z', 'America/Phoenix')).toContain('9:00')
  })

  it('takes clock changes as clocks do', () => {
    // 02:30 does not exist on 8 March 2026 in New York: the clock jumps from 02:00 to 03:00.
    expect(fromZonedInput('2026-03-08T02:30', 'America/New_York')?.toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    )
    // 01:30 happens twice on 1 November 2026: the first one (still daylight time).
    expect(fromZonedInput('2026-11-01T01:30', 'America/New_York')?.toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    )
  })

  it('refuses what is no date', () => {
    expect(fromZonedInput('', 'America/Phoenix')).toBeNull()
    expect(fromZonedInput('2026-02-30T10:00', 'America/Phoenix')).toBeNull()
    expect(fromZonedInput('tomorrow', 'America/Phoenix')).toBeNull()
  })

  it('names a zone by its city', () => {
    expect(zoneLabel('America/New_York')).toBe('New York')
    expect(zoneLabel('UTC')).toBe('UTC')
  })
})
