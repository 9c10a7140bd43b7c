import { describe, expect, it } from 'vitest'
import { ApiError } from '../../app/api.ts'
import { settleEach } from './settle-each.ts'

describe('settleEach', () => {
  it('keeps going past a failure and reports each id in the order given', async () => {
    const seen: string[] = []
    const result = await settleEach(
      ['a', 'b', 'c', 'd', 'e'],
      async (id) => {
        await new Promise((r) => setTimeout(r, id === 'a' ? 20 : 1))
        seen.push(id)
        if (id === 'b') throw new Error('Only a lead awaiting acceptance can be accepted')
      },
      2,
    )
    expect(result).toEqual({
      done: ['a', 'c', 'd', 'e'],
      failed: [{ id: 'b', detail: 'Only a lead awaiting acceptance can be accepted' }],
    })
    expect(seen.sort()).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('words an API refusal by its detail', async () => {
    const refusal = new ApiError({
      type: 'x',
      title: 'Conflict',
      status: 409,
      detail: 'Already decided',
      errors: [],
    })
    expect(await settleEach(['x'], () => Promise.reject(refusal))).toEqual({
      done: [],
      failed: [{ id: 'x', detail: 'Already decided' }],
    })
  })

  it('does nothing for no ids', async () => {
    expect(await settleEach([], () => Promise.reject(new Error('never')))).toEqual({ done: [], failed: [] })
  })
})
