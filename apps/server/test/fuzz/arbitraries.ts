import fc from 'fast-check'
import { openApiSchemas, type Schema } from '../helpers/openapi.ts'

/** Values that have broken parsers, databases and templates somewhere before. */
const nastyStrings = [
  '',
  ' ',
  '\u0000',
  'nul \u0000 inside',
  '\ud800',
  '\u202e',
  '\r\nBcc: x@example.test',
  "' OR '1'='1' --",
  '"); drop table leads; --',
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '{{ 7 | times: 7 }}',
  '{% for a in (1..99999) %}{% for b in (1..99999) %}x{% endfor %}{% endfor %}',
  '2020-02-30',
  '2020-02-30T25:61:61Z',
  '0000-00-00',
  '-1',
  '1e309',
  '99999999999999999999999999',
  'NaN',
  'x'.repeat(5000),
  '😀'.repeat(300),
  'ＡＢＣ',
]
const someId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'
/** Cursors are base64url JSON: well-formed ones with parts no column can hold. */
const forgedCursors = [
  [0, '1', someId],
  ['2020-02-30', someId],
  [2 ** 40, '2020-01-01', someId],
  ['x'.repeat(500)],
].map((key) => Buffer.from(JSON.stringify(key)).toString('base64url'))
const nastyNumbers = [0, -0, -1, 0.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308, 5e-324]

export const hostileString = fc.oneof(
  fc.constantFrom(...nastyStrings, ...forgedCursors),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.uuid(),
)
export const hostileNumber = fc.oneof(
  fc.constantFrom(...nastyNumbers),
  fc.integer(),
  fc.double({ noNaN: true }),
)
const hostileLeaf = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null))
export const anyJson = fc.jsonValue({ maxDepth: 3 })

/**
 * Arbitraries for the JSON schemas of the OpenAPI document: mostly a valid value with some parts
 * swapped for hostile ones, so requests get past the first check and into the handlers.
 */
export function schemaArbitraries(components: () => Record<string, Schema>) {
  const { resolve, exampleOf } = openApiSchemas(components)
  const weighted = (valid: fc.Arbitrary<unknown>, ...others: fc.Arbitrary<unknown>[]) =>
    fc.oneof({ arbitrary: valid, weight: 5 }, ...others.map((arbitrary) => ({ arbitrary, weight: 1 })))

  function arbitraryOf(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
    const s = resolve(schema)
    const example = fc.constant(exampleOf(s))
    if (depth > 4) return weighted(example, hostileLeaf)
    const branches: Schema[] | undefined = s.anyOf ?? s.oneOf
    if (branches) return fc.oneof(...branches.map((b) => arbitraryOf(b, depth + 1)))
    if (s.enum) return weighted(fc.constantFrom(...s.enum), hostileLeaf)
    const type = Array.isArray(s.type) ? s.type.find((x: string) => x !== 'null') : s.type
    if (type === 'object' || s.properties) {
      const properties: Record<string, Schema> = s.properties ?? {}
      const shaped = fc.record(
        Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, arbitraryOf(v, depth + 1)])),
        { requiredKeys: [] },
      )
      const withExtra = fc.tuple(shaped, fc.dictionary(hostileString, anyJson, { maxKeys: 2 }))
      return weighted(
        shaped,
        withExtra.map(([a, b]) => ({ ...b, ...a })),
        hostileLeaf,
        anyJson,
      )
    }
    if (type === 'array') {
      return weighted(fc.array(arbitraryOf(s.items ?? {}, depth + 1), { maxLength: 4 }), hostileLeaf)
    }
    if (type === 'string') return weighted(example, hostileString, hostileLeaf)
    if (type === 'integer' || type === 'number') return weighted(example, hostileNumber, hostileLeaf)
    if (type === 'boolean') return weighted(fc.boolean(), hostileLeaf)
    return weighted(example, anyJson)
  }
  return { arbitraryOf, exampleOf }
}

/** A path segment or query value as sent: usually encoded, sometimes raw bytes that do not decode. */
export const encoded = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return Buffer.from(text ?? 'null')
    .toString('hex')
    .replace(/../g, (h) => `%${h}`)
}
export const rawSegments = fc.constantFrom('%ED%A0%80', '%00', '%', '%zz', '..', '%2F..%2F', 'a'.repeat(300))
