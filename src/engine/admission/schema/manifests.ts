/**
 * One JSON Schema (draft-07) for a YAML document holding any kind we model, for monaco-yaml. The
 * document's `kind` picks the branch (`if`/`then`); unknown kinds only get the common shape.
 */
import { servedApiVersions } from '../../profile'
import type { IstioProfile } from '../../types'
import { ISTIO_KINDS, KUBE_KINDS, WORKLOAD_KINDS, type IstioKind } from '../kinds'
import { messageRef, type Definitions, type Schema } from './messages'

const STRING_MAP: Schema = { type: 'object', additionalProperties: { type: 'string' } }

const METADATA: Schema = {
  type: 'object',
  description: 'Name, namespace, labels and annotations of the object.',
  required: ['name'],
  properties: {
    name: { type: 'string', description: 'Object name (lower case letters, digits, "-" and ".").' },
    namespace: { type: 'string', description: 'Namespace; when absent, the one the YAML is applied to (-n).' },
    labels: { ...STRING_MAP, description: 'Labels: string values only (quote numbers and yes/no).' },
    annotations: { ...STRING_MAP, description: 'Annotations: string values only.' },
  },
}

const PORT_NUMBER: Schema = { type: 'integer', minimum: 1, maximum: 65535 }

const CONTAINERS: Schema = {
  type: 'array',
  description: 'Containers of the pod.',
  items: {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string' },
      ports: { type: 'array', items: { type: 'object', properties: { containerPort: PORT_NUMBER, name: { type: 'string', maxLength: 15 } } } },
    },
  },
}

const POD_TEMPLATE: Schema = {
  type: 'object',
  description: 'Pods this workload creates.',
  properties: {
    metadata: { type: 'object', properties: { labels: STRING_MAP, annotations: STRING_MAP } },
    spec: { type: 'object', properties: { containers: CONTAINERS } },
  },
}

const SERVICE_SPEC: Schema = {
  type: 'object',
  properties: {
    selector: { ...STRING_MAP, description: 'Pod labels this Service sends traffic to.' },
    ports: {
      type: 'array',
      items: {
        type: 'object',
        required: ['port'],
        properties: {
          port: { ...PORT_NUMBER, description: 'Service port (what clients call, and what Istio port selectors match).' },
          name: { type: 'string', description: 'Port name; its prefix (http, http2, grpc, tcp ...) tells Istio the protocol.' },
          targetPort: { type: ['integer', 'string'], description: 'Container port (number or name); defaults to `port`.' },
        },
      },
    },
  },
}

function kubeSpec(kind: string): Schema | undefined {
  if (kind === 'Service') return SERVICE_SPEC
  if (kind === 'Pod') return { type: 'object', properties: { containers: CONTAINERS } }
  if (WORKLOAD_KINDS.has(kind)) return { type: 'object', properties: { template: POD_TEMPLATE } }
  return undefined
}

function branch(kind: string, apiVersions: readonly string[], spec: Schema | undefined): Schema {
  const properties: Record<string, Schema> = { apiVersion: { enum: [...apiVersions] }, metadata: METADATA }
  if (spec) properties.spec = spec
  return { if: { properties: { kind: { const: kind } }, required: ['kind'] }, then: { required: ['metadata'], properties } }
}

/**
 * @example configureMonacoYaml(monaco, { schemas: [{ uri: 'mesh://1.0', fileMatch: ['*'], schema: jsonSchemaForManifests('1.0') }] })
 */
export function jsonSchemaForManifests(profile: IstioProfile): Schema {
  const definitions: Definitions = {}
  // Only the kinds the profile serves, at the API versions it serves (M35).
  const kinds = (Object.keys(ISTIO_KINDS) as IstioKind[]).filter((kind) => servedApiVersions(kind, profile).length > 0)
  const istio = kinds.map((kind) => branch(kind, servedApiVersions(kind, profile), messageRef(ISTIO_KINDS[kind].spec, profile, definitions)))
  const kube = Object.entries(KUBE_KINDS).map(([kind, versions]) => branch(kind, versions, kubeSpec(kind)))
  const list = {
    if: { properties: { kind: { type: 'string', pattern: 'List$' } }, required: ['kind'] },
    then: { properties: { items: { type: 'array', items: { $ref: '#' } } } },
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `Kubernetes and Istio ${profile} manifest`,
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { type: 'string', description: 'API group and version, e.g. authentication.istio.io/v1alpha1.' },
      kind: { anyOf: [{ enum: [...kinds, ...Object.keys(KUBE_KINDS), 'List'] }, { type: 'string' }], description: 'Object kind.' },
    },
    allOf: [...istio, ...kube, list],
    definitions,
  }
}
