/**
 * The placeholders a message campaign may use, as `templateVariables` in
 * packages/contracts/src/settings.ts lists them (the server refuses any other, inline).
 */
export const templateVariables = {
  company: ['name'],
  lead: [
    'number',
    'firstName',
    'lastName',
    'email',
    'phone',
    'street',
    'city',
    'region',
    'postalCode',
    'link',
  ],
  customer: [
    'number',
    'firstName',
    'lastName',
    'email',
    'phone',
    'street',
    'city',
    'region',
    'postalCode',
    'link',
  ],
  partnerCompany: ['name', 'contactPerson', 'email', 'phone'],
  campaign: ['name'],
  return: ['reason', 'comments', 'count'],
} as const

export const placeholderGroups: { group: string; placeholders: string[] }[] = Object.entries(
  templateVariables,
).map(([group, fields]) => ({ group, placeholders: fields.map((field) => `{{${group}.${field}}}`) }))
