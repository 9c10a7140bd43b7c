import { AppError } from './errors.ts'

/** Opaque keyset cursors: the sort key of the last row of a page. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url')
}

type Kind = 'uuid' | 'text' | 'int' | 'time'
type Value<K extends Kind> = K extends 'int' ? number : string

const valid: Record<Kind, (v: unknown) => boolean> = {
  uuid: (v) =>
    typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  text: (v) => typeof v === 'string' && v.length <= 400 && !v.includes('\0'),
  int: (v) => Number.isSafeInteger(v),
  time: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
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
