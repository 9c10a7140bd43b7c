// No zod here: the web app imports this file alone.

/**
 * The placeholders a message campaign may use, e.g. `{{lead.firstName}}`. Anything else
 * is refused when the template is saved.
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
