import type {
  ActivityBody,
  BulkCustomersBody,
  BulkResult,
  CommentEntry,
  CreateCustomerBody,
  Customer,
  CustomerExportQuery,
  CustomerFilter,
  CustomerQuery,
  PageQuery,
  UpdateCustomerBody,
} from '@tributary/contracts'
import type { Conn } from '../../db/client.ts'
import { namesById } from '../../db/names.ts'
import { type Actor, assertPermission, assertUser, type UserActor } from '../../lib/actor.ts'
import { bulkIds, eachRecord } from '../../lib/bulk.ts'
import { type ContactColumns, normaliseContact, pickContact } from '../../lib/contact.ts'
import type { AppContext } from '../../lib/context.ts'
import { type CsvColumn, csvStream, nameOf, recordColumns } from '../../lib/csv-export.ts'
import { idAfter } from '../../lib/cursor.ts'
import { fieldError } from '../../lib/errors.ts'
import { newId } from '../../lib/ids.ts'
import { afterCursor, parseSort, sortedPage, totalOf } from '../../lib/sort.ts'
import {
  appendComments,
  listActivities,
  listComments,
  logActivity,
} from '../activities/activities.service.ts'
import { findCampaignByExternalIds, findCampaignById } from '../campaigns/campaigns.service.ts'
import { type Notifier, notifyPurchase } from '../notifications/notifications.service.ts'
import { firstOfficeLocationId, officeLocationExists } from '../office-locations/office-locations.service.ts'
import { findCustomerSource } from '../partner-companies/partner-companies.sources.ts'
import { type EventActor, listTimeline, recordEvent } from '../timeline/timeline.service.ts'
import { forActor, loadVisible, toCustomer } from './customers.records.ts'
import * as repo from './customers.repo.ts'

const unprocessable = (path: string, message: string) => fieldError(path, message, 'unprocessable')

async function officeFor(
  conn: Conn,
  companyId: string,
  requested: string | undefined,
  sourceDefault: string | null,
) {
  if (requested) {
    if (!(await officeLocationExists(conn, companyId, requested)))
      throw unprocessable('officeLocationId', 'No such office location')
    return requested
  }
  return sourceDefault ?? (await firstOfficeLocationId(conn, companyId))
}

/**
 * A customer inside the caller's transaction. The source is optional; when given it must sell
 * customers, and a purchased customer lands in the source's default office location.
 */
export async function addCustomer(
  conn: Conn,
  companyId: string,
  actor: EventActor,
  input: CreateCustomerBody,
  notify: Notifier | null,
): Promise<Customer> {
  const contact = normaliseContact(input)
  if (!contact.first_name && !contact.last_name && !contact.company_name) {
    throw fieldError('lastName', 'A customer needs a name or a company name')
  }
  let partnerId = input.partnerCompanyId ?? null
  let campaignId = input.campaignId ?? null
  if (input.externalPartnerCompanyId && input.externalCampaignId) {
    const campaign = await findCampaignByExternalIds(
      conn,
      companyId,
      input.externalPartnerCompanyId,
      input.externalCampaignId,
    )
    if (campaign && (!partnerId || partnerId === campaign.partnerCompanyId)) {
      partnerId = campaign.partnerCompanyId
      campaignId ??= campaign.id
    }
  }
  let sourceOffice: string | null = null
  let source: Awaited<ReturnType<typeof findCustomerSource>> = null
  if (partnerId) {
    source = await findCustomerSource(conn, companyId, partnerId)
    if (!source) throw unprocessable('partnerCompanyId', 'No such partner company')
    if (!source.enabled) throw unprocessable('partnerCompanyId', `${source.name} does not sell customers`)
    if (!source.active) throw unprocessable('partnerCompanyId', `${source.name} is inactive`)
    sourceOffice = source.defaultOfficeLocationId
  }
  if (campaignId) {
    const campaign = await findCampaignById(conn, companyId, campaignId)
    if (!campaign || campaign.partnerCompanyId !== partnerId)
      throw unprocessable('campaignId', 'Not a campaign of this source')
  }
  const row = await repo.insertCustomer(conn, companyId, {
    id: newId(),
    ...contact,
    partner_company_id: partnerId,
    campaign_id: campaignId,
    office_location_id: await officeFor(conn, companyId, input.officeLocationId, sourceOffice),
    notes: input.notes ?? null,
    external_partner_company_id: input.externalPartnerCompanyId ?? null,
    external_campaign_id: input.externalCampaignId ?? null,
  })
  await recordEvent(conn, companyId, actor, 'customer', row.id, 'created', { partnerCompanyId: partnerId })
  const customer = toCustomer(row)
  if (notify && source) {
    const emails = source.purchaseNotificationEmails
    await notifyPurchase(
      conn,
      notify,
      companyId,
      actor,
      'customer',
      customer,
      { name: source.name, emails },
      campaignId,
    )
  }
  return customer
}

/** Conversion: the lead's contact, source and campaign carry over, and the customer points back. */
export async function addCustomerFromLead(
  conn: Conn,
  actor: UserActor,
  lead: ContactColumns & { id: string; partner_company_id: string; campaign_id: string | null },
  officeLocationId: string | undefined,
): Promise<Customer> {
  const row = await repo.insertCustomer(conn, actor.companyId, {
    id: newId(),
    ...pickContact(lead),
    partner_company_id: lead.partner_company_id,
    campaign_id: lead.campaign_id,
    office_location_id: await officeFor(conn, actor.companyId, officeLocationId, null),
    lead_id: lead.id,
  })
  await recordEvent(conn, actor.companyId, actor, 'customer', row.id, 'created', { fromLeadId: lead.id })
  return toCustomer(row)
}

export async function createCustomer(
  ctx: AppContext,
  actor: Actor,
  input: CreateCustomerBody,
): Promise<Customer> {
  assertPermission(actor, 'manage_customers')
  return ctx.db.transaction().execute((tx) => addCustomer(tx, actor.companyId, actor, input, ctx))
}

/** The repo filter of what the actor may list; null when a partner asks for another source's customers. */
function visibleFilter(actor: Actor, query: CustomerFilter): repo.CustomerFilter | null {
  const filter: repo.CustomerFilter = {
    partnerCompanyId: query.partnerCompanyId,
    officeLocationId: query.officeLocationId,
    status: query.status,
    q: query.q,
  }
  if (actor.kind === 'partner') {
    if (query.partnerCompanyId && query.partnerCompanyId !== actor.partnerCompanyId) return null
    filter.partnerCompanyId = actor.partnerCompanyId
  } else {
    assertPermission(actor, 'view_customers')
  }
  return filter
}

export async function listCustomers(ctx: AppContext, actor: Actor, query: CustomerQuery) {
  const filter = visibleFilter(actor, query)
  if (!filter) return { items: [], nextCursor: null, total: 0 }
  const sort = parseSort<repo.CustomerSortName>(query.sort)
  const after = afterCursor(query.cursor, query.sort, repo.customerSorts[sort.name])
  const rows = await repo.listCustomers(ctx.db, actor.companyId, filter, query.limit + 1, after, sort)
  return {
    ...sortedPage(rows, query.limit, query.sort, (r) => forActor(toCustomer(r), actor)),
    ...(await totalOf(rows, after, () =>
      repo.listCustomers(ctx.db, actor.companyId, filter, 1, undefined, sort),
    )),
  }
}

/** Moves many customers to an office location, each through `updateCustomer` (rules, timeline). */
export async function bulkCustomers(
  ctx: AppContext,
  actor: Actor,
  body: BulkCustomersBody,
): Promise<BulkResult> {
  assertPermission(actor, 'manage_customers')
  const ids = await bulkIds(
    body.customerIds,
    async (limit) => {
      const filter = body.filter && visibleFilter(actor, body.filter)
      return filter ? repo.matchingCustomerIds(ctx.db, actor.companyId, filter, limit) : []
    },
    'customers',
  )
  return eachRecord(ids, (id) => updateCustomer(ctx, actor, id, { officeLocationId: body.officeLocationId }))
}

const BATCH = 1000

/** The customers of a list (same filters and order) as a CSV file, read in batches by keyset. */
export async function exportCustomers(ctx: AppContext, actor: Actor, query: CustomerExportQuery) {
  // Partner logins have the list, not the export; for a user the filter is always there.
  assertUser(actor)
  const filter = visibleFilter(actor, query) as repo.CustomerFilter
  const sort = parseSort<repo.CustomerSortName>(query.sort)
  const names = await namesById(ctx.db, actor.companyId, [
    'partner_companies',
    'campaigns',
    'office_locations',
  ])
  const columns: CsvColumn<repo.ListedCustomerRow>[] = [
    ...recordColumns(names),
    { header: 'Office location', value: (r) => nameOf(names.office_locations, r.office_location_id) },
    { header: 'Status', value: (r) => r.status },
    { header: 'Added', value: (r) => r.created_at.toISOString() },
  ]
  return csvStream(
    columns,
    (last) =>
      repo.listCustomers(
        ctx.db,
        actor.companyId,
        filter,
        BATCH,
        last && [...last.sort_keys, last.id],
        sort,
        false,
      ),
    BATCH,
  )
}

export async function getCustomer(ctx: AppContext, actor: Actor, id: string): Promise<Customer> {
  return forActor(toCustomer(await loadVisible(ctx.db, actor, id)), actor)
}

export async function customerTimeline(ctx: AppContext, actor: Actor, id: string, query: PageQuery) {
  const after = idAfter(query.cursor)
  await loadVisible(ctx.db, actor, id)
  return listTimeline(ctx.db, actor.companyId, 'customer', id, query, after, actor)
}

export async function updateCustomer(ctx: AppContext, actor: Actor, id: string, input: UpdateCustomerBody) {
  assertPermission(actor, 'manage_customers')
  return ctx.db.transaction().execute(async (tx) => {
    const row = await loadVisible(tx, actor, id)
    const contact = normaliseContact({
      firstName: input.firstName !== undefined ? input.firstName : row.first_name,
      lastName: input.lastName !== undefined ? input.lastName : row.last_name,
      companyName: input.companyName !== undefined ? input.companyName : row.company_name,
      email: input.email !== undefined ? input.email : row.email,
      phone: input.phone !== undefined ? input.phone : row.phone,
      address: input.address ?? {
        street: row.street,
        city: row.city,
        region: row.region,
        postalCode: row.postal_code,
        country: row.country,
      },
    })
    const updated = await repo.updateCustomer(tx, actor.companyId, id, {
      ...contact,
      ...(input.notes !== undefined && { notes: input.notes }),
      ...(input.officeLocationId !== undefined && {
        office_location_id: await officeFor(tx, actor.companyId, input.officeLocationId, null),
      }),
    })
    await recordEvent(tx, actor.companyId, actor, 'customer', id, 'updated', {
      fields: Object.keys(input).filter((k) => input[k as keyof UpdateCustomerBody] !== undefined),
    })
    return toCustomer(updated)
  })
}

export async function customerComments(ctx: AppContext, actor: Actor, id: string, query: PageQuery) {
  assertPermission(actor, 'view_customers')
  const after = idAfter(query.cursor)
  await loadVisible(ctx.db, actor, id)
  return listComments(ctx.db, actor.companyId, 'customer', id, query.limit, after)
}

/** Adds an entry to the customer's call-center comments; earlier ones stay. */
export async function commentOnCustomer(ctx: AppContext, actor: Actor, id: string, text: string) {
  assertPermission(actor, 'manage_customers')
  return ctx.db.transaction().execute(async (tx) => {
    await loadVisible(tx, actor, id)
    const [entry] = await appendComments(tx, actor.companyId, actor, 'customer', [id], text, 'comment')
    await repo.updateCustomer(tx, actor.companyId, id, { call_center_comments: text })
    return entry as CommentEntry
  })
}

export async function customerActivities(ctx: AppContext, actor: Actor, id: string, query: PageQuery) {
  assertPermission(actor, 'view_customers')
  const after = idAfter(query.cursor)
  await loadVisible(ctx.db, actor, id)
  return listActivities(ctx.db, actor.companyId, 'customer', id, query.limit, after)
}

export async function logCustomerActivity(ctx: AppContext, actor: Actor, id: string, input: ActivityBody) {
  assertPermission(actor, 'manage_customers')
  return ctx.db.transaction().execute(async (tx) => {
    await loadVisible(tx, actor, id)
    return logActivity(tx, actor.companyId, actor, 'customer', id, input)
  })
}
