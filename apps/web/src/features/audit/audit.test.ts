import { describe, expect, it } from 'vitest'
import { changesSummary, startOfDay } from './audit.api.ts'

describe('audit filters', () => {
  it('a day starts at its midnight in the browser, and the day after ends it', () => {
    expect(startOfDay('2026-12-07')).toBe(new Date(2026, 11, 7).toISOString())
    expect(startOfDay('2026-12-31', 1)).toBe(new Date(2027, 0, 1).toISOString())
  })

  it('an empty or broken day is no filter', () => {
    expect(startOfDay('')).toBeUndefined()
    expect(startOfDay('yesterday')).toBeUndefined()
  })

  it('changes read as one line', () => {
    expect(changesSummary({ name: 'Gold', active: false, roleIds: ['a'] })).toBe(
      'name: Gold · active: false · roleIds: ["a"]',
    )
  })
})
