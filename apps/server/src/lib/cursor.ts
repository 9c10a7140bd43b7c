import { AppError } from './errors.ts'

/** Opaque keyset cursors: the sort key of the last row of a page. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url')
}

type Kind = 'uuid' | 'text' | 'int' | 'time'
type Value<K extends Kind> = K extends 'int' ? number : string

const EXACT_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/

/** The exact form the repos write (`created_at` to the microsecond, UTC), on a day that exists. */
function isExactTime(v: unknown): boolean {
  const parts = typeof v === 'string' ? EXACT_TIME.exec(v)?.slice(1).map(Number) : undefined
  if (!parts) return false
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
  return (
    year >= 1 &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  )
}

// Each part must be what its column can hold, or the database refuses the query (a 5xx).
const valid: Record<Kind, (v: unknown) => boolean> = {
  uuid: (v) =>
    typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  text: (v) => typeof v === 'string' && v.length <= 400 && !v.includes('\0'),
  int: (v) => Number.isInteger(v) && Math.abs(v as number) <= 2 ** 31 - 1,
  time: isExactTime,
}

/** Decodes a cursor this server made; anything else (forged, stale, mangled) is a 400. */
export function decodeCursor<const K extends readonly Kind[]>(
  cursor: string,
  kinds: K,
): { [I in keyof K]: Value<K[I]> } {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString())
    if (Array.isArray(key) && key.length === kinds.length && kinds.every((k, i) => valid[k](key[i]))) {
      return key as { [I in keyof K]: Value<K[I]> }
    }
  } catch {}
  throw new AppError('bad-request', 'The cursor is not valid', {
    errors: [{ path: 'cursor', message: 'Invalid cursor' }],
  })
}

/** The id after which the next page starts, for lists ordered by id. */
export const idAfter = (cursor: string | undefined): string | undefined =>
  cursor === undefined ? undefined : decodeCursor(cursor, ['uuid'])[0]

/** Fetch limit + 1 rows; the extra row tells whether another page exists. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  key: (row: Row) => (string | number)[],
  map: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const more = rows.length > limit
  const pageRows = more ? rows.slice(0, limit) : rows
  const last = pageRows.at(-1)
  return { items: pageRows.map(map), nextCursor: more && last ? encodeCursor(key(last)) : null }
}
