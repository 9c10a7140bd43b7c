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
  row: {
    id: string
    createdBy: string
    createdByLabel: string
    defaultPartnerCompanyId: string | null
    columns: (string | null)[] | null
  },
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
      columns: row.columns && JSON.stringify(row.columns),
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
    /** Leads added per source. */
    createdBySource: Record<string, number>
  },
) {
  const result = await sql`
    update imports set
      created_by_source = (select coalesce(jsonb_object_agg(k, n), '{}') from
        (select k, sum(v::int) n from
          (select key k, value v from jsonb_each_text(created_by_source)
           union all select key, value from jsonb_each_text(${JSON.stringify(p.createdBySource)}::jsonb)) x
         group by k) y),
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

/** The header row as uploaded (for errors.csv). */
export async function setHeader(conn: Conn, companyId: string, id: string, header: string) {
  await conn
    .updateTable('imports')
    .set({ header })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute()
}

/** The refused rows of a batch, as uploaded, with all their problems. */
export async function insertRefusedRows(
  conn: Conn,
  companyId: string,
  importId: string,
  rows: { row: number; raw: string; errors: ImportRowError[] }[],
) {
  if (rows.length === 0) return
  await conn
    .insertInto('import_refused_rows')
    .values(
      rows.map((r) => ({
        company_id: companyId,
        import_id: importId,
        row: r.row,
        raw: r.raw,
        errors: JSON.stringify(r.errors),
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute()
}

/** Refused rows in file order, a page at a time (errors.csv streams them). */
export const refusedRows = (
  conn: Conn,
  companyId: string,
  importId: string,
  afterRow: number,
  limit: number,
) =>
  conn
    .selectFrom('import_refused_rows')
    .where('company_id', '=', companyId)
    .where('import_id', '=', importId)
    .where('row', '>', afterRow)
    .orderBy('row')
    .limit(limit)
    .select(['row', 'raw', 'errors'])
    .execute()

/** Marks a running import done, once: the leads it added per source, or undefined when it was not running. */
export async function finishImport(conn: Conn, companyId: string, id: string) {
  const row = await conn
    .updateTable('imports')
    .set({ state: 'done', finished_at: sql<Date>`now()` })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .where('state', '=', 'running')
    .returning('created_by_source')
    .executeTakeFirst()
  return row?.created_by_source
}

/** A company's imports, newest first. */
export const listImports = (conn: Conn, companyId: string, limit: number, beforeId?: string) => {
  let query = conn.selectFrom('imports').where('company_id', '=', companyId)
  if (beforeId) query = query.where('id', '<', beforeId)
  return query.orderBy('id', 'desc').limit(limit).selectAll().execute()
}

/** The company's remembered choice per normalised header. */
export const findMapping = (conn: Conn, companyId: string) =>
  conn
    .selectFrom('import_mappings')
    .where('company_id', '=', companyId)
    .select('columns')
    .executeTakeFirst()
    .then((r) => r?.columns ?? {})

/** Remembers these choices (normalised header → field or null), keeping the others. */
export async function rememberMapping(conn: Conn, companyId: string, columns: Record<string, string | null>) {
  await sql`
    insert into import_mappings (company_id, columns) values (${companyId}, ${JSON.stringify(columns)}::jsonb)
    on conflict (company_id) do update
      set columns = import_mappings.columns || excluded.columns, updated_at = now()`.execute(conn)
}
