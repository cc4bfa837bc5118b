/**
 * Fuzzing the whole path a manifest takes (parse -> admission -> model -> grid -> explanation) with
 * fast-check: generated and mutated manifests must each end in a grid or coded findings, with no
 * exception and within a time bound. A failing input found here goes into REGRESSIONS below with
 * the fast-check seed that found it, so it is checked on every run from then on.
 */
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { parseManifests, stringifyManifests } from '../yaml'
import { PROFILES, runPipeline } from './pipeline'

/** Inputs that once failed, with the seed that found them (0: found by hand while writing this suite). */
const REGRESSIONS: { seed: number; text: string }[] = [
  // A kind named after an Object.prototype member crashed admission (`served.join is not a function`).
  { seed: 0, text: 'apiVersion: v1\nkind: constructor\nmetadata: {name: x}\n' },
  // 3,000 unclosed flow levels: "Maximum call stack size exceeded" before YAML005.
  { seed: 0, text: `kind: ConfigMap\nmetadata: {name: x}\ndata: ${'['.repeat(3000)}\n` },
]

/** Split over two files (fuzz.test.ts, fuzzMore.test.ts) so both cores work: 2 x 5,000 inputs by default. */
export const DEFAULT_RUNS = 5_000
/** A hang, not a slow run: the slowest input is reported, and must stay far below this. */
const MAX_MS_PER_INPUT = 5_000

/** The seed's text comes from the test files (this module is built without Node's types). */
let seedYaml = ''

const smallDesign = () => [
  seedYaml.split(/^---$/m).slice(0, 6).join('---'),
  `apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata: {name: default, namespace: foo}
spec:
  peers: [{mtls: {mode: PERMISSIVE}}]
  origins:
  - jwt:
      issuer: testing@secure.istio.io
      jwksUri: https://raw.githubusercontent.com/istio/istio/release-1.1/security/tools/jwt/samples/jwks.json
      trigger_rules: [{excluded_paths: [{exact: /health}], included_paths: [{regex: "/ip|/head.*"}]}]
  principalBinding: USE_ORIGIN
`,
  `apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata: {name: d, namespace: foo}
spec: {host: "*.foo.svc.cluster.local", trafficPolicy: {tls: {mode: ISTIO_MUTUAL}, portLevelSettings: [{port: {number: 8000}, tls: {mode: DISABLE}}]}}
`,
  `apiVersion: networking.istio.io/v1alpha3
kind: Gateway
metadata: {name: httpbin-gateway, namespace: foo}
spec: {selector: {istio: ingressgateway}, servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]}
---
apiVersion: networking.istio.io/v1alpha3
kind: VirtualService
metadata: {name: httpbin, namespace: foo}
spec:
  hosts: ["*"]
  gateways: [httpbin-gateway]
  http:
  - match: [{uri: {regex: "(.*.*.*.*.*.*)*x"}}, {uri: {prefix: /ip}}]
    route: [{destination: {host: httpbin.foo.svc.cluster.local, port: {number: 8000}}}]
`,
  `apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Namespace, metadata: {name: bar, labels: {istio-injection: enabled}}}
- 42
- [a, b]
- {apiVersion: v1, kind: Secret, metadata: {name: s, namespace: bar}, data: {k: c2VjcmV0}}
`,
  `base: &base {apiVersion: v1, kind: Namespace}
<<: *base
metadata: {name: merged}
`,
].join('\n---\n')

/** The manifests to try, built once the seed's text is known. */
function manifests(): fc.Arbitrary<string> {
  const SMALL_DESIGN = smallDesign()
  const corpus = parseManifests(SMALL_DESIGN).objects
  const corpusText = stringifyManifests(corpus)
  // Each object's text on its own, so inputs can be a few objects without stringifying per input.
  const objectTexts = corpus.map((o) => stringifyManifests([o]))

  const scalar = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.string({ unit: 'grapheme', maxLength: 10 }),
    fc.integer(),
    fc.double(),
    fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, 0, -0, 65536, 70000, '0755', 'yes', 'on', '~', 'null', '1:20', '\u0000', '\uFEFF', '\t', '😀'),
    fc.boolean(),
    fc.constant(null),
  )
  const anyValue = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 3 })),
  })).value

  /** Every path (keys and indexes) inside a JSON value. */
  function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
    out.push(prefix)
    if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out))
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out)
    return out
  }

  function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
    if (path.length === 0) return value
    const copy = structuredClone(root) as Record<string | number, unknown>
    let node = copy
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
    Object.defineProperty(node, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true })
    return copy
  }

  /** Wrong types (and odd values) for any field of any object of the corpus, among a few others. */
  const wrongField = fc
    .record({ object: fc.nat({ max: corpus.length - 1 }), others: fc.subarray(corpus, { maxLength: 5 }), pick: fc.nat(), value: anyValue, more: fc.array(fc.tuple(fc.nat(), anyValue), { maxLength: 2 }) })
    .map(({ object, others, pick, value, more }) => {
      // The mutated object among a few others, so cross-object checks see it too.
      const objects = [corpus[object], ...others].map((o) => structuredClone(o) as unknown)
      let target = objects[0]
      for (const [p, v] of [[pick, value] as const, ...more]) {
        const all = paths(target)
        target = setAt(target, all[p % all.length]!, v)
      }
      objects[0] = target
      return objects.map((o) => JSON.stringify(o)).join('\n---\n')
    })

  /** Text damage: flips, cuts, insertions of the characters that break YAML. */
  const SPECIAL = ['\t', '\r\n', '\u0000', '\uFEFF', '&a ', '*a', '<<: *a\n', '{', '[', ']', '}', '"', "'", ':', '- ', '|', '>', '#', '%YAML 1.2\n', '---\n', '...\n', '!!binary ', '!!python/object ', 'é', '😀', '\u202E']
  const textDamage = fc
    .record({
      base: fc.oneof(
        { weight: 1, arbitrary: fc.constantFrom(corpusText, SMALL_DESIGN) },
        { weight: 4, arbitrary: fc.subarray(objectTexts, { minLength: 1, maxLength: 5 }).map((texts) => texts.join('---\n')) },
      ),
      edits: fc.array(
        fc.oneof(
          fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat({ max: 15 }) }),
          fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
          fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ maxLength: 6 })) }),
          fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
        ),
        { minLength: 1, maxLength: 4 },
      ),
    })
    .map(({ base, edits }) => {
      let text = base
      for (const edit of edits) {
        const at = text.length === 0 ? 0 : edit.at % text.length
        if (edit.kind === 'flip') text = text.slice(0, at) + String.fromCharCode((text.charCodeAt(at) ^ (1 << edit.bit)) & 0xffff) + text.slice(at + 1)
        else if (edit.kind === 'cut') text = text.slice(0, at)
        else if (edit.kind === 'insert') text = text.slice(0, at) + edit.text + text.slice(at)
        else {
          const start = text.lastIndexOf('\n', at) + 1
          const end = text.indexOf('\n', at)
          const line = text.slice(start, end === -1 ? text.length : end + 1)
          text = text.slice(0, start) + line + line + text.slice(start + line.length)
        }
      }
      return text
    })

  /** Shapes that stress the parser and the checks on purpose. */
  const hostileShape = fc.oneof(
    fc.nat({ max: 300 }).map((n) => `kind: ConfigMap\nmetadata: {name: x}\ndata: ${'['.repeat(n)}${']'.repeat(n)}\n`),
    fc.nat({ max: 120 }).map((n) => `kind: ConfigMap\nmetadata: {name: x}\ndata:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i + 1)}k:\n`).join('')}x: 1\n`),
    fc.nat({ max: 400 }).map((n) => `kind: ConfigMap\nmetadata: {name: x}\ndata:\n${Array.from({ length: n }, (_, i) => `  k${i % 50}: v\n`).join('')}`),
    fc.nat({ max: 30 }).map((n) => `a: &a [x, x]\n${Array.from({ length: n }, (_, i) => `b${i}: &b${i} [*${i === 0 ? 'a' : `b${i - 1}`}, *${i === 0 ? 'a' : `b${i - 1}`}]`).join('\n')}\nkind: Namespace\nmetadata: {name: n}\n`),
    fc.array(fc.oneof(anyValue, fc.constant('str')), { maxLength: 4 }).map((items) => `apiVersion: v1\nkind: List\nitems: ${JSON.stringify(items)}\n`),
    fc.string({ maxLength: 40 }).map((regex) => `apiVersion: networking.istio.io/v1alpha3\nkind: VirtualService\nmetadata: {name: v, namespace: foo}\nspec: {hosts: ["*"], gateways: [g], http: [{match: [{uri: {regex: ${JSON.stringify(regex)}}}], route: [{destination: {host: h}}]}]}\n`),
    fc.string({ unit: 'binary', maxLength: 200 }),
  )

  return fc.oneof({ weight: 4, arbitrary: wrongField }, { weight: 4, arbitrary: textDamage }, { weight: 2, arbitrary: hostileShape })

}

let count = 0
let slowest = { ms: 0, text: '' }

async function check(text: string): Promise<void> {
  const started = performance.now()
  // One profile per input, alternating; a signed token (WebCrypto) on one input in eight.
  const result = await runPipeline(text, 2, { profiles: [PROFILES[count % 2]!], token: count % 8 === 0 })
  const ms = performance.now() - started
  count++
  if (ms > slowest.ms) slowest = { ms, text }
  // A grid or coded findings: every finding has a code.
  expect(result.findings.every((code) => /^[A-Z][A-Z0-9]*[0-9]{3}$/.test(code))).toBe(true)
  expect(ms).toBeLessThan(MAX_MS_PER_INPUT)
}

export function fuzzSuite(seed: number, setup: { seedYaml: string; runs: number }): void {
  seedYaml = setup.seedYaml
  const manifest = manifests()
  const RUNS = setup.runs
  afterAll(() => {
    const shown = slowest.text.length > 120 ? `${JSON.stringify(slowest.text.slice(0, 120))}... (${slowest.text.length} chars)` : JSON.stringify(slowest.text)
    console.log(`fuzz (seed ${seed}): ${count} manifests through parse -> admission -> model -> grid; slowest ${slowest.ms.toFixed(1)} ms: ${shown}`)
  })

  describe(`Fuzzed manifests (seed ${seed})`, () => {
    it.each(REGRESSIONS.map((r, i) => [i, r] as const))('regression %i still ends in a grid or findings', async (_i, { text }) => {
      await check(text)
    })

    it(`${RUNS} generated and mutated manifests end in a grid or coded findings, none throws`, async () => {
      await fc.assert(
        fc.asyncProperty(manifest, async (text) => {
          await check(text)
        }),
        { numRuns: RUNS, seed, endOnFailure: true },
      )
    }, 600_000)
  })
}
