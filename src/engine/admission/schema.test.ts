import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../types'
import { jsonSchemaForManifests } from './schema/manifests'
import { jwt, meshPolicy, policy } from './fixtures/objects'

type Schema = Record<string, unknown>

/** Every keyword the generator may use; all are draft-07 keywords. */
const DRAFT07_KEYWORDS = new Set([
  '$schema', '$ref', 'title', 'description', 'type', 'enum', 'const', 'properties', 'additionalProperties', 'required',
  'items', 'anyOf', 'allOf', 'if', 'then', 'definitions', 'pattern', 'minimum', 'maximum', 'maxLength',
])
const TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean', 'null'])

/** Walks every sub-schema (not property names or enum values). */
function* subSchemas(s: Schema): Generator<Schema> {
  yield s
  for (const key of ['items', 'additionalProperties', 'if', 'then']) if (typeof s[key] === 'object') yield* subSchemas(s[key] as Schema)
  for (const key of ['properties', 'definitions']) for (const v of Object.values((s[key] ?? {}) as Record<string, Schema>)) yield* subSchemas(v)
  for (const key of ['anyOf', 'allOf']) for (const v of (s[key] ?? []) as Schema[]) yield* subSchemas(v)
}

/** A small validator for the keywords above: enough to check that the schema says what admission says. */
function validate(root: Schema, s: Schema, v: unknown): boolean {
  const resolve = (ref: string) => (ref === '#' ? root : ((root.definitions as Record<string, Schema>)[ref.replace('#/definitions/', '')] as Schema))
  if (typeof s.$ref === 'string') return validate(root, resolve(s.$ref), v)
  const kind = v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v
  const types = s.type === undefined ? undefined : ([] as unknown[]).concat(s.type)
  if (types && !types.includes(kind) && !(kind === 'integer' && types.includes('number'))) return false
  if (Array.isArray(s.enum) && !s.enum.includes(v)) return false
  if ('const' in s && s.const !== v) return false
  if (typeof v === 'string' && typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) return false
  if (typeof v === 'number' && ((typeof s.minimum === 'number' && v < s.minimum) || (typeof s.maximum === 'number' && v > s.maximum))) return false
  if (Array.isArray(s.anyOf) && !s.anyOf.some((x) => validate(root, x as Schema, v))) return false
  if (Array.isArray(s.allOf) && !s.allOf.every((x) => validate(root, x as Schema, v))) return false
  if (s.if && validate(root, s.if as Schema, v) && s.then && !validate(root, s.then as Schema, v)) return false
  if (Array.isArray(v) && s.items) return v.every((x) => validate(root, s.items as Schema, x))
  if (kind !== 'object') return true
  const o = v as Record<string, unknown>
  if (Array.isArray(s.required) && !s.required.every((k) => k in o)) return false
  const props = (s.properties ?? {}) as Record<string, Schema>
  return Object.entries(o).every(([k, x]) => {
    if (props[k]) return validate(root, props[k], x)
    if (s.additionalProperties === false) return false
    return typeof s.additionalProperties !== 'object' || validate(root, s.additionalProperties as Schema, x)
  })
}

const schema10 = jsonSchemaForManifests('1.0')
const schema11 = jsonSchemaForManifests('1.1')
const seed = JSON.parse(readFileSync(new URL('./fixtures/seed-tables.json', import.meta.url), 'utf8')) as { states: { ops?: { object?: KubeObject }[] }[] }
const seedObjects = seed.states.flatMap((s) => (s.ops ?? []).flatMap((op) => (op.object ? [[`${op.object.kind}/${op.object.metadata.name}`, op.object] as const] : [])))

describe('JSON Schema for the editor', () => {
  it('is draft-07 and uses only draft-07 keywords with valid types', () => {
    expect(schema10.$schema).toBe('http://json-schema.org/draft-07/schema#')
    for (const s of subSchemas(schema10)) {
      for (const key of Object.keys(s)) expect(DRAFT07_KEYWORDS, key).toContain(key)
      for (const t of s.type === undefined ? [] : ([] as unknown[]).concat(s.type)) expect(TYPES).toContain(t)
    }
  })

  it('resolves every $ref and survives a JSON round trip', () => {
    const text = JSON.stringify(schema11)
    for (const [, ref] of text.matchAll(/"\$ref":"([^"]+)"/g)) {
      expect(ref === '#' || (schema11.definitions as Schema)[String(ref).replace('#/definitions/', '')], ref).toBeTruthy()
    }
    expect(JSON.parse(text)).toEqual(schema11)
  })

  it.each(seedObjects)('accepts the seed object %s', (_name, object) => {
    expect(validate(schema10, schema10, object)).toBe(true)
  })

  it.each([
    ['`mTLS` instead of `mtls`', meshPolicy({ peers: [{ mTLS: {} }] })],
    ['an unknown TLS mode', meshPolicy({ peers: [{ mtls: { mode: 'STRICTER' } }] })],
    ['a string where a list belongs', meshPolicy({ peers: 'mtls' })],
  ])('flags %s', (_what, object) => {
    expect(validate(schema10, schema10, object)).toBe(false)
  })

  it('allows what admission allows: snake_case, enum numbers and `mtls: null`', () => {
    expect(validate(schema10, schema10, meshPolicy({ peers: [{ mtls: null }, { mtls: { mode: 1, allow_tls: true } }], principal_binding: 'USE_PEER' }))).toBe(true)
  })

  it('knows triggerRules only in the 1.1 schema', () => {
    const p = policy('jwt', { targets: [{ name: 'httpbin' }], origins: [{ jwt: jwt({ triggerRules: [{ excludedPaths: [{ exact: '/health' }] }] }) }] })
    expect(validate(schema10, schema10, p)).toBe(false)
    expect(validate(schema11, schema11, p)).toBe(true)
  })

  it('describes fields in plain words and lists enum names', () => {
    const mtls = (schema10.definitions as Record<string, Schema>)['authentication.v1alpha1.MutualTls'] as { properties: Record<string, Schema> }
    expect(mtls.properties.mode).toMatchObject({ enum: ['STRICT', 'PERMISSIVE', 0, 1, null] })
    expect(mtls.properties.mode?.description).toMatch(/STRICT/)
  })

  it('checks Kubernetes kinds lightly and leaves unknown kinds open', () => {
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 70000 }], type: 'ClusterIP' } }
    expect(validate(schema10, schema10, service)).toBe(false)
    expect(validate(schema10, schema10, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } })).toBe(true)
    expect(validate(schema10, schema10, { apiVersion: 'v1', kind: 'List', items: [meshPolicy({ peers: [{ mTLS: {} }] })] })).toBe(false)
  })
})
