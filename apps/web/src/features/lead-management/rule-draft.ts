import type { Rule, RuleField, RuleGroup, RuleOperator } from '../../app/contracts.ts'

// The rule builder's working copy of auto-registration rules: every value is text while typed
// (a list for "is one of" is comma-separated), turned into the API's groups on Save or Preview.

export type RuleDraft = { field: RuleField; operator: RuleOperator; value: string }
export type GroupDraft = { rules: RuleDraft[] }

export const fieldLabels: Record<RuleField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  companyName: 'Company name',
  email: 'Email',
  emailDomain: 'Email domain',
  phone: 'Phone',
  street: 'Street',
  city: 'City',
  region: 'State / Region',
  postalCode: 'Postal code',
  country: 'Country',
  source: 'Source',
  campaign: 'Campaign',
  location: 'Location',
  priority: 'Priority',
}

export const operatorLabels: Record<RuleOperator, string> = {
  equals: 'is',
  notEquals: 'is not',
  contains: 'contains',
  in: 'is one of',
  greaterThan: 'is greater than',
  lessThan: 'is less than',
  isEmpty: 'is empty',
  isNotEmpty: 'is not empty',
}

export const fieldOptions = Object.entries(fieldLabels).map(([value, label]) => ({ value, label }))
export const operatorOptions = Object.entries(operatorLabels).map(([value, label]) => ({ value, label }))

/** isEmpty and isNotEmpty test the field alone. */
export const needsValue = (operator: RuleOperator) => operator !== 'isEmpty' && operator !== 'isNotEmpty'

export const newRule = (): RuleDraft => ({ field: 'companyName', operator: 'equals', value: '' })
export const newGroup = (): GroupDraft => ({ rules: [newRule()] })

function valueText(value: Rule['value']): string {
  if (value === undefined) return ''
  return Array.isArray(value) ? value.join(', ') : String(value)
}

/** The API's groups as the builder edits them. */
export function draftOf(groups: readonly RuleGroup[]): GroupDraft[] {
  return groups.map((g) => ({
    rules: g.rules.map((r) => ({ field: r.field, operator: r.operator, value: valueText(r.value) })),
  }))
}

/**
 * The groups to send, or the problems keyed by the API's own paths (`groups.0.rules.1.value`)
 * so they show beside the same fields whether found here or by the server.
 */
export function groupsOf(
  drafts: readonly GroupDraft[],
): { groups: RuleGroup[] } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const groups = drafts.map((group, g) => {
    if (!group.rules.length) errors[`groups.${g}.rules`] = 'A group needs a rule'
    return {
      rules: group.rules.map((rule, r): Rule => {
        const path = `groups.${g}.rules.${r}.value`
        if (!needsValue(rule.operator)) return { field: rule.field, operator: rule.operator }
        if (rule.operator === 'in') {
          const list = rule.value
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean)
          if (!list.length) errors[path] = 'Give one or more values, separated by commas'
          return { field: rule.field, operator: 'in', value: list }
        }
        const value = rule.value.trim()
        if (!value) errors[path] = 'Give a value'
        return { field: rule.field, operator: rule.operator, value }
      }),
    }
  })
  return Object.keys(errors).length ? { errors } : { groups }
}

/** "Company name contains acme", "Email is empty": one rule in words. */
export function ruleText(rule: Rule): string {
  const head = `${fieldLabels[rule.field]} ${operatorLabels[rule.operator]}`
  return needsValue(rule.operator) ? `${head} ${valueText(rule.value)}` : head
}

/** Every field path a rule builder shows errors beside, for useSubmit. */
export function rulePaths(drafts: readonly GroupDraft[]): string[] {
  return [
    'groups',
    ...drafts.flatMap((group, g) => [
      `groups.${g}.rules`,
      ...group.rules.flatMap((_, r) =>
        ['field', 'operator', 'value'].map((k) => `groups.${g}.rules.${r}.${k}`),
      ),
    ]),
  ]
}
