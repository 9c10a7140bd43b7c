import type { Conn } from './db/client.ts'
import { addCampaign } from './domains/campaigns/campaigns.service.ts'
import { addMessageCampaign } from './domains/message-campaigns/message-campaigns.service.ts'
import { addOfficeLocation } from './domains/office-locations/office-locations.service.ts'
import {
  addPartnerCompany,
  tagPartnerCompany,
} from './domains/partner-companies/partner-companies.service.ts'
import { addTag } from './domains/tags/tags.service.ts'
import type { SecretBox } from './lib/secrets.ts'

/** Demo partner companies as seeds 000–003 describe them, with their settings filled in. */
export async function seedLeadSources(conn: Conn, companyId: string, secrets: SecretBox) {
  const abcCampaigns: string[] = []
  const branch = await addOfficeLocation(conn, companyId, {
    name: 'Phoenix Branch',
    address: {
      street: '400 W Camelback Rd',
      city: 'Phoenix',
      region: 'AZ',
      postalCode: '85013',
      country: 'US',
    },
    timezone: 'America/Phoenix',
  })
  const returnNotice = await addMessageCampaign(conn, companyId, {
    name: 'Lead return notice',
    subject: 'Returned lead {{lead.number}}: {{return.reason}}',
    body: [
      'Hello {{partnerCompany.contactPerson}},',
      '',
      'We returned {{return.count}} lead(s) from {{partnerCompany.name}}, including {{lead.firstName}} {{lead.lastName}}.',
      'Reason: {{return.reason}}',
      '{{return.comments}}',
      '',
      '{{company.name}}',
    ].join('\n'),
  })
  await addMessageCampaign(conn, companyId, {
    name: 'Customer welcome',
    subject: 'Welcome to {{company.name}}, {{customer.firstName}}',
    body: 'Hi {{customer.firstName}},\n\nThank you for choosing {{company.name}}. Your account number is {{customer.number}}.',
  })

  const abc = await addPartnerCompany(conn, companyId, {
    name: 'ABC Leads, Inc.',
    kind: 'outside',
    contactPerson: 'Alice Abbott',
    email: 'alice@abcleads.example',
    phone: '+1 602 555 0100',
    website: 'https://abcleads.example',
    address: { street: '1 Lead Way', city: 'Tempe', region: 'AZ', postalCode: '85281', country: 'US' },
    notes: 'Buys cold-call and door-knock leads in the Phoenix metro area.',
    sellsLeads: {
      enabled: true,
      defaultLeadLocation: 'queue',
      purchaseNotificationEmails: ['purchasing@demo.test'],
      returnNotificationEmails: ['returns@abcleads.example'],
      includeCallCenterCommentsWithReturn: true,
      autoResponseMessageCampaignId: returnNotice.id,
      leadQueuePriority: 'high',
    },
  })
  for (const [name, externalCampaignId] of [
    ['Cold Call', 'CC-1'],
    ['Door Knock', 'DK-1'],
    ['Web Lead', 'WEB-1'],
  ] as const) {
    abcCampaigns.push(
      await addCampaign(conn, companyId, abc, { name, externalPartnerCompanyId: 'ABC', externalCampaignId }),
    )
  }

  const buyer = await addPartnerCompany(conn, companyId, {
    name: 'Metro Alarm Buyers',
    contactPerson: 'Marco Diaz',
    email: 'marco@metroalarm.example',
    buysLeads: {
      enabled: true,
      deliveryMethod: 'email',
      saleNotificationEmails: ['leads@metroalarm.example'],
    },
  })
  await addPartnerCompany(
    conn,
    companyId,
    {
      name: 'Sunrise Security Exchange',
      contactPerson: 'Sam Rivera',
      buysCustomers: {
        enabled: true,
        deliveryMethod: 'exchange',
        postUrl: 'https://sunrise.example/api/v1/exchange/sunrise',
        sourceId: 'DEMO-SUNRISE',
      },
    },
    { buysCustomersSecret: secrets.seal('demo-exchange-secret-not-real') },
  )
  const installer = await addPartnerCompany(conn, companyId, {
    name: 'HomeSafe Installs',
    contactPerson: 'Hana Lee',
    sellsCustomers: {
      enabled: true,
      defaultOfficeLocationId: branch.id,
      purchaseNotificationEmails: ['customers@demo.test'],
      returnNotificationEmails: ['ops@homesafe.example'],
    },
  })

  const gold = await addTag(conn, companyId, 'Gold')
  const local = await addTag(conn, companyId, 'Local')
  await addTag(conn, companyId, 'Trial')
  await tagPartnerCompany(conn, companyId, abc, gold.id)
  await tagPartnerCompany(conn, companyId, installer, local.id)
  await tagPartnerCompany(conn, companyId, buyer, local.id)
  return { abc: { id: abc, campaignIds: abcCampaigns } }
}
