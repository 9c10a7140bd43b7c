import type { CreateLeadBody, Lead, QueueSettings } from '@tributary/contracts'
import type { Conn } from '../../db/client.ts'
import { type Actor, assertPermission, type UserActor } from '../../lib/actor.ts'
import { type ContactColumns, contactTimeZone, duplicateKeys, normaliseContact } from '../../lib/contact.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError, fieldError } from '../../lib/errors.ts'
import { newId } from '../../lib/ids.ts'
import { appendComments } from '../activities/activities.service.ts'
import { findCampaignByExternalIds, findCampaignById } from '../campaigns/campaigns.service.ts'
import { onceForKey } from '../idempotency/idempotency.service.ts'
import { type Notifier, notifyPurchase } from '../notifications/notifications.service.ts'
import { findLeadSource } from '../partner-companies/partner-companies.sources.ts'
import { cachedQueueSettings } from '../queue-settings/queue-settings.service.ts'
import { type EventActor, eventRow } from '../timeline/timeline.service.ts'
import { leadChanged } from './leads.events.ts'
import { priorityRank, toLead } from './leads.mapper.ts'
import * as repo from './leads.repo.ts'

const unprocessable = (path: string, message: string) => fieldError(path, message, 'unprocessable')

type LeadSource = NonNullable<Awaited<ReturnType<typeof findLeadSource>>>
type Campaign = Awaited<ReturnType<typeof findCampaignById>>

/** How intake reads sources and campaigns: straight from the database, or once per batch. */
export type Lookups = {
  source: (conn: Conn, companyId: string, id: string) => Promise<LeadSource | null>
  campaign: (conn: Conn, companyId: string, id: string) => Promise<Campaign>
  campaignByExternalIds: (
    conn: Conn,
    companyId: string,
    partner: string,
    campaign: string,
  ) => Promise<Campaign>
}
export const directLookups: Lookups = {
  source: findLeadSource,
  campaign: findCampaignById,
  campaignByExternalIds: findCampaignByExternalIds,
}

/**
 * Lookups that last a batch: an import's rows mostly name one source and campaign, which are read
 * once per batch (and within its transaction) instead of once per row.
 */
export function lookupsForBatch(): Lookups {
  const cached = <A extends string[], R>(read: (conn: Conn, companyId: string, ...key: A) => Promise<R>) => {
    const seen = new Map<string, Promise<R>>()
    return (conn: Conn, companyId: string, ...key: A) => {
      const k = key.join('\n')
      let found = seen.get(k)
      if (!found) {
        found = read(conn, companyId, ...key)
        seen.set(k, found)
      }
      return found
    }
  }
  return {
    source: cached(findLeadSource),
    campaign: cached(findCampaignById),
    campaignByExternalIds: cached(findCampaignByExternalIds),
  }
}

/** Sources from the process's company cache (dropped on every change to a partner company). */
const cachedLookups = (ctx: AppContext): Lookups => ({
  ...directLookups,
  source: (conn, companyId, id) =>
    ctx.database.cache.get(companyId, `lead-source:${id}`, 5 * 60_000, () =>
      findLeadSource(conn, companyId, id),
    ),
})

type Settings = QueueSettings & { autoRegistration?: boolean }

/** How a lead arrives: the queue settings, its channel, who hears of it, how sources are read. */
export type Arrival = {
  settings: Settings | Promise<Settings>
  via: 'ui' | 'api' | 'import' | 'exchange' | 'seed'
  notify: Notifier | null
  lookups?: Lookups
  /** Bought over the exchange: the seller's id for the lead, which its return travels back by. */
  origin?: string
  /**
   * Distributed by a supplier (seed 004): the source's default location when it auto-accepts,
   * else `awaiting_acceptance`; a suggested location never counts.
   */
  distributed?: boolean
  /** Registered by a channel partner (seed 004): taken whatever the source's Sells settings, into Pending. */
  registered?: boolean
  /** A row the lead's statement must write too, or else write nothing (see `ClaimRow`). */
  claim?: (leadId: string) => repo.ClaimRow
}

/** The lead's claim row was already taken: nothing was written. */
export class ClaimTaken extends Error {}

/** The source and campaign of a new lead (seeds 000 and 003). */
export async function resolveSource(
  conn: Conn,
  companyId: string,
  input: Pick<
    CreateLeadBody,
    'partnerCompanyId' | 'campaignId' | 'externalPartnerCompanyId' | 'externalCampaignId'
  >,
  lookups: Lookups = directLookups,
  registered = false,
) {
  let partnerId = input.partnerCompanyId
  let campaignId = input.campaignId ?? null
  if (input.externalPartnerCompanyId && input.externalCampaignId) {
    const campaign = await lookups.campaignByExternalIds(
      conn,
      companyId,
      input.externalPartnerCompanyId,
      input.externalCampaignId,
    )
    if (campaign) {
      if (partnerId && partnerId !== campaign.partnerCompanyId) {
        throw unprocessable('externalCampaignId', 'These external ids name a campaign of another source')
      }
      partnerId = campaign.partnerCompanyId
      campaignId ??= campaign.id
    }
  }
  if (!partnerId)
    throw unprocessable('partnerCompanyId', 'A lead needs a source: a partner company that sells leads')
  const source = await lookups.source(conn, companyId, partnerId)
  if (!source) throw unprocessable('partnerCompanyId', 'No such partner company')
  if (!source.enabled && !registered)
    throw unprocessable('partnerCompanyId', `${source.name} does not sell leads`)
  if (!source.active) throw unprocessable('partnerCompanyId', `${source.name} is inactive`)
  if (campaignId) {
    const campaign = await lookups.campaign(conn, companyId, campaignId)
    if (!campaign || campaign.partnerCompanyId !== partnerId) {
      throw unprocessable('campaignId', `Not a campaign of ${source.name}`)
    }
    if (campaign.direction !== 'inbound')
      throw unprocessable('campaignId', 'Leads come only from inbound campaigns')
  }
  return { source, campaignId }
}

/** The duplicate check of a new lead per the queue settings; null when duplicates are allowed. */
export function duplicateCheck(companyId: string, keys: repo.DuplicateKeys, settings: QueueSettings) {
  const days = settings.duplicateWindowDays
  if (days === 0) return null
  const lockKeys = [
    keys.phone && `p:${keys.phone}`,
    keys.email && `e:${keys.email}`,
    keys.nameAddress && `n:${keys.nameAddress}`,
  ]
    .filter((k): k is string => Boolean(k))
    .map((k) => `${companyId}:${k}`)
  const since = days === null ? null : new Date(Date.now() - days * 86_400_000)
  return { lockKeys, keys, since }
}

/** Where a new lead starts (seeds 000 and 004). */
function startingLocation(
  source: LeadSource,
  requested: CreateLeadBody['location'],
  { distributed, registered }: Pick<Arrival, 'distributed' | 'registered'>,
) {
  const sourceDefault = source.defaultLeadLocation ?? 'pending'
  if (registered) return 'pending'
  if (distributed) return source.autoAccept ? sourceDefault : 'awaiting_acceptance'
  return source.forceDefaultLeadLocation ? sourceDefault : (requested ?? sourceDefault)
}

/** A new lead's row and its first timeline event, as intake and imports write them. */
export function newLead(
  companyId: string,
  actor: EventActor,
  input: CreateLeadBody,
  contact: ContactColumns,
  { source, campaignId }: { source: LeadSource; campaignId: string | null },
  settings: Settings,
  arrival: Pick<Arrival, 'via' | 'distributed' | 'registered' | 'origin'>,
) {
  const location = startingLocation(source, input.location, arrival)
  const keys = duplicateKeys(contact)
  const id = newId()
  const row: repo.NewLeadRow = {
    id,
    ...contact,
    timezone: contactTimeZone(contact, settings.timezone),
    partner_company_id: source.id,
    campaign_id: campaignId,
    location,
    priority_rank: priorityRank(source.leadQueuePriority),
    contact_after: new Date(Date.now() + settings.requestableAfterMinutes * 60_000),
    call_center_comments: input.callCenterComments ?? null,
    notes: input.notes ?? null,
    external_partner_company_id: input.externalPartnerCompanyId ?? null,
    external_campaign_id: input.externalCampaignId ?? null,
    trusted_form_cert_url: input.trustedFormCertUrl ?? null,
    leadid_token: input.leadiDToken ?? null,
    email_key: keys.email,
    name_address_key: keys.nameAddress,
    ...(arrival.origin && { exchange_origin_id: arrival.origin }),
  }
  const event = eventRow(actor, 'lead', id, 'created', {
    via: arrival.via,
    location,
    partnerCompanyId: source.id,
    campaignId,
  })
  return { row, event, keys, check: duplicateCheck(companyId, keys, settings) }
}

/**
 * Creates a lead: validates the contact, resolves source and campaign, picks the starting
 * location and priority, refuses duplicates (race-free: the duplicate keys stay locked until
 * commit) and writes the timeline's first event. Inside the caller's transaction when given
 * one; otherwise the lead is one statement, with a transaction only when emails go with it.
 */
export async function addLead(
  conn: Conn,
  companyId: string,
  actor: EventActor,
  input: CreateLeadBody,
  arrival: Arrival,
): Promise<Lead> {
  const { settings: queueSettings, notify, lookups, distributed, registered, claim } = arrival
  const contact = normaliseContact(input)
  if (!contact.phone && !contact.email) throw fieldError('phone', 'A lead needs a phone number or an email')
  // Settings still on their way (a single intake) arrive while the source is read.
  const [{ source, campaignId }, settings] = await Promise.all([
    resolveSource(conn, companyId, input, lookups, registered),
    queueSettings,
  ])
  const { row, event, check } = newLead(
    companyId,
    actor,
    input,
    contact,
    { source, campaignId },
    settings,
    arrival,
  )
  const emails = notify ? source.purchaseNotificationEmails : []
  // A supplier's own leads are never registered back with it.
  const registering = Boolean(settings.autoRegistration && notify && !distributed)
  const write = async (conn: Conn) => {
    const inserted = await repo.insertLeadUnlessDuplicate(conn, companyId, row, event, check, claim?.(row.id))
    if (inserted.duplicates) {
      throw new AppError('unprocessable', 'This lead duplicates an existing one', {
        type: 'duplicate-lead',
        extra: { matches: inserted.duplicates },
      })
    }
    if (!inserted.lead) throw new ClaimTaken()
    const lead = toLead(inserted.lead)
    // The first entry of the lead's call-center comments.
    await appendComments(conn, companyId, actor, 'lead', [lead.id], input.callCenterComments, 'comment')
    if (registering) await notify?.jobs.send(conn, leadChanged, { companyId, leadId: lead.id })
    if (notify) {
      await notifyPurchase(
        conn,
        notify,
        companyId,
        actor,
        'lead',
        lead,
        { name: source.name, emails },
        campaignId,
      )
    }
    return lead
  }
  return (emails.length > 0 || registering || input.callCenterComments?.trim()) && !conn.isTransaction
    ? conn.transaction().execute(write)
    : write(conn)
}

/**
 * POST /leads. With an Idempotency-Key (scoped per company and source), a retried post gets
 * the first answer back instead of a second lead or a duplicate error.
 */
export async function createLead(
  ctx: AppContext,
  actor: Actor,
  input: CreateLeadBody,
  idempotencyKey?: string,
): Promise<{ status: number; lead: Lead; replayed: boolean }> {
  assertPermission(actor, 'create_leads')
  try {
    return await createLeadOnce(ctx, actor, input, idempotencyKey)
  } catch (error) {
    // A refused duplicate leaves no lead behind: the sources report counts it from here.
    if (error instanceof AppError && error.details.type === 'duplicate-lead') {
      const { source, campaignId } = await resolveSource(ctx.db, actor.companyId, input)
      await repo.insertRefusal(ctx.db, actor.companyId, source.id, campaignId)
    }
    throw error
  }
}

async function createLeadOnce(
  ctx: AppContext,
  actor: UserActor,
  input: CreateLeadBody,
  idempotencyKey?: string,
): Promise<{ status: number; lead: Lead; replayed: boolean }> {
  const add = async (conn: Conn, settings: QueueSettings | Promise<QueueSettings>) => ({
    status: 201,
    body: await addLead(conn, actor.companyId, actor, input, {
      settings,
      via: actor.apiKeyId ? 'api' : 'ui',
      notify: ctx,
      lookups: cachedLookups(ctx),
    }),
  })
  if (!idempotencyKey) {
    const { body } = await add(ctx.db, cachedQueueSettings(ctx.database, actor.companyId))
    return { status: 201, lead: body, replayed: false }
  }
  // Read before the transaction: the embedded database runs one statement at a time.
  const settings = await cachedQueueSettings(ctx.database, actor.companyId)
  return ctx.db
    .transaction()
    .execute(async (tx) => {
      const scope = `lead:${input.partnerCompanyId ?? input.externalPartnerCompanyId ?? '-'}`
      return onceForKey(tx, actor.companyId, scope, idempotencyKey, input, () => add(tx, settings))
    })
    .then((r) => ({ status: r.status, lead: r.body, replayed: r.replayed }))
}
