import { type Selectable, sql } from 'kysely'
import type { Conn } from '../../db/client.ts'
import type { ImportRowError, ImportsTable } from '../../db/schema.ts'

export type ImportRow = Selectable<ImportsTable>

export const findImport = (conn: Conn, companyId: string, id: string): Promise<ImportRow | undefined> =>
  conn
    .selectFrom('imports')
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .selectAll()
    .executeTakeFirst()

export async function insertImport(
  conn: Conn,
  companyId: string,
  row: { id: string; createdBy: string; createdByLabel: string; defaultPartnerCompanyId: string | null },
) {
  await conn
    .insertInto('imports')
    .values({
      company_id: companyId,
      id: row.id,
      kind: 'leads',
      created_by: row.createdBy,
      created_by_label: row.createdByLabel,
      default_partner_company_id: row.defaultPartnerCompanyId,
    })
    .execute()
}

export async function insertChunk(
  conn: Conn,
  companyId: string,
  importId: string,
  seq: number,
  data: Buffer,
) {
  await conn
    .insertInto('import_chunks')
    .values({ company_id: companyId, import_id: importId, seq, data })
    .execute()
}

export const readChunk = (conn: Conn, companyId: string, importId: string, seq: number) =>
  conn
    .selectFrom('import_chunks')
    .where('company_id', '=', companyId)
    .where('import_id', '=', importId)
    .where('seq', '=', seq)
    .select('data')
    .executeTakeFirst()

export async function setState(
  conn: Conn,
  companyId: string,
  id: string,
  state: ImportRow['state'],
  extra: { failure?: string } = {},
) {
  await conn
    .updateTable('imports')
    .set({
      state,
      ...(extra.failure !== undefined && { failure: extra.failure }),
      ...((state === 'done' || state === 'failed') && { finished_at: sql<Date>`now()` }),
    })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute()
}

/** Moves a finished upload to 'queued'; false when it was given up meanwhile. */
export async function markQueued(conn: Conn, companyId: string, id: string, totalBytes: number) {
  const result = await conn
    .updateTable('imports')
    .set({ state: 'queued', total_bytes: totalBytes })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .where('state', '=', 'uploading')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Uploads that got no chunk for `idleSeconds` fail, and their chunks go. */
export async function expireStalledUploads(conn: Conn, idleSeconds: number, failure: string) {
  const { rows } = await sql<{ id: string }>`
    with expired as (
      update imports i set state = 'failed', failure = ${failure}, finished_at = now()
      where state = 'uploading'
        and greatest(created_at, (select max(c.created_at) from import_chunks c
          where c.company_id = i.company_id and c.import_id = i.id)) < now() - make_interval(secs => ${idleSeconds})
      returning company_id, id),
    gone as (delete from import_chunks c using expired e where c.company_id = e.company_id and c.import_id = e.id)
    select id from expired`.execute(conn)
  return rows.length
}

export async function deleteImport(conn: Conn, companyId: string, id: string) {
  await conn.deleteFrom('imports').where('company_id', '=', companyId).where('id', '=', id).execute()
}

/**
 * Records one batch in its transaction, if the import is still where this run left it: false
 * means another run (after a heartbeat was missed) moved on, and the batch must roll back.
 */
export async function recordProgress(
  conn: Conn,
  companyId: string,
  id: string,
  p: {
    /** Rows processed before this batch, as this run knows it. */
    after: number
    rows: number
    created: number
    failed: number
    bytes: number
    errors: ImportRowError[]
    maxErrors: number
  },
) {
  const result = await sql`
    update imports set
      processed_rows = processed_rows + ${p.rows},
      created_rows = created_rows + ${p.created},
      failed_rows = failed_rows + ${p.failed},
      processed_bytes = greatest(processed_bytes, ${p.bytes}),
      errors = case when jsonb_array_length(errors) >= ${p.maxErrors} then errors
        else errors || (select coalesce(jsonb_agg(e), '[]') from
          (select e from jsonb_array_elements(${JSON.stringify(p.errors)}::jsonb) e
           limit greatest(${p.maxErrors} - jsonb_array_length(errors), 0)) x) end
    where company_id = ${companyId} and id = ${id} and processed_rows = ${p.after}`.execute(conn)
  return Number(result.numAffectedRows) === 1
}
