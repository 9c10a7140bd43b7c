import type { Rule } from '@tributary/contracts'
import { describe, expect, it } from 'vitest'
import { type Facts, factsOf, matchingGroup, ruleMatches } from './rules.ts'

const facts: Facts = factsOf(
  {
    firstName: 'Ada',
    lastName: 'Lovelace',
    companyName: 'ACME, Inc.',
    email: 'ada@Acme.com',
    phone: '+12125550100',
    address: { street: null, city: 'Phoenix', region: 'AZ', postalCode: '85001', country: 'US' },
    location: 'queue',
    priority: 'high',
  },
  'ABC Leads',
  null,
)

// field, operator, value, expected
const table: [Rule['field'], Rule['operator'], Rule['value'], boolean][] = [
  ['firstName', 'equals', 'ada', true],
  ['firstName', 'equals', ' ADA ', true],
  ['firstName', 'equals', 'Ad', false],
  ['firstName', 'notEquals', 'Bob', true],
  ['firstName', 'notEquals', 'ADA', false],
  ['companyName', 'contains', 'acme', true],
  ['companyName', 'contains', 'globex', false],
  ['emailDomain', 'equals', 'acme.com', true],
  ['emailDomain', 'in', ['globex.com', 'ACME.com'], true],
  ['emailDomain', 'in', ['globex.com'], false],
  ['region', 'in', ['az', 'nm'], true],
  ['postalCode', 'greaterThan', '80000', true],
  ['postalCode', 'greaterThan', 90000, false],
  ['postalCode', 'lessThan', 90000, true],
  ['postalCode', 'lessThan', '9', false], // numbers compare as numbers: 85001 < 9 is false
  ['city', 'lessThan', 'tucson', true],
  ['source', 'equals', 'abc leads', true],
  ['priority', 'equals', 'high', true],
  ['location', 'in', ['pending', 'queue'], true],
  // a missing value is empty: it matches isEmpty and notEquals, never equals, contains or compares
  ['street', 'isEmpty', undefined, true],
  ['street', 'isNotEmpty', undefined, false],
  ['street', 'equals', '', false],
  ['street', 'notEquals', 'Main St', true],
  ['street', 'contains', '', false],
  ['street', 'in', ['', 'x'], false],
  ['street', 'greaterThan', 0, false],
  ['campaign', 'isEmpty', undefined, true],
  ['campaign', 'lessThan', 'z', false],
  ['city', 'isNotEmpty', undefined, true],
  ['city', 'isEmpty', undefined, false],
]

describe('auto-registration rules', () => {
  it.each(table)('%s %s %j → %s', (field, operator, value, expected) => {
    const rule = { field, operator, ...(value !== undefined && { value }) } as Rule
    expect(ruleMatches(rule, facts)).toBe(expected)
  })

  it('matches a group only when every rule does (AND), and any group (OR), reporting the first', () => {
    const yes: Rule = { field: 'region', operator: 'equals', value: 'AZ' }
    const no: Rule = { field: 'region', operator: 'equals', value: 'NM' }
    expect(matchingGroup([{ rules: [yes, no] }], facts)).toBeNull()
    expect(matchingGroup([{ rules: [yes, no] }, { rules: [yes] }], facts)).toBe(1)
    expect(matchingGroup([{ rules: [yes] }, { rules: [yes] }], facts)).toBe(0)
    expect(matchingGroup([], facts)).toBeNull()
  })
})
