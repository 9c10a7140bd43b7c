import type { Campaign, Customer, Lead } from '@tributary/contracts'

// A lead or customer as it travels between companies: the contact and consent fields a buyer
// (or a supplier it is registered with) needs, never the sender's notes or people.

const present = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? undefined : v)

/** The envelope's data; `campaign` is the receiver's (its external ids), `batch` the request. */
export function recordForExchange(
  kind: 'lead' | 'customer',
  r: Lead | Customer,
  campaign: Campaign | null,
  batch?: { id: string; size: number },
) {
  const lead = kind === 'lead' ? (r as Lead) : null
  const fields = {
    senderRecordId: r.id,
    externalPartnerCompanyId: present(campaign?.externalPartnerCompanyId),
    externalCampaignId: present(campaign?.externalCampaignId),
    batch,
    firstName: present(r.firstName),
    lastName: present(r.lastName),
    companyName: present(r.companyName),
    email: present(r.email),
    phone: present(r.phone),
    address: {
      street: present(r.address.street),
      city: present(r.address.city),
      region: present(r.address.region),
      postalCode: present(r.address.postalCode),
      country: r.address.country ?? 'US',
    },
    callCenterComments: present(lead?.callCenterComments),
    trustedFormCertUrl: present(lead?.trustedFormCertUrl),
    leadiDToken: present(lead?.leadiDToken),
  }
  return JSON.parse(JSON.stringify(fields)) as Record<string, unknown>
}
