import type { Rule, RuleField, RuleGroup } from '@tributary/contracts'

// Auto-registration rules (seed 004): all rules of a group must match (AND), any group is
// enough (OR). Strings compare without regard to case or surrounding spaces; a missing value
// is empty, so it matches isEmpty and never equals, contains or compares.

export type Facts = Record<RuleField, string | number | null>

type Value = Rule['value']

const text = (v: string | number) => String(v).trim().toLowerCase()
const empty = (v: string | number | null) => v === null || text(v) === ''
const numeric = (v: string | number) =>
  typeof v === 'number' ? v : /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : null

/** -1, 0 or 1: numbers as numbers when both sides are numbers, else as text. */
function compare(a: string | number, b: string | number): number {
  const [x, y] = [numeric(a), numeric(b)]
  if (x !== null && y !== null) return Math.sign(x - y)
  return Math.sign(text(a).localeCompare(text(b)))
}

function one(v: Value): string | number | null {
  return v === undefined || Array.isArray(v) ? null : v
}

export function ruleMatches(rule: Rule, facts: Facts): boolean {
  const actual = facts[rule.field]
  switch (rule.operator) {
    case 'isEmpty':
      return empty(actual)
    case 'isNotEmpty':
      return !empty(actual)
  }
  if (empty(actual)) return rule.operator === 'notEquals'
  const a = actual as string | number
  const expected = one(rule.value)
  switch (rule.operator) {
    case 'equals':
      return expected !== null && compare(a, expected) === 0
    case 'notEquals':
      return expected === null || compare(a, expected) !== 0
    case 'contains':
      return expected !== null && text(a).includes(text(expected))
    case 'in':
      return Array.isArray(rule.value) && rule.value.some((v) => compare(a, v) === 0)
    case 'greaterThan':
      return expected !== null && compare(a, expected) > 0
    case 'lessThan':
      return expected !== null && compare(a, expected) < 0
  }
}

/** The index of the first group whose rules all match; null when none does. */
export function matchingGroup(groups: RuleGroup[], facts: Facts): number | null {
  const index = groups.findIndex((g) => g.rules.every((r) => ruleMatches(r, facts)))
  return index === -1 ? null : index
}

/** What the rules see of a lead. */
export function factsOf(
  lead: {
    firstName: string | null
    lastName: string | null
    companyName: string | null
    email: string | null
    phone: string | null
    address: {
      street: string | null
      city: string | null
      region: string | null
      postalCode: string | null
      country: string | null
    }
    location: string
    priority: string
  },
  source: string | null,
  campaign: string | null,
): Facts {
  return {
    firstName: lead.firstName,
    lastName: lead.lastName,
    companyName: lead.companyName,
    email: lead.email,
    emailDomain: lead.email?.split('@')[1] ?? null,
    phone: lead.phone,
    street: lead.address.street,
    city: lead.address.city,
    region: lead.address.region,
    postalCode: lead.address.postalCode,
    country: lead.address.country,
    source,
    campaign,
    location: lead.location,
    priority: lead.priority,
  }
}
