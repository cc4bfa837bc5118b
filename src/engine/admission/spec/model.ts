/**
 * The vocabulary of the field specs: one declarative description per Istio message, shared by the
 * checker (walk.ts), the normalisers and the JSON Schema generator (schema.ts). A field that appeared
 * in a later Istio release carries `since`; profiles before it treat the field as unknown, as Pilot's
 * strict protobuf-JSON reader of that release would.
 */
import type { IstioProfile } from '../../types'

/** Releases a field can be introduced in; '1.2' exists only to explain why a field is unknown. */
export type IstioRelease = IstioProfile | '1.2'

export type ScalarKind = 'string' | 'bool' | 'uint32' | 'int32' | 'double' | 'duration'

export interface EnumSpec {
  name: string
  /** Names in proto number order: `values[n]` is the name of number n. */
  values: readonly string[]
}

export type FieldType =
  | { kind: 'scalar'; scalar: ScalarKind }
  | { kind: 'enum'; spec: EnumSpec }
  | { kind: 'message'; spec: MessageSpec }
  | { kind: 'map'; value: FieldType }
  /** A message the simulator does not model (load balancer, retries ...): only "is an object" is checked. */
  | { kind: 'opaque' }

export interface FieldSpec {
  /** JSON (camelCase) name; the proto (snake_case) name is derived from it. */
  name: string
  type: FieldType
  /** One line, in plain words; becomes the JSON Schema description. */
  doc: string
  repeated?: boolean
  /** Members of the same oneof exclude each other. */
  oneof?: string
  since?: IstioRelease
}

export interface MessageSpec {
  /** Printed in messages, e.g. `authentication.v1alpha1.PeerAuthenticationMethod`. */
  name: string
  doc: string
  fields: readonly FieldSpec[]
}

export const STRING: FieldType = { kind: 'scalar', scalar: 'string' }
export const BOOL: FieldType = { kind: 'scalar', scalar: 'bool' }
export const UINT32: FieldType = { kind: 'scalar', scalar: 'uint32' }
export const INT32: FieldType = { kind: 'scalar', scalar: 'int32' }
export const DURATION: FieldType = { kind: 'scalar', scalar: 'duration' }
export const OPAQUE: FieldType = { kind: 'opaque' }
export const STRING_MAP: FieldType = { kind: 'map', value: STRING }

export function enumOf(name: string, values: readonly string[]): FieldType {
  return { kind: 'enum', spec: { name, values } }
}

export function messageOf(spec: MessageSpec): FieldType {
  return { kind: 'message', spec }
}

export function mapOf(value: FieldType): FieldType {
  return { kind: 'map', value }
}

type FieldOptions = Pick<FieldSpec, 'oneof' | 'since'>

export function field(name: string, type: FieldType, doc: string, options: FieldOptions = {}): FieldSpec {
  return { name, type, doc, ...options }
}

export function list(name: string, type: FieldType, doc: string, options: FieldOptions = {}): FieldSpec {
  return { name, type, doc, repeated: true, ...options }
}

export function message(name: string, doc: string, fields: readonly FieldSpec[]): MessageSpec {
  return { name, doc, fields }
}

/** Releases compare by minor number: `1.2` < `1.5` < `1.12`. */
function minorOf(release: IstioRelease): number {
  return Number(release.slice(2))
}

export function availableIn(f: FieldSpec, profile: IstioProfile): boolean {
  return f.since === undefined || minorOf(f.since) <= minorOf(profile)
}

export function fieldsIn(spec: MessageSpec, profile: IstioProfile): FieldSpec[] {
  return spec.fields.filter((f) => availableIn(f, profile))
}
