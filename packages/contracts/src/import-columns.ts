// No zod here: the web app imports this file alone.

/** The CSV header names an import understands; other columns are refused. */
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
