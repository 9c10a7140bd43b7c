import type {
  CreatePartnerCompanyBody,
  PartnerCompany,
  PartnerCompanyQuery,
  UpdatePartnerCompanyBody,
} from '@tributary/contracts'
import type { Conn } from '../../db/client.ts'
import { isForeignKeyViolation } from '../../db/constraints.ts'
import { type Actor, assertPermission, type UserActor } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { AppError, type FieldError, fieldError, notFound } from '../../lib/errors.ts'
import { newId } from '../../lib/ids.ts'
import { refusalOf } from '../../lib/outbound.ts'
import { hashPassword } from '../../lib/passwords.ts'
import { afterCursor, parseSort, sortedPage, totalOf } from '../../lib/sort.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { endSessions } from '../auth/auth.service.ts'
import { messageCampaignExists } from '../message-campaigns/message-campaigns.service.ts'
import { officeLocationExists } from '../office-locations/office-locations.service.ts'
import { listTagsOf, tagExists } from '../tags/tags.service.ts'
import { buyerEndpointChanged, sourcePriorityChanged } from './partner-companies.events.ts'
import * as repo from './partner-companies.repo.ts'
import {
  emptyState,
  mergeInput,
  missingFields,
  type PartnerState,
  type SealedInput,
  stateFromRow,
  stateToColumns,
  toPartnerCompany,
} from './partner-companies.state.ts'

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)

async function loginUrl(ctx: AppContext, actor: Actor) {
  return `${ctx.config.publicUrl}/login?company=${await repo.companySlug(ctx.db, actor.companyId)}`
}

async function present(ctx: AppContext, actor: Actor, conn: Conn, rows: repo.PartnerRow[]) {
  const tags = await listTagsOf(
    conn,
    actor.companyId,
    rows.map((r) => r.id),
  )
  const url = await loginUrl(ctx, actor)
  const full = actor.kind === 'user' && actor.permissions.has('manage_partner_companies')
  return rows.map((row) => {
    const partner = toPartnerCompany(row, tags.get(row.id) ?? [], url)
    return full ? partner : sourceOnly(partner)
  })
}

/**
 * What reps and read-only users see of a partner company: which source it is (name, id, what it
 * sells and buys), not its people, addresses, notes, notification emails or connection.
 */
function sourceOnly(p: PartnerCompany): PartnerCompany {
  const buys = (b: PartnerCompany['buysLeads']) => ({
    ...b,
    saleNotificationEmails: [],
    postUrl: null,
    sourceId: null,
  })
  return {
    ...p,
    contactPerson: null,
    email: null,
    phone: null,
    website: null,
    address: { street: null, city: null, region: null, postalCode: null, country: null },
    notes: null,
    sellsLeads: { ...p.sellsLeads, purchaseNotificationEmails: [], returnNotificationEmails: [] },
    sellsCustomers: { ...p.sellsCustomers, purchaseNotificationEmails: [], returnNotificationEmails: [] },
    buysLeads: buys(p.buysLeads),
    buysCustomers: buys(p.buysCustomers),
    access: { ...p.access, username: null },
  }
}

export async function listPartnerCompanies(ctx: AppContext, actor: Actor, query: PartnerCompanyQuery) {
  const sort = parseSort<keyof typeof repo.partnerSorts>(query.sort)
  const after = afterCursor(query.cursor, query.sort, repo.partnerSorts[sort.name])
  const sourceList = query.sellsLeads === true || query.sellsCustomers === true
  const list = (limit: number, from: typeof after) =>
    repo.listPartnerCompanies(
      ctx.db,
      actor.companyId,
      {
        sellsLeads: query.sellsLeads,
        sellsCustomers: query.sellsCustomers,
        buysLeads: query.buysLeads,
        buysCustomers: query.buysCustomers,
        // Source drop-downs offer active partners only, unless asked otherwise.
        active:
          query.active === 'all'
            ? undefined
            : query.active
              ? query.active === 'true'
              : sourceList
                ? true
                : undefined,
        q: query.q,
        ...(query.tag && (isUuid(query.tag) ? { tagId: query.tag } : { tagName: query.tag })),
      },
      limit,
      from,
      sort,
    )
  const rows = await list(query.limit + 1, after)
  const page = sortedPage(rows, query.limit, query.sort, (r) => r)
  return {
    items: await present(ctx, actor, ctx.db, page.items),
    nextCursor: page.nextCursor,
    ...(await totalOf(rows, after, () => list(1, undefined))),
  }
}

async function loadRow(conn: Conn, companyId: string, id: string) {
  const row = await repo.findPartnerCompany(conn, companyId, id)
  if (!row) throw notFound('Partner company')
  return row
}

export async function getPartnerCompany(ctx: AppContext, actor: Actor, id: string): Promise<PartnerCompany> {
  const row = await loadRow(ctx.db, actor.companyId, id)
  return (await present(ctx, actor, ctx.db, [row]))[0] as PartnerCompany
}

const buysSections = ['buysLeads', 'buysCustomers'] as const

/** Post URLs are user input: one that reaches this machine or a private network is refused. */
async function checkPostUrls(ctx: AppContext, input: UpdatePartnerCompanyBody) {
  const errors: FieldError[] = []
  for (const section of buysSections) {
    const url = input[section]?.postUrl
    const refused = url && (await refusalOf(url, ctx.outbound.allow, { unresolvedIsFine: true }))
    if (refused) errors.push({ path: `${section}.postUrl`, message: refused })
  }
  if (errors.length) throw new AppError('unprocessable', 'This Post URL cannot be used', { errors })
}

/** The Buys sections whose exchange endpoint is new or changed: they get a handshake. */
function changedEndpoints(before: PartnerState | null, after: PartnerState) {
  return buysSections.filter((section) => {
    const b = before?.[section]
    const a = after[section]
    if (!a.enabled || a.deliveryMethod !== 'exchange') return false
    return !b || b.postUrl !== a.postUrl || b.sourceId !== a.sourceId || b.sealedSecret !== a.sealedSecret
  })
}

async function announceEndpoints(
  ctx: AppContext,
  tx: Conn,
  companyId: string,
  id: string,
  sections: ReturnType<typeof changedEndpoints>,
) {
  if (sections.length === 0) return
  await ctx.jobs.send(tx, buyerEndpointChanged, { companyId, partnerCompanyId: id, sections })
}

async function sealWriteOnly(ctx: AppContext, input: UpdatePartnerCompanyBody): Promise<SealedInput> {
  return {
    ...(input.buysLeads?.secret !== undefined && {
      buysLeadsSecret: ctx.secrets.seal(input.buysLeads.secret),
    }),
    ...(input.buysCustomers?.secret !== undefined && {
      buysCustomersSecret: ctx.secrets.seal(input.buysCustomers.secret),
    }),
    ...(input.access?.password !== undefined && { passwordHash: await hashPassword(input.access.password) }),
  }
}

/** Rules that need the database: references inside the company, unique usernames. */
async function referenceErrors(conn: Conn, companyId: string, s: PartnerState, id: string | undefined) {
  const errors: FieldError[] = []
  const campaigns = [
    ['sellsLeads.autoResponseMessageCampaignId', s.sellsLeads.autoResponseMessageCampaignId],
    ['sellsCustomers.autoResponseMessageCampaignId', s.sellsCustomers.autoResponseMessageCampaignId],
  ] as const
  for (const [path, campaignId] of campaigns) {
    if (campaignId && !(await messageCampaignExists(conn, companyId, campaignId))) {
      errors.push({ path, message: 'No such message campaign' })
    }
  }
  const office = s.sellsCustomers.defaultOfficeLocationId
  if (office && !(await officeLocationExists(conn, companyId, office))) {
    errors.push({ path: 'sellsCustomers.defaultOfficeLocationId', message: 'No such office location' })
  }
  if (errors.length) throw new AppError('unprocessable', 'Some references are not valid', { errors })
  if (s.access.username && (await repo.usernameTaken(conn, companyId, s.access.username, id))) {
    throw fieldError('access.username', 'Another partner company already uses this username', 'conflict')
  }
}

async function validate(conn: Conn, companyId: string, state: PartnerState, id?: string) {
  const missing = missingFields(state)
  if (missing.length)
    throw new AppError('bad-request', 'Some required fields are missing', { errors: missing })
  await referenceErrors(conn, companyId, state, id)
}

/** Inside the caller's transaction, without permission checks: for company creation and the seed. */
export async function addPartnerCompany(
  conn: Conn,
  companyId: string,
  input: CreatePartnerCompanyBody,
  sealed: SealedInput = {},
): Promise<string> {
  const state = mergeInput(emptyState(input.name), input, sealed)
  await validate(conn, companyId, state)
  const id = newId()
  await repo.insertPartnerCompany(conn, companyId, id, stateToColumns(state))
  return id
}

export async function createPartnerCompany(ctx: AppContext, actor: Actor, input: CreatePartnerCompanyBody) {
  assertPermission(actor, 'manage_partner_companies')
  await checkPostUrls(ctx, input)
  const sealed = await sealWriteOnly(ctx, input)
  const id = await ctx.db.transaction().execute(async (tx) => {
    const id = await addPartnerCompany(tx, actor.companyId, input, sealed)
    await announceEndpoints(
      ctx,
      tx,
      actor.companyId,
      id,
      changedEndpoints(null, mergeInput(emptyState(input.name), input, sealed)),
    )
    await recordAudit(tx, actor, 'create', 'partner_company', id, input)
    return id
  })
  return getPartnerCompany(ctx, actor, id)
}

export async function updatePartnerCompany(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdatePartnerCompanyBody,
) {
  assertPermission(actor, 'manage_partner_companies')
  await checkPostUrls(ctx, input)
  const sealed = await sealWriteOnly(ctx, input)
  await ctx.db.transaction().execute(async (tx) => {
    const before = stateFromRow(await loadRow(tx, actor.companyId, id))
    const after = mergeInput(before, input, sealed)
    await validate(tx, actor.companyId, after, id)
    await repo.updatePartnerCompany(tx, actor.companyId, id, stateToColumns(after))
    await announceEndpoints(ctx, tx, actor.companyId, id, changedEndpoints(before, after))
    // Leads already waiting are re-ranked too: a priority is the source's, not the lead's.
    const priority = after.sellsLeads.leadQueuePriority
    if (priority !== before.sellsLeads.leadQueuePriority)
      await ctx.jobs.send(tx, sourcePriorityChanged, {
        companyId: actor.companyId,
        partnerCompanyId: id,
        priority,
      })
    // Revoked or re-keyed logins, and deactivated partners, are logged out at once.
    const loginChanged =
      !after.access.allowLogin ||
      !after.active ||
      sealed.passwordHash !== undefined ||
      before.access.username !== after.access.username
    if (loginChanged) await endSessions(tx, actor.companyId, { partnerCompanyId: id })
    await recordAudit(tx, actor, 'update', 'partner_company', id, input)
  })
  return getPartnerCompany(ctx, actor, id)
}

export async function deletePartnerCompany(ctx: AppContext, actor: Actor, id: string) {
  assertPermission(actor, 'manage_partner_companies')
  const row = await loadRow(ctx.db, actor.companyId, id)
  try {
    await ctx.db.transaction().execute(async (tx) => {
      await repo.deletePartnerCompany(tx, actor.companyId, id)
      await recordAudit(tx, actor, 'delete', 'partner_company', id, { name: row.name })
    })
  } catch (error) {
    // Its leads and customers refer to it: a source never needs to know what it sold.
    if (isForeignKeyViolation(error))
      throw new AppError('conflict', `${row.name} has leads or customers; deactivate it instead`)
    throw error
  }
}

/** Inside the caller's transaction, without checks: for the demo seed. */
export const tagPartnerCompany = (conn: Conn, companyId: string, id: string, tagId: string) =>
  repo.applyTag(conn, companyId, id, tagId)

async function tagChange(ctx: AppContext, actor: UserActor, id: string, tagId: string, apply: boolean) {
  await ctx.db.transaction().execute(async (tx) => {
    await loadRow(tx, actor.companyId, id)
    if (!(await tagExists(tx, actor.companyId, tagId))) throw notFound('Tag')
    await (apply ? repo.applyTag : repo.removeTag)(tx, actor.companyId, id, tagId)
    await recordAudit(tx, actor, 'update', 'partner_company', id, {
      [apply ? 'tagApplied' : 'tagRemoved']: tagId,
    })
  })
}

export async function applyTag(ctx: AppContext, actor: Actor, id: string, tagId: string) {
  assertPermission(actor, 'manage_partner_companies')
  await tagChange(ctx, actor, id, tagId, true)
}

export async function removeTag(ctx: AppContext, actor: Actor, id: string, tagId: string) {
  assertPermission(actor, 'manage_partner_companies')
  await tagChange(ctx, actor, id, tagId, false)
}
