import type { PostingSpec } from '@tributary/contracts'
import { type Actor, assertPermission } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { notFound } from '../../lib/errors.ts'
import { signedHeaders } from '../../lib/signatures.ts'
import { exchangeUrl, findConnection } from '../connections/connections.service.ts'
import { findLeadSource } from '../partner-companies/partner-companies.sources.ts'

// The posting specification a buyer hands to a seller that does not run Tributary: what to
// post, how to sign it, and how to check a signature with the public standardwebhooks package.

const fields: PostingSpec['fields'] = [
  {
    name: 'senderRecordId',
    type: 'string',
    required: true,
    description: 'Your id for the record; returns come back with it',
  },
  { name: 'firstName', type: 'string', required: false, description: 'First name' },
  { name: 'lastName', type: 'string', required: false, description: 'Last name' },
  { name: 'companyName', type: 'string', required: false, description: "The contact's company" },
  {
    name: 'phone',
    type: 'string',
    required: false,
    description: 'Phone, any common format (a phone or an email is required)',
  },
  { name: 'email', type: 'string', required: false, description: 'Email address' },
  {
    name: 'address',
    type: 'object',
    required: false,
    description:
      '{ street, city, region (US: two-letter state), postalCode, country (two letters, default US) }',
  },
  {
    name: 'suggestedLocation',
    type: '"pending" | "queue"',
    required: false,
    description: "Where the lead should start; the buyer's forced default wins",
  },
  {
    name: 'externalPartnerCompanyId',
    type: 'string',
    required: false,
    description: "With externalCampaignId: the buyer's campaign for this record",
  },
  { name: 'externalCampaignId', type: 'string', required: false, description: "The buyer's campaign id" },
  {
    name: 'callCenterComments',
    type: 'string',
    required: false,
    description: 'Comments for the call center (leads)',
  },
  {
    name: 'trustedFormCertUrl',
    type: 'https URL',
    required: false,
    description: 'TrustedForm certificate (leads)',
  },
  { name: 'leadiDToken', type: 'string', required: false, description: 'Jornaya LeadiD token (leads)' },
]

const types: PostingSpec['types'] = [
  { type: 'lead.sold', description: 'A lead for the buyer; answers 201 { id }' },
  { type: 'customer.sold', description: 'A customer for the buyer; answers 201 { id }' },
  { type: 'lead.returned', description: 'The buyer returns a lead: data { recordId, reason, comments }' },
  {
    type: 'customer.returned',
    description: 'The buyer returns a customer: data { recordId, reason, comments }',
  },
  { type: 'connection.hello', description: 'Your reply channel: data { postUrl, sourceId, secret }' },
  { type: 'ping', description: 'Checks the connection; creates nothing' },
]

const verification = {
  typescript: `import { Webhook } from 'standardwebhooks'

// rawBody: the request body exactly as received (a string), headers: the request's headers
const payload = new Webhook(process.env.TRIBUTARY_SECRET).verify(rawBody, headers)`,
  python: `from standardwebhooks import Webhook

# raw_body: the request body as received (bytes or str), headers: the request's headers
payload = Webhook(os.environ["TRIBUTARY_SECRET"]).verify(raw_body, headers)`,
  php: `use StandardWebhooks\\Webhook;

// $rawBody: file_get_contents('php://input'), $headers: getallheaders()
$payload = (new Webhook(getenv('TRIBUTARY_SECRET')))->verify($rawBody, $headers);`,
}

export async function postingSpec(ctx: AppContext, actor: Actor, id: string): Promise<PostingSpec> {
  assertPermission(actor, 'manage_partner_companies')
  if (!(await findLeadSource(ctx.db, actor.companyId, id))) throw notFound('Partner company')
  const connection = await findConnection(ctx.db, actor.companyId, id)
  const postUrl = connection ? await exchangeUrl(ctx, ctx.db, actor.companyId) : null
  const sourceId = connection?.source_id ?? null
  const body = JSON.stringify({
    type: 'lead.sold',
    sourceId: sourceId ?? 'src_…',
    data: {
      senderRecordId: 'L-1001',
      firstName: 'Ada',
      lastName: 'Lovelace',
      phone: '+1 212 555 0100',
      address: { city: 'New York', region: 'NY', postalCode: '10001', country: 'US' },
    },
  })
  // Signed with a made-up secret: the real one is shown once, when credentials are generated.
  const headers = signedHeaders('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_2xample0000000000000000', body)
  return {
    postUrl,
    sourceId,
    types,
    fields,
    exampleRequest: { headers: { 'content-type': 'application/json', ...headers }, body },
    verification,
  }
}
