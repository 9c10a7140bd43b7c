import { randomUUID } from 'node:crypto'
import type { App } from '../../src/lib/http-types.ts'
import { call } from './client.ts'

// biome-ignore lint/suspicious/noExplicitAny: JSON schemas from the OpenAPI document
export type Schema = any

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
export type Operation = {
  requestBody?: { content?: Record<string, { schema?: Schema }> }
  parameters?: { in: string; name: string; schema?: Schema }[]
  security?: unknown[]
}
export type Route = { method: Method; path: string; op: Operation }

/** Every /api/ operation of the served OpenAPI document, and its component schemas. */
export async function apiRoutes(app: App): Promise<{ routes: Route[]; schemas: Record<string, Schema> }> {
  const doc = (await call(app, 'GET', '/api/v1/openapi.json')).body
  const routes = Object.entries(doc.paths as Record<string, Record<string, Operation>>)
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase() as Method, path, op })),
    )
  return { routes, schemas: doc.components?.schemas ?? {} }
}

/**
 * The JSON schemas of the OpenAPI document, for suites that walk its route table: `resolve`
 * follows `$ref`s into `components()`, `exampleOf` makes a value that passes a schema.
 */
export function openApiSchemas(components: () => Record<string, Schema>) {
  const resolve = (schema: Schema): Schema => {
    let s = schema
    while (s?.$ref) s = components()[String(s.$ref).split('/').pop() as string]
    return s ?? {}
  }

  /** A body that passes the schema (as far as JSON Schema can say): every field, or only the required ones. */
  function exampleOf(schema: Schema, requiredOnly = false): unknown {
    const s = resolve(schema)
    if ('const' in s) return s.const
    if (s.enum) return s.enum[0]
    // A value a pattern alone cannot be guessed from (a price) names its own example.
    if (Array.isArray(s.examples) && s.examples.length > 0) return s.examples[0]
    const branches = s.anyOf ?? s.oneOf
    if (branches) {
      return exampleOf(branches.find((x: Schema) => resolve(x).type !== 'null') ?? branches[0], requiredOnly)
    }
    if (s.allOf) return Object.assign({}, ...s.allOf.map((x: Schema) => exampleOf(x, requiredOnly)))
    const type = Array.isArray(s.type) ? s.type.find((x: string) => x !== 'null') : s.type
    switch (type) {
      case 'object':
        return Object.fromEntries(
          Object.entries(s.properties ?? {})
            .filter(([k]) => !requiredOnly || s.required?.includes(k))
            .map(([k, v]) => [k, exampleOf(v, requiredOnly)]),
        )
      case 'array':
        return Array.from({ length: s.minItems ?? 0 }, () => exampleOf(s.items, requiredOnly))
      case 'integer':
      case 'number':
        return s.minimum ?? (s.exclusiveMinimum ?? 0) + 1
      case 'boolean':
        return false
      case 'string': {
        const byFormat: Record<string, string> = {
          email: `probe-${randomUUID()}@example.test`,
          uuid: randomUUID(),
          'date-time': new Date().toISOString(),
          date: '2030-01-01',
          uri: 'https://example.test/',
          url: 'https://example.test/',
        }
        return byFormat[s.format] ?? 'probe text'.padEnd(s.minLength ?? 0, 'x')
      }
      default:
        return null
    }
  }

  return { resolve, exampleOf }
}
