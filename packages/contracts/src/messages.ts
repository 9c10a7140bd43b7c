import { z } from 'zod'

/**
 * Every validation message in plain words that name the field ("Choose a source", "Location must
 * be Pending or Queue"), for the API's 400 answers and so for every form. zod calls this map once
 * the whole request is checked, so the issue's path is complete. A schema's own message still wins.
 */

/** Field names people know, where the property name is not one (by the last word of the path). */
const fieldNames: Record<string, string> = {
  partnerCompanyId: 'source',
  campaignId: 'campaign',
  officeLocationId: 'office location',
  defaultOfficeLocationId: 'default office location',
  autoResponseMessageCampaignId: 'auto-response email',
  assignedUserId: 'user',
  roleIds: 'role',
  userId: 'person',
  phone: 'phone number',
  email: 'email address',
  postUrl: 'Post URL',
  sourceId: 'Source ID',
  leadiDToken: 'LeadiD token',
  trustedFormCertUrl: 'TrustedForm certificate URL',
  region: 'state or region',
  postalCode: 'postal code',
  timezone: 'time zone',
  contactAfter: 'callback time',
  maxAssignedPerRep: 'cap per rep',
  requestableAfterMinutes: 'requestable delay',
  blacklistMinutesAfterRequest: 'minutes blacklisted after a request',
  duplicateWindowDays: 'duplicate window',
  from: 'start time',
  until: 'end time',
}

/** `["sellsLeads", "purchaseNotificationEmails", 1]` → "purchase notification email". */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const names = path.filter((key): key is string => typeof key === 'string')
  const key = names[names.length - 1]
  if (!key) return 'value'
  const inList = typeof path[path.length - 1] === 'number'
  const known = fieldNames[key]
  if (known) return known
  // Environment variables (PUBLIC_URL) are known by their own names.
  if (/^[A-Z0-9_]+$/.test(key)) return key
  const words = key
    .replace(/Ids?$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
  // One item of a list is named in the singular: "purchase notification email".
  return inList || /ids$/i.test(key) ? words.replace(/s$/, '') : words
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
const article = (noun: string) => (/^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`)

/** `["pending", "queue"]` → "Pending or Queue". */
function choices(values: readonly unknown[]): string {
  const words = values.map((value) =>
    typeof value === 'string' ? capitalised(value.replace(/_/g, ' ')) : String(value),
  )
  return words.length > 1
    ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`
    : (words[0] ?? '')
}

/** Whether the field is picked from a list (an id, a choice, a yes/no) rather than typed. */
function isChosen(issue: z.core.$ZodRawIssue, key: string | undefined): boolean {
  if (key && /Ids?$/.test(key)) return true
  if (issue.code === 'invalid_format' && issue.format === 'uuid') return true
  if (issue.code === 'invalid_type') return ['boolean', 'array'].includes(String(issue.expected))
  return issue.code === 'invalid_value'
}

function lengthUnit(origin: unknown): string {
  if (origin === 'string') return ' characters'
  if (origin === 'array' || origin === 'set') return ' items'
  return ''
}

/** The plain message of one issue. */
export function plainMessage(issue: z.core.$ZodRawIssue): string {
  const path = issue.path ?? []
  const label = fieldLabel(path)
  const names = path.filter((key): key is string => typeof key === 'string')
  const key = names[names.length - 1]
  const Label = capitalised(label)
  const missing = `${isChosen(issue, key) ? 'Choose' : 'Enter'} ${article(label)}`
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return missing
      if (issue.expected === 'number' || issue.expected === 'int') return `${Label} must be a number`
      if (issue.expected === 'boolean') return `${Label} must be yes or no`
      return missing
    case 'invalid_value':
      return `${Label} must be ${choices(issue.values)}`
    case 'invalid_format':
      if (issue.format === 'uuid') return key === 'id' ? 'This is not the id of a record' : missing
      if (issue.format === 'email') return 'Enter an email address like name@example.com'
      if (issue.format === 'url') return `Enter ${article(label)} starting with https://`
      if (issue.format === 'datetime' || issue.format === 'date')
        return `Enter ${article(label)} as a date and time`
      return `Enter ${article(label)} in the expected form`
    case 'too_small':
      if (issue.minimum === 1 && issue.origin === 'string') return missing
      if (issue.minimum === 1 && issue.origin === 'array') return `Choose at least one ${label}`
      return `${Label} must be at least ${issue.minimum}${lengthUnit(issue.origin)}`
    case 'too_big':
      return `${Label} must be at most ${issue.maximum}${lengthUnit(issue.origin)}`
    case 'unrecognized_keys':
      return `${choices(issue.keys).replace(/ or /, ' and ')} ${issue.keys.length > 1 ? 'are' : 'is'} not known here`
    default:
      return `Check the ${label}`
  }
}

z.config({ customError: plainMessage })
