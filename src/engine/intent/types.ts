/**
 * Intent: what must happen between sets of clients and sets of targets. Pure data, shared by the
 * intent.yaml format (src/intent), the checker, the difference view and the fix search.
 */

/** Who sends: one workload, every workload of a namespace, all (non-)sidecar clients, the outside, everyone. */
export type ClientSet =
  | { kind: 'all' }
  | { kind: 'sidecar'; sidecar: boolean }
  | { kind: 'namespace'; namespace: string }
  | { kind: 'workload'; name: string; namespace: string }
  | { kind: 'external' }

/** Who receives: one service port, every port of a service, every service of a namespace, everything. */
export type TargetSet =
  | { kind: 'all' }
  | { kind: 'namespace'; namespace: string }
  | { kind: 'service'; name: string; namespace: string }
  | { kind: 'port'; name: string; namespace: string; port: number | string }

/**
 * `allow`: curl prints a 2xx. `deny`: anything else. `code`: exactly this HTTP code (`403`), or
 * `000` with an optional curl exit status (`000/56`).
 */
export type ExpectedOutcome = { kind: 'allow' } | { kind: 'deny' } | { kind: 'code'; code: string; exit?: number }

/** A request other than the designer's (or the CLI's) current one. Unset fields keep the current value. */
export interface IntentRequest {
  method?: string
  path?: string
  /** `none` (no token), `demo` (Istio's demo JWT) or a compact JWT. */
  token?: string
}

export interface Expectation {
  from: ClientSet
  to: TargetSet
  expect: ExpectedOutcome
  request?: IntentRequest
  /** Where it was written (1-based line of its list item), for messages; 0 when made in the grid. */
  line: number
}

/** One client row of a grid as the matcher sees it. */
export type ClientRef = { kind: 'workload'; name: string; namespace: string; sidecar: boolean } | { kind: 'external' }

/** One column of a grid as the matcher sees it. */
export interface TargetRef {
  service: string
  namespace: string
  port: number
  portName: string
}
