import type { Lead } from '@tributary/contracts'
import { addressOf } from '../../lib/contact.ts'
import type { LeadRow } from './leads.repo.ts'

export const priorities = ['high', 'medium', 'normal'] as const
export const priorityRank = (p: (typeof priorities)[number]) => priorities.indexOf(p)

export function toLead(r: LeadRow): Lead {
  return {
    id: r.id,
    number: Number(r.number),
    firstName: r.first_name,
    lastName: r.last_name,
    companyName: r.company_name,
    email: r.email,
    phone: r.phone,
    address: addressOf(r),
    timezone: r.timezone,
    partnerCompanyId: r.partner_company_id,
    campaignId: r.campaign_id,
    location: r.location,
    priority: priorities[r.priority_rank] ?? 'normal',
    assignedUserId: r.assigned_user_id,
    contactAfter: r.contact_after.toISOString(),
    invalidReason: r.invalid_reason,
    returnReason: r.return_reason,
    callCenterComments: r.call_center_comments,
    notes: r.notes,
    externalPartnerCompanyId: r.external_partner_company_id,
    externalCampaignId: r.external_campaign_id,
    trustedFormCertUrl: r.trusted_form_cert_url,
    leadiDToken: r.leadid_token,
    customerId: r.customer_id,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }
}

/** What a partner login sees of a lead it sourced: not the company's own notes or who works it. */
export const forActor = (lead: Lead, actor: { kind: string }): Lead =>
  actor.kind === 'partner' ? { ...lead, notes: null, callCenterComments: null, assignedUserId: null } : lead
