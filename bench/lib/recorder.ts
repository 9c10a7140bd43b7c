import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely'
import type { DB } from '../../apps/server/src/db/schema.ts'

export type RecordedQuery = { text: string; values: unknown[] }

/**
 * The SQL a server repo function sends, compiled by Kysely against a driver that only records
 * it: the limits run the server's own statements, and follow the code when it changes.
 */
export async function recordQuery(run: (db: Kysely<DB>) => Promise<unknown>): Promise<RecordedQuery> {
  let captured: RecordedQuery | undefined
  const recorder = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      captured ??= { text: event.query.sql, values: [...event.query.parameters] }
    },
  })
  try {
    await run(recorder)
  } finally {
    await recorder.destroy()
  }
  if (!captured) throw new Error('the repo function ran no query')
  return captured
}

/** pgbench reads `:name` inside string literals too: their colons become `chr(58)`. */
const withoutLiteralColons = (text: string) =>
  text.replace(/'(?:[^']|'')*'/g, (literal) =>
    literal.includes(':') ? `(${literal.split(':').join("' || chr(58) || '")})` : literal,
  )

/** As a pgbench script: `$n` becomes `:pn`, the values become `-D pn=…` (arrays as text arrays). */
export function asPgbench(query: RecordedQuery): { script: string; vars: Record<string, string> } {
  const vars: Record<string, string> = {}
  query.values.forEach((value, i) => {
    const text = Array.isArray(value) ? `{${value.join(',')}}` : String(value)
    if (/\s/.test(text)) throw new Error(`pgbench cannot pass a value with spaces: ${text}`)
    vars[`p${i + 1}`] = text
  })
  return {
    script: `${withoutLiteralColons(query.text)
      .replace(/\$(\d+)/g, ':p$1')
      .trim()};\n`,
    vars,
  }
}
