/**
 * Property: import -> export -> import is the identity on the model, and no key or scalar changes
 * type on the way. Manifests are generated with the values that trip YAML 1.1 readers (kubectl's):
 * `on`/`yes`/`y` booleans, octal- and hex-looking strings, `.inf`, `~`, timestamps, keys such as
 * `.` (managedFields' `.: {}`), `1.0` or `yes`.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../engine'
import { stringifyManifests } from '../yaml'
import { exportAllYaml, exportKubectlApply, importYamlText } from './io'
import { keyOf } from './keys'

const TRICKY = ['on', 'off', 'yes', 'no', 'y', 'n', 'Y', 'True', 'NO', '~', 'null', 'Null', '0755', '012', '0x1F', '0b101', '0o17', '1_000', '1e3', '.inf', '-.Inf', '.nan', '.', '1.0', '+12', '1:20', '2024-01-01', '2024-01-01T10:00:00Z', '', ' lead', 'trail ', '#x', 'a: b', '- x', '$HOME', '`x`', 'EOF', "it's", '"q"', '\\n', 'multi\nline', '0', '-0', '1.', '.5', '=', '<<']

const dnsLabel = fc.stringMatching(/^[a-z]([a-z0-9-]{0,10}[a-z0-9])?$/)
const text = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 12 }))
const key = fc.oneof(fc.constantFrom(...TRICKY.filter((k) => k !== '' && k !== '<<')), fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_./-]{0,12}$/))
const scalar = fc.oneof(text, fc.boolean(), fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).filter((d) => !Object.is(d, -0)), fc.constant(null))
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(key, tie('value'), { maxKeys: 3 })),
})).value
const labels = fc.dictionary(fc.stringMatching(/^[a-z]([a-z0-9.-]{0,8}[a-z0-9])?$/), text, { maxKeys: 3 })

const workload = fc.record({ name: dnsLabel, namespace: dnsLabel, labels, annotations: fc.dictionary(key, text, { maxKeys: 3 }), extra: fc.dictionary(key, json, { maxKeys: 3 }), port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }) }).map(
  ({ name, namespace, labels, annotations, extra, port }): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels, annotations },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'x', ...(port ? { ports: [{ containerPort: port }] } : {}) }], extra } },
    },
  }),
)
const service = fc.record({ name: dnsLabel, namespace: dnsLabel, port: fc.integer({ min: 1, max: 65535 }), target: fc.oneof(fc.integer({ min: 1, max: 65535 }), dnsLabel) }).map(
  ({ name, namespace, port, target }): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { selector: { app: name }, ports: [{ name: 'http', port, targetPort: target }] } }),
)
const configMap = fc.record({ name: dnsLabel, data: fc.dictionary(key, text, { maxKeys: 4 }), other: fc.dictionary(key, json, { maxKeys: 2 }) }).map(
  ({ name, data, other }): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data, ...other }),
)
const policy = fc.record({ namespace: dnsLabel, issuer: text, paths: fc.array(text, { maxLength: 3 }) }).map(
  ({ namespace, issuer, paths }): KubeObject => ({
    apiVersion: 'authentication.istio.io/v1alpha1',
    kind: 'Policy',
    metadata: { name: 'default', namespace },
    spec: { peers: [{ mtls: {} }], origins: [{ jwt: { issuer, jwksUri: 'https://example.com/jwks.json', trigger_rules: [{ excluded_paths: paths.map((exact) => ({ exact })) }] } }] },
  }),
)

/** Unique keys, as a design holds them (R26: a later duplicate replaces the earlier). */
const manifests = fc.array(fc.oneof(workload, service, configMap, policy), { minLength: 1, maxLength: 6 }).map((list) => [...new Map(list.map((o) => [keyOf(o), o])).values()])

function sorted(list: readonly KubeObject[]): KubeObject[] {
  return [...list].sort((a, b) => keyOf(a).localeCompare(keyOf(b)))
}

/** Every key is a string and each value keeps its JSON type: checked by deep equality, plus this. */
function typesOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(typesOf)
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [`${typeof k}:${k}`, typesOf(v)]))
  return value === null ? 'null' : typeof value
}

describe('import -> export -> import', () => {
  it('is the identity on the objects, and no key or scalar changes type', () => {
    fc.assert(
      fc.property(manifests, (objects) => {
        const first = importYamlText(stringifyManifests(objects), 'generated.yaml')
        expect(first.problems).toEqual([])
        // What we wrote is what we read: the YAML 1.1 reader saw no boolean, number or null where a string was.
        expect(sorted(first.objects)).toEqual(sorted(objects))
        const second = importYamlText(exportAllYaml({ resources: first.objects }), 'exported.yaml')
        expect(second.problems).toEqual([])
        expect(sorted(second.objects)).toEqual(sorted(first.objects))
        expect(typesOf(sorted(second.objects))).toEqual(typesOf(sorted(objects)))
        // The shell block carries the same YAML between its delimiters.
        const block = exportKubectlApply({ resources: first.objects })
        const body = block.slice(block.indexOf('\n') + 1, -'EOF\n'.length)
        expect(sorted(importYamlText(body, 'block.yaml').objects)).toEqual(sorted(first.objects))
      }),
      { numRuns: 200 },
    )
  }, 120_000)
})
