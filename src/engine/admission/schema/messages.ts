/**
 * JSON Schema (draft-07) for the Istio messages, generated from the same field specs admission
 * checks against, so the editor and admission cannot drift apart. Each message becomes one entry of
 * `definitions`, referenced with `$ref`; specs are closed (`additionalProperties: false`) and list
 * both spellings of every field. Null is allowed everywhere because protobuf JSON reads it as "unset".
 */
import type { IstioProfile } from '../../types'
import { snakeCase } from '../names'
import { fieldsIn, type FieldSpec, type FieldType, type MessageSpec, type ScalarKind } from '../spec/model'

export type Schema = Record<string, unknown>
export type Definitions = Record<string, Schema>

const SCALARS: Record<ScalarKind, Schema> = {
  string: { type: 'string' },
  bool: { type: 'boolean' },
  // Protobuf JSON takes integers as numbers or as strings of digits.
  uint32: { type: ['integer', 'string'], minimum: 0, maximum: 4294967295, pattern: '^[0-9]+$' },
  int32: { type: ['integer', 'string'], minimum: -2147483648, maximum: 2147483647, pattern: '^-?[0-9]+$' },
  double: { type: ['number', 'string'] },
  duration: { type: 'string', pattern: '^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$' },
}

function nullable(schema: Schema): Schema {
  if (Array.isArray(schema.enum)) return { ...schema, enum: [...schema.enum, null] }
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] }
  if (Array.isArray(schema.type)) return { ...schema, type: [...schema.type, 'null'] }
  if (schema.$ref !== undefined) return { anyOf: [schema, { type: 'null' }] }
  return schema
}

function typeSchema(type: FieldType, profile: IstioProfile, defs: Definitions): Schema {
  switch (type.kind) {
    case 'scalar':
      return SCALARS[type.scalar]
    case 'enum':
      // Names for completion; numbers because protobuf JSON accepts them too.
      return { enum: [...type.spec.values, ...type.spec.values.map((_, i) => i)] }
    case 'message':
      return messageRef(type.spec, profile, defs)
    case 'map':
      return { type: 'object', additionalProperties: typeSchema(type.value, profile, defs) }
    case 'opaque':
      return {}
  }
}

function fieldSchema(f: FieldSpec, profile: IstioProfile, defs: Definitions): Schema {
  const item = typeSchema(f.type, profile, defs)
  const schema = f.repeated ? { type: 'array', items: item } : item
  const alternatives = f.oneof ? ` Alternative to the other \`${f.oneof}\` fields; set one.` : ''
  return { ...nullable(schema), description: f.doc + alternatives }
}

/** Adds the message (and the ones it uses) to `defs`; returns a `$ref` to it. */
export function messageRef(spec: MessageSpec, profile: IstioProfile, defs: Definitions): Schema {
  const ref = { $ref: `#/definitions/${spec.name}` }
  if (defs[spec.name]) return ref
  const properties: Record<string, Schema> = {}
  defs[spec.name] = { type: 'object', description: spec.doc, properties, additionalProperties: false }
  for (const f of fieldsIn(spec, profile)) {
    const schema = fieldSchema(f, profile, defs)
    properties[f.name] = schema
    const proto = snakeCase(f.name)
    if (proto !== f.name) properties[proto] = { ...schema, description: `${f.doc} (proto spelling of ${f.name})` }
  }
  return ref
}
