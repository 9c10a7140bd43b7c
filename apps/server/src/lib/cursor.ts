import { AppError } from './errors.ts'

/** Opaque keyset cursors: the sort key of the last row of a page. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url')
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString())
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((k) => ['string', 'number'].includes(typeof k))
    ) {
      return key
    }
  } catch {}
  throw new AppError('bad-request', 'The cursor is not valid', {
    errors: [{ path: 'cursor', message: 'Invalid cursor' }],
  })
}

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
