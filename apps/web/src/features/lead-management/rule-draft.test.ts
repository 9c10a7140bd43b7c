import { describe, expect, it } from 'vitest'
import { draftOf, groupsOf, newGroup, ruleText } from './rule-draft.ts'

describe('rule builder drafts', () => {
  it('round-trips the API groups through the builder', () => {
    const groups = [
      {
        rules: [
          { field: 'region' as const, operator: 'equals' as const, value: 'AZ' },
          { field: 'city' as const, operator: 'in' as const, value: ['Tucson', 'Phoenix'] },
        ],
      },
      { rules: [{ field: 'email' as const, operator: 'isEmpty' as const }] },
    ]
    const drafts = draftOf(groups)
    expect(drafts[0]?.rules[1]?.value).toBe('Tucson, Phoenix')
    expect(drafts[1]?.rules[0]?.value).toBe('')
    expect(groupsOf(drafts)).toEqual({ groups })
  })

  it('sends a number as the text typed, trimmed; isEmpty sends no value whatever was typed', () => {
    expect(
      draftOf([{ rules: [{ field: 'priority', operator: 'greaterThan', value: 5 }] }])[0]?.rules[0]?.value,
    ).toBe('5')
    const result = groupsOf([
      {
        rules: [
          { field: 'postalCode', operator: 'lessThan', value: ' 90000 ' },
          { field: 'phone', operator: 'isNotEmpty', value: 'left over' },
        ],
      },
    ])
    expect(result).toEqual({
      groups: [
        {
          rules: [
            { field: 'postalCode', operator: 'lessThan', value: '90000' },
            { field: 'phone', operator: 'isNotEmpty' },
          ],
        },
      ],
    })
  })

  it('names every missing value by the path the API uses', () => {
    const result = groupsOf([
      newGroup(),
      { rules: [{ field: 'city', operator: 'in', value: ' , ,' }] },
      { rules: [] },
    ])
    expect(result).toEqual({
      errors: {
        'groups.0.rules.0.value': 'Give a value',
        'groups.1.rules.0.value': 'Give one or more values, separated by commas',
        'groups.2.rules': 'A group needs a rule',
      },
    })
  })

  it('words a rule plainly', () => {
    expect(ruleText({ field: 'companyName', operator: 'contains', value: 'acme' })).toBe(
      'Company name contains acme',
    )
    expect(ruleText({ field: 'city', operator: 'in', value: ['Tucson', 'Mesa'] })).toBe(
      'City is one of Tucson, Mesa',
    )
    expect(ruleText({ field: 'email', operator: 'isEmpty' })).toBe('Email is empty')
  })
})
