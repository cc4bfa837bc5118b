/**
 * Test fixtures for the modern profiles: the task workloads (scenarios/modern/taskWorkloads.ts), object
 * builders for the security kinds, and a runner that prints a grid the way istio-semantics-modern.md
 * section 14 writes it: `f->F` (sleep.foo -> httpbin.foo:8000) = `200`, `56` (000 + exit 56), `52`, ...
 */
import { buildModel, type Model } from '..'
import { computeGrid } from '../evaluate/grid'
import { explainExternal, explainWorkloadCell, type CellExplanation } from '../evaluate/explain'
import { prepareEvaluation } from '../evaluate/prepare'
import { listClients, listTargets } from '../evaluate/targets'
import { verdictById } from '../decide/verdicts'
import { genJwtLikeIstio } from '../jwt/signToken'
import { ISTIO_SAMPLE_PRIVATE_KEY_PEM } from '../jwt/sampleKey'
import type { KeySets } from '../jwt/keySets'
import type { EngineOptions, IstioProfile, KubeObject, RequestProfile, Verdict } from '../types'
import { modernTaskWorkloads } from '../../scenarios/modern/taskWorkloads'

export const NOW = 1_795_000_000
export const SAMPLE_JWKS_URI = 'https://raw.githubusercontent.com/istio/istio/release-1.30/security/tools/jwt/samples/jwks.json'

type Spec = Record<string, unknown>
type Meta = { creationTimestamp?: string; annotations?: Record<string, string> }

function security(kind: string, ns: string, name: string, spec: Spec, meta: Meta = {}, version = 'v1beta1'): KubeObject {
  return { apiVersion: `security.istio.io/${version}`, kind, metadata: { name, namespace: ns, ...meta }, spec }
}

export const pa = (ns: string, name: string, spec: Spec, meta?: Meta, version?: string) => security('PeerAuthentication', ns, name, spec, meta, version)
export const ra = (ns: string, name: string, spec: Spec, meta?: Meta, version?: string) => security('RequestAuthentication', ns, name, spec, meta, version)
export const ap = (ns: string, name: string, spec: Spec, meta?: Meta, version?: string) => security('AuthorizationPolicy', ns, name, spec, meta, version)

export function dr(ns: string, name: string, host: string, trafficPolicy?: Spec, extra: Spec = {}): KubeObject {
  return { apiVersion: 'networking.istio.io/v1beta1', kind: 'DestinationRule', metadata: { name, namespace: ns }, spec: { host, ...(trafficPolicy ? { trafficPolicy } : {}), ...extra } }
}

export const strict = (ns: string, name = 'default') => pa(ns, name, { mtls: { mode: 'STRICT' } })
export const HTTPBIN = { matchLabels: { app: 'httpbin' } }
export const sampleRa = (ns: string, name: string, extra: Spec = {}, selector: Spec | undefined = HTTPBIN) =>
  ra(ns, name, { ...(selector ? { selector } : {}), jwtRules: [{ issuer: 'testing@secure.istio.io', jwksUri: SAMPLE_JWKS_URI, ...extra }] })

/** The ingress objects of the tasks: Gateway + VirtualService routing everything to httpbin.foo:8000. */
export function ingressTo(ns = 'foo'): KubeObject[] {
  return [
    {
      apiVersion: 'networking.istio.io/v1beta1',
      kind: 'Gateway',
      metadata: { name: 'httpbin-gateway', namespace: ns },
      spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }] },
    },
    {
      apiVersion: 'networking.istio.io/v1beta1',
      kind: 'VirtualService',
      metadata: { name: 'httpbin', namespace: ns },
      spec: { hosts: ['*'], gateways: ['httpbin-gateway'], http: [{ route: [{ destination: { host: `httpbin.${ns}.svc.cluster.local`, port: { number: 8000 } } }] }] },
    },
  ]
}

/** A token like `gen-jwt.py key.pem` prints (the sample issuer, signed by the sample key). */
export function sampleToken(options: { expireSeconds?: number; now?: number; claims?: Record<string, unknown>; aud?: string | string[]; iss?: string } = {}): Promise<string> {
  return genJwtLikeIstio({ privateKeyPem: ISTIO_SAMPLE_PRIVATE_KEY_PEM, now: options.now ?? NOW - 10, ...options })
}

export interface RunOptions {
  request?: Partial<RequestProfile>
  options?: Partial<EngineOptions>
  keySets?: KeySets
  /** Workloads; default the task's (foo, bar, legacy) for the profile. */
  workloads?: KubeObject[]
}

export interface RunResult {
  model: Model
  /** `f->F` ... plus `ext` when a route exists: codes as section 14 writes them. */
  cells: Record<string, string>
  verdicts: Record<string, Verdict>
  explain: (key: string) => CellExplanation
}

export function short(v: Verdict): string {
  return v.code === '000' ? String(v.exit) : v.code
}

/** Builds the model, evaluates every sleep -> httpbin cell and the external request. */
export async function runGrid(profile: IstioProfile, objects: readonly KubeObject[], run: RunOptions = {}): Promise<RunResult> {
  const options: EngineOptions = { profile, r11: 'documented', ...run.options }
  const model = buildModel([...(run.workloads ?? modernTaskWorkloads(profile)), ...objects], options)
  const request: RequestProfile = { path: '/ip', headers: {}, now: NOW, ...run.request }
  const ctx = await prepareEvaluation(model.mesh, request, run.keySets ?? new Map(), options)
  const clients = listClients(model.mesh)
  const targets = listTargets(model.mesh)
  const grid = computeGrid(ctx, clients, targets, { external: true })
  const cells: Record<string, string> = {}
  const verdicts: Record<string, Verdict> = {}
  const where = new Map<string, () => CellExplanation>()
  clients.forEach((c, i) => {
    targets.forEach((t, j) => {
      const key = `${c.namespace[0]}->${t.service.namespace[0]?.toUpperCase()}${t.port.number === 8000 ? '' : `:${t.port.number}`}`
      const v = verdictById(grid.cells[i * targets.length + j] as number) as Verdict
      cells[key] = short(v)
      verdicts[key] = v
      where.set(key, () => explainWorkloadCell(ctx, c, t))
    })
  })
  if (grid.external) {
    const v = verdictById(grid.external.verdict) as Verdict
    cells.ext = short(v)
    verdicts.ext = v
    where.set('ext', () => explainExternal(ctx))
  }
  return {
    model,
    cells,
    verdicts,
    explain: (key) => {
      const f = where.get(key)
      if (!f) throw new Error(`no cell ${key}`)
      return f()
    },
  }
}

/** Admission findings (code and path) for one object under a profile. */
export function admitCodes(profile: IstioProfile, object: KubeObject): { accepted: boolean; codes: string[]; messages: string[]; paths: string[] } {
  const model = buildModel([object], { profile, r11: 'documented' })
  const own = model.admission.diagnostics.filter((d) => d.index === 0)
  return {
    accepted: model.admission.accepted.some((a) => a.index === 0),
    codes: own.map((d) => d.code),
    messages: own.map((d) => d.message),
    paths: own.map((d) => (d.path ?? []).join('.')),
  }
}
