import type { Selectable } from 'kysely'
import { sql } from 'kysely'
import type { Conn } from '../../db/client.ts'
import { isForeignKeyViolation, isUniqueViolation, nameTaken } from '../../db/constraints.ts'
import type { OfficeLocationsTable } from '../../db/schema.ts'

export type OfficeLocationRow = Omit<Selectable<OfficeLocationsTable>, 'company_id'>

export type OfficeLocationValues = {
  name: string
  street: string | null
  city: string | null
  region: string | null
  postalCode: string | null
  country: string
  timezone: string
}

const locations = (conn: Conn, companyId: string) =>
  conn
    .selectFrom('office_locations')
    .where('company_id', '=', companyId)
    .select([
      'id',
      'name',
      'street',
      'city',
      'region',
      'postal_code',
      'country',
      'timezone',
      'created_at',
      'updated_at',
    ])

export const findOfficeLocation = (
  conn: Conn,
  companyId: string,
  id: string,
): Promise<OfficeLocationRow | undefined> =>
  locations(conn, companyId).where('id', '=', id).executeTakeFirst()

export const listOfficeLocations = (
  conn: Conn,
  companyId: string,
  limit: number,
  afterId?: string,
): Promise<OfficeLocationRow[]> =>
  locations(conn, companyId)
    .$if(afterId !== undefined, (q) => q.where('id', '>', afterId as string))
    .orderBy('id')
    .limit(limit)
    .execute()

export const officeLocationNameTaken = (conn: Conn, companyId: string, name: string, exceptId?: string) =>
  nameTaken(conn, 'office_locations', companyId, name, exceptId)

/** False when the name is taken (a concurrent insert won the unique index). */
export async function insertOfficeLocation(
  conn: Conn,
  companyId: string,
  id: string,
  values: OfficeLocationValues,
): Promise<boolean> {
  const row = await conn
    .insertInto('office_locations')
    .values({
      company_id: companyId,
      id,
      name: values.name,
      street: values.street,
      city: values.city,
      region: values.region,
      postal_code: values.postalCode,
      country: values.country,
      timezone: values.timezone,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

/** False when the new name is taken (a concurrent write won the unique index). */
export async function updateOfficeLocation(
  conn: Conn,
  companyId: string,
  id: string,
  values: OfficeLocationValues,
): Promise<boolean> {
  try {
    await conn
      .updateTable('office_locations')
      .set({
        name: values.name,
        street: values.street,
        city: values.city,
        region: values.region,
        postal_code: values.postalCode,
        country: values.country,
        timezone: values.timezone,
        updated_at: sql<Date>`now()`,
      })
      .where('company_id', '=', companyId)
      .where('id', '=', id)
      .execute()
    return true
  } catch (error) {
    if (isUniqueViolation(error)) return false
    throw error
  }
}

/** The company's office location ids, locked so two deletes cannot both remove "the last but one". */
export async function lockOfficeLocationIds(conn: Conn, companyId: string): Promise<string[]> {
  const rows = await conn
    .selectFrom('office_locations')
    .where('company_id', '=', companyId)
    .select('id')
    .forUpdate()
    .execute()
  return rows.map((r) => r.id)
}

/** Names of partner companies whose incoming customers land in this office location. */
export async function partnerCompaniesUsingOfficeLocation(
  conn: Conn,
  companyId: string,
  id: string,
): Promise<string[]> {
  const rows = await conn
    .selectFrom('partner_companies')
    .where('company_id', '=', companyId)
    .where('sc_default_office_location_id', '=', id)
    .select('name')
    .orderBy('name')
    .limit(3)
    .execute()
  return rows.map((r) => r.name)
}

/** False when a row written meanwhile still references the location. */
export async function deleteOfficeLocation(conn: Conn, companyId: string, id: string): Promise<boolean> {
  try {
    await conn
      .deleteFrom('office_locations')
      .where('company_id', '=', companyId)
      .where('id', '=', id)
      .execute()
    return true
  } catch (error) {
    if (isForeignKeyViolation(error)) return false
    throw error
  }
}
