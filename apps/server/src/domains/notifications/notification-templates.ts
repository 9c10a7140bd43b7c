/**
 * Built-in messages for notifications without a configured message campaign, in the same
 * placeholder language users write theirs in (lib/templates.ts).
 */
export const builtInTemplates = {
  leadPurchased: {
    subject: 'New lead {{lead.number}} from {{partnerCompany.name}}',
    body: [
      'A new lead arrived from {{partnerCompany.name}}{% if campaign.name %} ({{campaign.name}}){% endif %}.',
      '',
      'Lead {{lead.number}}: {{lead.firstName}} {{lead.lastName}}',
      'Phone: {{lead.phone}}',
      'Email: {{lead.email}}',
      'Address: {{lead.street}}, {{lead.city}} {{lead.region}} {{lead.postalCode}}',
      '',
      'Open it: {{lead.link}}',
      '',
      '{{company.name}}',
    ].join('\n'),
  },
  customerPurchased: {
    subject: 'New customer {{customer.number}} from {{partnerCompany.name}}',
    body: [
      'A new customer arrived from {{partnerCompany.name}}.',
      '',
      'Customer {{customer.number}}: {{customer.firstName}} {{customer.lastName}}',
      'Phone: {{customer.phone}}',
      'Email: {{customer.email}}',
      '',
      'Open it: {{customer.link}}',
      '',
      '{{company.name}}',
    ].join('\n'),
  },
  returned: {
    subject: '{{company.name}} returned {{return.count}} record(s) to {{partnerCompany.name}}',
    body: [
      'Hello {{partnerCompany.contactPerson}},',
      '',
      '{{company.name}} returned {{return.count}} record(s) that came from {{partnerCompany.name}}.',
      'Reason: {{return.reason}}',
      '{% if return.comments %}Call center comments: {{return.comments}}{% endif %}',
    ].join('\n'),
  },
} as const
