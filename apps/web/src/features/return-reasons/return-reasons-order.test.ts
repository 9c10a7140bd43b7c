import { describe, expect, it } from 'vitest'
import { moved, renumbered } from './return-reasons-order.ts'

const reasons = [
  { id: 'a', name: 'Not interested', position: 1 },
  { id: 'b', name: 'Wrong number', position: 2 },
  { id: 'c', name: 'Duplicate', position: 3 },
]

describe('return reason order', () => {
  it('moving one up a tidy list saves two positions', () => {
    const order = moved(reasons, reasons[2] as (typeof reasons)[number], -1)
    expect(order?.map((r) => r.id)).toEqual(['a', 'c', 'b'])
    expect(renumbered(order ?? [])).toEqual([
      { id: 'c', position: 2 },
      { id: 'b', position: 3 },
    ])
  })

  it('the first cannot move up, the last cannot move down', () => {
    expect(moved(reasons, reasons[0] as (typeof reasons)[number], -1)).toBeNull()
    expect(moved(reasons, reasons[2] as (typeof reasons)[number], 1)).toBeNull()
  })

  it('an untidy list (gaps, ties) is numbered 1, 2, 3 again', () => {
    const untidy = reasons.map((r) => ({ ...r, position: 5 }))
    expect(renumbered(untidy)).toEqual([
      { id: 'a', position: 1 },
      { id: 'b', position: 2 },
      { id: 'c', position: 3 },
    ])
  })
})
