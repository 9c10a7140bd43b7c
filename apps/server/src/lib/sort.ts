import { TOTAL_CAP } from '@tributary/contracts'
import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely'
import { decodeCursor, encodeCursor } from './cursor.ts'
import { AppError } from './errors.ts'

/**
 * Sorted keyset pages for the lists (`?sort=`): a sort is a few key expressions, always followed
 * by the row's id, all ascending or all descending, so one row comparison `(k…, id) > (…)` walks
 * an index of `(company_id, k…, id)` in either direction. The cursor holds the sort's name and
 * the last row's key, so a cursor of another order is refused instead of skipping rows.
 */

type Kind = 'int' | 'time' | 'text' | 'uuid'

export type SortKey = {
  /** The expression the rows are ordered by (what the index holds). */
  order: RawBuilder<unknown>
  /** The same value as the cursor keeps it (`created_at` to the microsecond, as text). */
  select: RawBuilder<unknown>
  kind: Kind
}

const cast = { int: sql`bigint`, time: sql`timestamptz`, text: sql`text`, uuid: sql`uuid` } as const

export const key = (column: string, kind: Exclude<Kind, 'time'>): SortKey => ({
  order: sql.ref(column),
  select: sql.ref(column),
  kind,
})

/** `created_at` ordered as a timestamp, kept in the cursor to the microsecond. */
export const timeKey = (column: string): SortKey => ({
  order: sql.ref(column),
  select: sql`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  kind: 'time',
})

/** Text ordered without case; a missing value sorts as the empty string (first). */
export const textKey = (column: string): SortKey => {
  const expression = sql`lower(coalesce(${sql.ref(column)}, ''))`
  return { order: expression, select: expression, kind: 'text' }
}

export type SortOf<Name extends string> = { name: Name; desc: boolean }

/** `-createdAt` → `{ name: 'createdAt', desc: true }`. */
export const parseSort = <Name extends string>(sort: string): SortOf<Name> =>
  sort.startsWith('-') ? { name: sort.slice(1) as Name, desc: true } : { name: sort as Name, desc: false }

export type SortedRow = { sort_keys: (string | number)[] }

/** The last row's keys and id after which the next page starts, checked against the sort. */
export function afterCursor(
  cursor: string | undefined,
  sort: string,
  keys: readonly SortKey[],
): (string | number)[] | undefined {
  if (cursor === undefined) return undefined
  const [name, ...rest]: readonly (string | number)[] = decodeCursor(cursor, [
    'text',
    ...keys.map((k) => k.kind),
    'uuid',
  ])
  if (name !== sort)
    throw new AppError('bad-request', 'The cursor belongs to another order', {
      errors: [
        { path: 'cursor', message: 'This cursor belongs to another sort order; start from the first page' },
      ],
    })
  return rest
}

/** The keyset condition, the order and the cursor's keys of one sort on `alias`'s rows. */
export function sortClauses(keys: readonly SortKey[], desc: boolean, idColumn: string) {
  const id = sql.ref(idColumn)
  const direction = desc ? sql`desc` : sql`asc`
  return {
    order: sql.join([...keys.map((k) => sql`${k.order} ${direction}`), sql`${id} ${direction}`]),
    /** `(k…, id) > (v…)` ascending, `<` descending. */
    after: (values: readonly (string | number)[]) =>
      sql<boolean>`(${sql.join([...keys.map((k) => k.order), id])}) ${desc ? sql`<` : sql`>`} (${sql.join([
        ...keys.map((k, i) => sql`${values[i]}::${cast[k.kind]}`),
        sql`${values[keys.length]}::uuid`,
      ])})`,
    selectKeys: sql<(string | number)[]>`jsonb_build_array(${sql.join(keys.map((k) => k.select))})`,
  }
}

/**
 * Applies a sort to a query of one table: the keyset condition after `after`, the order, the
 * cursor's keys as `sort_keys`, and the limit.
 */
export function sorted<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  keys: readonly SortKey[],
  desc: boolean,
  idColumn: string,
  limit: number,
  after: readonly (string | number)[] | undefined,
) {
  const clauses = sortClauses(keys, desc, idColumn)
  const filtered = after ? query.where(clauses.after(after)) : query
  return filtered.select(clauses.selectKeys.as('sort_keys')).orderBy(clauses.order).limit(limit)
}

/** The two keys of an order by a referenced row's name (`byParentName`): its lower-case name and id. */
export const parentKeys: readonly SortKey[] = [
  { order: sql`p.sort_name`, select: sql`p.sort_name`, kind: 'text' },
  { order: sql`p.id`, select: sql`p.id`, kind: 'uuid' },
]

/**
 * Rows ordered by the name of the row they reference (a lead's source, a customer's office), then
 * id: the referenced rows in name order (a few, by their name index), each with at most `limit`
 * of its rows by `(company_id, fk, id)` — never a sort of the whole table. `rows` is the filtered
 * query of the child table with its columns selected.
 */
export function byParentName<DB, TB extends keyof DB, O>(
  rows: SelectQueryBuilder<DB, TB, O>,
  parent: { table: string; companyId: string; fk: string },
  desc: boolean,
  limit: number,
  after: readonly (string | number)[] | undefined,
  total: RawBuilder<number>,
) {
  const direction = desc ? sql`desc` : sql`asc`
  const fk = sql.ref(parent.fk)
  const [name, parentId, id] = after ?? []
  const from = after
    ? sql`and (lower(name), id) ${desc ? sql`<=` : sql`>=`} (${name}::text, ${parentId}::uuid)`
    : sql``
  let inner = rows.where(sql<boolean>`${fk} = p.id`)
  if (after)
    inner = inner.where(
      sql<boolean>`(${fk} <> ${parentId}::uuid or id ${desc ? sql`<` : sql`>`} ${id}::uuid)`,
    )
  return sql<O & SortedRow & { total: number }>`select c.*, jsonb_build_array(p.sort_name, p.id) as sort_keys,
      ${total} as total
    from (select id, lower(name) as sort_name from ${sql.table(parent.table)}
      where company_id = ${parent.companyId} ${from}
      order by lower(name) ${direction}, id ${direction}) p
    cross join lateral ${inner.orderBy(sql`id ${direction}`).limit(limit)} c
    order by p.sort_name ${direction}, p.id ${direction}, c.id ${direction}
    limit ${limit}`
}

/** `select count(*)` of a filtered query, stopping one past the cap. */
export const cappedCount = <DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>) =>
  sql<number>`(select count(*)::int from (${query
    .clearSelect()
    .select(sql`1`.as('one'))
    .limit(TOTAL_CAP + 1)}) counted)`

/**
 * `{ total }` exact up to the cap, else `{ total: cap, totalIsLowerBound: true }`, from the count
 * each listed row carries; a page that came back empty after a cursor reads the first row again.
 */
export async function totalOf(
  rows: readonly { total: number }[],
  after: unknown,
  firstRow: () => Promise<readonly { total: number }[]>,
) {
  const count = rows[0]?.total ?? (after ? ((await firstRow())[0]?.total ?? 0) : 0)
  return count > TOTAL_CAP ? { total: TOTAL_CAP, totalIsLowerBound: true } : { total: count }
}

/** A page from `limit + 1` sorted rows: its items, the next cursor (sort name, keys, id), the total. */
export function sortedPage<Row extends SortedRow & { id: string }, Item>(
  rows: Row[],
  limit: number,
  sort: string,
  map: (row: Row) => Item,
) {
  const more = rows.length > limit
  const pageRows = more ? rows.slice(0, limit) : rows
  const last = pageRows.at(-1)
  return {
    items: pageRows.map(map),
    nextCursor: more && last ? encodeCursor([sort, ...last.sort_keys, last.id]) : null,
  }
}
