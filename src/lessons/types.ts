/**
 * A lesson as data: a base set of resources and cumulative steps, each with one request and the grid
 * of codes it must print. The file format is described in FORMAT.md next to this file.
 */
import type { IstioProfile, R11Behaviour } from '../engine'

/** What a cell of a step's grid may hold: `formatVerdict` of the engine. */
export const CELL_CODES = ['200', '401', '403', '503', '404', '000 (56)', '000 (52)', '000 (35)', '000 (7)'] as const
export type CellCode = (typeof CELL_CODES)[number]

/** The external client (curl from outside the cluster) only reaches the ingress gateway. */
export const EXTERNAL_CLIENT = 'external'
/** The target the external client's requests name (`curl $INGRESS_HOST<path>`). */
export const INGRESS_TARGET = 'istio-ingressgateway.istio-system:80'

/** Named bases a lesson can start from instead of inline YAML. */
export const NAMED_BASES = ['seed-workloads'] as const
export type NamedBase = (typeof NAMED_BASES)[number]
/** The text of each named base, by name. */
export type LessonBases = Readonly<Partial<Record<NamedBase, string>>>

/**
 * The bearer token a request carries: none; Istio's demo token (valid until 2118); an opaque
 * Kubernetes service-account token (not a JWT); or one made like `gen-jwt.py key.pem --expire N`,
 * issued `issuedAtOffset` seconds after the lesson clock's start.
 */
export type TokenSpec = 'none' | 'demo' | 'serviceaccount' | { generate: { expireSeconds: number; issuedAtOffset?: number } }

export interface LoopSpec {
  count: number
  intervalSeconds: number
}

export interface StepRequest {
  /** `sleep.foo` (Deployment.namespace) or `external`. Default: every client workload of the step. */
  clients?: string[]
  /** `httpbin.foo:8000`, or INGRESS_TARGET for `external`. Default: every served service port. */
  targets?: string[]
  /** Default `/ip`. */
  path?: string
  token?: TokenSpec
  /** Seconds after the lesson clock's start; default 0. With `loop`, the first iteration's time. */
  at?: number
  loop?: LoopSpec
}

export interface ObjectRef {
  kind: string
  name: string
  /** Omitted: `default`, as kubectl does (ignored for Namespace and MeshPolicy). */
  namespace?: string
}

export interface StepExpect {
  /** `"client -> target"` (loops: `"client -> target @t+N"`) to the code curl prints. */
  grid: Record<string, CellCode>
  /** Optional `istioctl authn tls-check` rows: `"client -> target"` to `STATUS SERVER CLIENT POLICY RULE`. */
  tlsCheck?: Record<string, string>
}

export interface LessonStep {
  id: string
  title: string
  /** The heading of the task this step follows. */
  section: string
  /**
   * Shown before the reveal: what the step changes and what to think about. Never the step's answers
   * (a code of `expect.grid` named here is a warning). Markdown-lite: paragraphs separated by a blank
   * line, `code` spans.
   */
  explanation: string
  /** Shown after the reveal: what the request printed and why. Markdown-lite. */
  outcome?: string
  /** Multi-document YAML, applied after `delete` (like kubectl apply: same kind/namespace/name replaces). */
  apply?: string
  delete?: ObjectRef[]
  request: StepRequest
  expect: StepExpect
  /** What to type on a real cluster for the same step. */
  commands: string[]
  /** Where the task's text differs from what Istio does (shown after the reveal). */
  note?: string
  /** The seed state (S0...S13) this step's resources equal, and the seed table (T0a...T16) it prints. */
  seedState?: string
  seedTable?: string
}

export interface LessonBase {
  /** The named base it came from, when the file named one. */
  ref?: NamedBase
  yaml: string
}

export interface Lesson {
  id: string
  title: string
  summary: string
  profile: IstioProfile
  r11?: R11Behaviour
  base: LessonBase
  steps: LessonStep[]
}

/** A problem in a lesson file: where (1-based line and column when known) and which field. */
export interface LessonError {
  line?: number
  column?: number
  /** `steps[3].expect.grid`; empty for the whole file. */
  path: string
  message: string
}

export type ParseLessonResult =
  | { ok: true; lesson: Lesson; warnings: LessonError[] }
  | { ok: false; errors: LessonError[] }
