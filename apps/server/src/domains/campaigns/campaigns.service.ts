import type { Campaign, CampaignBody, CampaignPatch } from '@tributary/contracts'
import type { z } from 'zod'
import type { Conn } from '../../db/client.ts'
import { type Actor, assertPermission } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { fieldError, notFound } from '../../lib/errors.ts'
import { newId } from '../../lib/ids.ts'
import { optionalMinorToMoney, priceToMinor } from '../../lib/money.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { getPartnerCompany } from '../partner-companies/partner-companies.service.ts'
import * as repo from './campaigns.repo.ts'

const minorOrNull = (price: string | null | undefined) => (price == null ? null : priceToMinor(price))

const toCampaign = (r: repo.CampaignRow): Campaign => ({
  id: r.id,
  partnerCompanyId: r.partner_company_id,
  name: r.name,
  description: r.description,
  direction: r.direction,
  externalPartnerCompanyId: r.external_partner_company_id,
  externalCampaignId: r.external_campaign_id,
  costPerLead: optionalMinorToMoney(r.cost_per_lead_minor),
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
})

/**
 * The campaign a sender's ids name (seed 003: leads and customers created through the API
 * carry the sender's partner company ID and campaign ID).
 */
export async function findCampaignByExternalIds(
  conn: Conn,
  companyId: string,
  externalPartnerCompanyId: string,
  externalCampaignId: string,
): Promise<Campaign | null> {
  const row = await repo.findCampaignByExternalIds(
    conn,
    companyId,
    externalPartnerCompanyId,
    externalCampaignId,
  )
  return row ? toCampaign(row) : null
}

export async function findCampaignById(conn: Conn, companyId: string, id: string): Promise<Campaign | null> {
  const row = await repo.findCampaign(conn, companyId, id)
  return row ? toCampaign(row) : null
}

async function checkUnique(
  conn: Conn,
  companyId: string,
  partnerCompanyId: string,
  v: repo.CampaignValues,
  id?: string,
) {
  if (await repo.nameTaken(conn, companyId, partnerCompanyId, v.name, id)) {
    throw fieldError('name', 'This partner company already has a campaign with this name', 'conflict')
  }
  if (v.external_partner_company_id && v.external_campaign_id) {
    const other = await repo.findCampaignByExternalIds(
      conn,
      companyId,
      v.external_partner_company_id,
      v.external_campaign_id,
    )
    if (other && other.id !== id) {
      throw fieldError(
        'externalCampaignId',
        `Campaign "${other.name}" already has these external ids`,
        'conflict',
      )
    }
  }
}

export async function listCampaigns(ctx: AppContext, actor: Actor, partnerCompanyId: string) {
  await getPartnerCompany(ctx, actor, partnerCompanyId)
  const rows = await repo.listCampaignsOf(ctx.db, actor.companyId, partnerCompanyId)
  return { items: rows.map(toCampaign), nextCursor: null }
}

export async function getCampaign(ctx: AppContext, actor: Actor, id: string): Promise<Campaign> {
  const campaign = await findCampaignById(ctx.db, actor.companyId, id)
  if (!campaign) throw notFound('Campaign')
  return campaign
}

/** Inside the caller's transaction, without permission checks or audit: for the demo seed. */
export async function addCampaign(
  conn: Conn,
  companyId: string,
  partnerCompanyId: string,
  input: z.input<typeof CampaignBody>,
): Promise<string> {
  const values: repo.CampaignValues = {
    name: input.name,
    description: input.description ?? null,
    direction: input.direction ?? 'inbound',
    external_partner_company_id: input.externalPartnerCompanyId ?? null,
    external_campaign_id: input.externalCampaignId ?? null,
    cost_per_lead_minor: minorOrNull(input.costPerLead),
  }
  await checkUnique(conn, companyId, partnerCompanyId, values)
  const id = newId()
  await repo.insertCampaign(conn, companyId, id, partnerCompanyId, values)
  return id
}

export async function createCampaign(
  ctx: AppContext,
  actor: Actor,
  partnerCompanyId: string,
  input: z.infer<typeof CampaignBody>,
): Promise<Campaign> {
  assertPermission(actor, 'manage_partner_companies')
  await getPartnerCompany(ctx, actor, partnerCompanyId)
  const id = await ctx.db.transaction().execute(async (tx) => {
    const id = await addCampaign(tx, actor.companyId, partnerCompanyId, input)
    await recordAudit(tx, actor, 'create', 'campaign', id, input)
    return id
  })
  return getCampaign(ctx, actor, id)
}

export async function updateCampaign(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof CampaignPatch>,
) {
  assertPermission(actor, 'manage_partner_companies')
  await ctx.db.transaction().execute(async (tx) => {
    const row = await repo.findCampaign(tx, actor.companyId, id)
    if (!row) throw notFound('Campaign')
    const values: repo.CampaignValues = {
      name: input.name ?? row.name,
      description: input.description !== undefined ? input.description : row.description,
      direction: input.direction ?? row.direction,
      external_partner_company_id:
        input.externalPartnerCompanyId !== undefined
          ? input.externalPartnerCompanyId
          : row.external_partner_company_id,
      external_campaign_id:
        input.externalCampaignId !== undefined ? input.externalCampaignId : row.external_campaign_id,
      cost_per_lead_minor:
        input.costPerLead !== undefined ? minorOrNull(input.costPerLead) : row.cost_per_lead_minor,
    }
    await checkUnique(tx, actor.companyId, row.partner_company_id, values, id)
    await repo.updateCampaign(tx, actor.companyId, id, values)
    await recordAudit(tx, actor, 'update', 'campaign', id, input)
  })
  return getCampaign(ctx, actor, id)
}

export async function deleteCampaign(ctx: AppContext, actor: Actor, id: string) {
  assertPermission(actor, 'manage_partner_companies')
  await ctx.db.transaction().execute(async (tx) => {
    const row = await repo.findCampaign(tx, actor.companyId, id)
    if (!row) throw notFound('Campaign')
    await repo.deleteCampaign(tx, actor.companyId, id)
    await recordAudit(tx, actor, 'delete', 'campaign', id, { name: row.name })
  })
}
