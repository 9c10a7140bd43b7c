// No zod here: the web app imports this file alone.

/** The lead fields a CSV column can be mapped to. */
export const leadImportColumns = [
  'firstName',
  'lastName',
  'companyName',
  'email',
  'phone',
  'street',
  'city',
  'region',
  'postalCode',
  'country',
  'partnerCompanyId',
  'campaignId',
  'externalPartnerCompanyId',
  'externalCampaignId',
  'location',
  'callCenterComments',
  'notes',
  'trustedFormCertUrl',
  'leadiDToken',
] as const
export type LeadImportColumn = (typeof leadImportColumns)[number]

/** Each field's name on screen. */
export const leadImportColumnLabels: Record<LeadImportColumn, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  companyName: 'Company',
  email: 'Email',
  phone: 'Phone',
  street: 'Street',
  city: 'City',
  region: 'State',
  postalCode: 'Postal code',
  country: 'Country',
  partnerCompanyId: 'Source (name or id)',
  campaignId: 'Campaign id',
  externalPartnerCompanyId: 'External source id',
  externalCampaignId: 'External campaign id',
  location: 'Location (Pending or Queue)',
  callCenterComments: 'Call center comments',
  notes: 'Notes',
  trustedFormCertUrl: 'TrustedForm certificate URL',
  leadiDToken: 'LeadiD token',
}

/** A header as compared: case, spaces, `_`, `-` and `.` do not count ("First_Name" = "first name"). */
export const normaliseHeader = (header: string) => header.toLowerCase().replace(/[\s_.-]+/g, '')

/** Other names people give each field's column, already normalised. */
const synonyms: Record<LeadImportColumn, string[]> = {
  firstName: ['first', 'firstname', 'fname', 'givenname', 'forename'],
  lastName: ['last', 'lastname', 'lname', 'surname', 'familyname'],
  companyName: ['company', 'companyname', 'business', 'businessname', 'organization', 'organisation'],
  email: ['email', 'emailaddress', 'mail'],
  phone: ['phone', 'phonenumber', 'telephone', 'tel', 'mobile', 'cell', 'cellphone', 'mobilephone'],
  street: ['street', 'address', 'streetaddress', 'address1', 'addressline1'],
  city: ['city', 'town'],
  region: ['region', 'state', 'province', 'stateprovince', 'st'],
  postalCode: ['postalcode', 'zip', 'zipcode', 'postcode', 'postal'],
  country: ['country', 'countrycode'],
  partnerCompanyId: [
    'partnercompanyid',
    'partnercompany',
    'partner',
    'source',
    'sourceid',
    'leadsource',
    'vendor',
  ],
  campaignId: ['campaignid', 'campaign'],
  externalPartnerCompanyId: ['externalpartnercompanyid', 'externalsourceid'],
  externalCampaignId: ['externalcampaignid'],
  location: ['location'],
  callCenterComments: ['callcentercomments', 'comments', 'comment'],
  notes: ['notes', 'note'],
  trustedFormCertUrl: ['trustedformcerturl', 'trustedform', 'trustedformurl', 'trustedformcert'],
  leadiDToken: ['leadidtoken', 'leadid', 'jornaya', 'jornayaleadid'],
}

const byName = new Map(
  leadImportColumns.flatMap((field) => synonyms[field].map((name) => [name, field] as const)),
)

/** The field a header names, or null when it names none. */
export const fieldOfHeader = (header: string): LeadImportColumn | null =>
  byName.get(normaliseHeader(header)) ?? null

/**
 * The field of each column: the company's remembered choice for its header (null: ignored),
 * else the field the header names, else null.
 */
export function mapHeaders(
  headers: readonly string[],
  remembered: Readonly<Record<string, string | null>> = {},
): (LeadImportColumn | null)[] {
  const taken = new Set<string>()
  return headers.map((header) => {
    const key = normaliseHeader(header)
    const choice = key in remembered ? remembered[key] : fieldOfHeader(header)
    const field = (leadImportColumns as readonly (string | null | undefined)[]).includes(choice)
      ? (choice as LeadImportColumn)
      : null
    // A field takes one column: the first that names it.
    if (!field || taken.has(field)) return null
    taken.add(field)
    return field
  })
}
