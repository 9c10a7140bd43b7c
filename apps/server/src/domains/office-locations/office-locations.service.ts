import type {
  Address,
  OfficeLocation,
  OfficeLocationBody,
  OfficeLocationPatch,
  PageQuery,
} from '@tributary/contracts'
import type { z } from 'zod'
import type { Conn } from '../../db/client.ts'
import { type Actor, assertPermission } from '../../lib/actor.ts'
import type { AppContext } from '../../lib/context.ts'
import { idAfter, toPage } from '../../lib/cursor.ts'
import { AppError, fieldError, notFound } from '../../lib/errors.ts'
import { newId } from '../../lib/ids.ts'
import { recordAudit } from '../audit/audit.service.ts'
import * as repo from './office-locations.repo.ts'

const DEFAULT_COUNTRY = 'US'

function toOfficeLocation(row: repo.OfficeLocationRow): OfficeLocation {
  return {
    id: row.id,
    name: row.name,
    address: {
      street: row.street,
      city: row.city,
      region: row.region,
      postalCode: row.postal_code,
      country: row.country,
    },
    timezone: row.timezone,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}

/** A blank address line is no address line. */
const blankToNull = (value: string | null | undefined) => (value ? value : null)

function toValues(
  name: string,
  address: Address,
  timezone: string,
  saved?: repo.OfficeLocationValues,
): repo.OfficeLocationValues {
  // PATCH merges the address: a field left out keeps its value, null clears it.
  const pick = (given: string | null | undefined, before: string | null | undefined) =>
    blankToNull(given === undefined ? before : given)
  return {
    name,
    street: pick(address.street, saved?.street),
    city: pick(address.city, saved?.city),
    region: pick(address.region, saved?.region),
    postalCode: pick(address.postalCode, saved?.postalCode),
    country: pick(address.country, saved?.country) ?? DEFAULT_COUNTRY,
    timezone,
  }
}

const nameTaken = () => fieldError('name', 'An office location with this name already exists', 'conflict')

export async function officeLocationExists(conn: Conn, companyId: string, id: string): Promise<boolean> {
  return (await repo.findOfficeLocation(conn, companyId, id)) !== undefined
}

/** Adds an office location inside the caller's transaction, e.g. the first one of a new company. */
export async function addOfficeLocation(
  conn: Conn,
  companyId: string,
  input: z.infer<typeof OfficeLocationBody>,
): Promise<OfficeLocation> {
  if (await repo.officeLocationNameTaken(conn, companyId, input.name)) throw nameTaken()
  const id = newId()
  const inserted = await repo.insertOfficeLocation(
    conn,
    companyId,
    id,
    toValues(input.name, input.address, input.timezone),
  )
  if (!inserted) throw nameTaken()
  return toOfficeLocation((await repo.findOfficeLocation(conn, companyId, id)) as repo.OfficeLocationRow)
}

export async function listOfficeLocations(ctx: AppContext, actor: Actor, query: PageQuery) {
  const after = idAfter(query.cursor)
  const rows = await repo.listOfficeLocations(ctx.db, actor.companyId, query.limit + 1, after)
  return toPage(rows, query.limit, (r) => [r.id], toOfficeLocation)
}

export async function getOfficeLocation(ctx: AppContext, actor: Actor, id: string): Promise<OfficeLocation> {
  const row = await repo.findOfficeLocation(ctx.db, actor.companyId, id)
  if (!row) throw notFound('Office location')
  return toOfficeLocation(row)
}

export async function createOfficeLocation(
  ctx: AppContext,
  actor: Actor,
  input: z.infer<typeof OfficeLocationBody>,
): Promise<OfficeLocation> {
  assertPermission(actor, 'manage_settings')
  return ctx.db.transaction().execute(async (tx) => {
    const location = await addOfficeLocation(tx, actor.companyId, input)
    await recordAudit(tx, actor, 'create', 'office_location', location.id, input)
    return location
  })
}

export async function updateOfficeLocation(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof OfficeLocationPatch>,
): Promise<OfficeLocation> {
  assertPermission(actor, 'manage_settings')
  return ctx.db.transaction().execute(async (tx) => {
    const before = await repo.findOfficeLocation(tx, actor.companyId, id)
    if (!before) throw notFound('Office location')
    const name = input.name ?? before.name
    if (input.name !== undefined && (await repo.officeLocationNameTaken(tx, actor.companyId, name, id))) {
      throw nameTaken()
    }
    const values = toValues(name, input.address ?? {}, input.timezone ?? before.timezone, {
      ...before,
      postalCode: before.postal_code,
    })
    if (!(await repo.updateOfficeLocation(tx, actor.companyId, id, values))) throw nameTaken()
    await recordAudit(tx, actor, 'update', 'office_location', id, input)
    return toOfficeLocation(
      (await repo.findOfficeLocation(tx, actor.companyId, id)) as repo.OfficeLocationRow,
    )
  })
}

export async function deleteOfficeLocation(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  assertPermission(actor, 'manage_settings')
  await ctx.db.transaction().execute(async (tx) => {
    const ids = await repo.lockOfficeLocationIds(tx, actor.companyId)
    const location = await repo.findOfficeLocation(tx, actor.companyId, id)
    if (!location) throw notFound('Office location')
    if (ids.length === 1) {
      throw new AppError('conflict', 'The last office location cannot be deleted; add another one first')
    }
    const users = await repo.partnerCompaniesUsingOfficeLocation(tx, actor.companyId, id)
    if (users.length > 0 || !(await repo.deleteOfficeLocation(tx, actor.companyId, id))) {
      throw inUse(users)
    }
    await recordAudit(tx, actor, 'delete', 'office_location', id, { name: location.name })
  })
}

function inUse(partnerCompanies: string[]) {
  const names = partnerCompanies.length
    ? partnerCompanies.map((n) => `"${n}"`).join(', ')
    : 'A partner company'
  return new AppError(
    'conflict',
    `${names} ${partnerCompanies.length > 1 ? 'send' : 'sends'} incoming customers to this office location; choose another default office location there first`,
  )
}

/** The company's oldest office location: where customers land when nothing else says where. */
export async function firstOfficeLocationId(conn: Conn, companyId: string): Promise<string> {
  const [first] = await repo.listOfficeLocations(conn, companyId, 1)
  if (!first) throw new AppError('conflict', 'The company has no office location; add one first')
  return first.id
}
