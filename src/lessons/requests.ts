/**
 * A step's request as concrete probes: every client times every target, at every loop iteration.
 * A probe's `key` is how the step's expected grid names it.
 */
import { clientLabel, listClients, listTargets, resolveTarget, targetLabel, type Mesh } from '../engine'
import { lessonStepModel } from './model'
import { EXTERNAL_CLIENT, INGRESS_TARGET, type Lesson, type StepRequest, type TokenSpec } from './types'

export interface StepProbe {
  /** `sleep.foo -> httpbin.foo:8000`; loops add the time: `external -> istio-ingressgateway.istio-system:80 @t+3`. */
  key: string
  from: string
  target: string
  /** What curl is given: `http://httpbin.foo:8000/ip`, `https://kubernetes.default/api`, `http://$INGRESS_HOST/headers`. */
  url: string
  path: string
  token: TokenSpec
  /** Seconds after the lesson clock's start. */
  at: number
}

export const DEFAULT_PATH = '/ip'

export function cellKey(from: string, target: string, loopAt?: number): string {
  return `${from} -> ${target}${loopAt === undefined ? '' : ` @t+${loopAt}`}`
}

export interface RequestProblem {
  field: 'clients' | 'targets'
  index: number
  message: string
}

function urlOf(mesh: Mesh, from: string, target: string, path: string): string {
  if (from === EXTERNAL_CLIENT) return `http://$INGRESS_HOST${path}`
  const [host = '', port = ''] = target.split(':')
  const resolved = resolveTarget(mesh, target, '')
  const https = resolved.ok ? resolved.target.port.name.startsWith('https') || resolved.target.port.number === 443 : port === '443'
  const defaultPort = https ? '443' : '80'
  return `${https ? 'https' : 'http'}://${host}${port === defaultPort ? '' : `:${port}`}${path}`
}

function checkClient(mesh: Mesh, client: string): string | undefined {
  if (client === EXTERNAL_CLIENT) return undefined
  const workload = mesh.workloads.find((w) => clientLabel(w) === client)
  if (!workload) return `no workload ${client} at this step (clients are Deployment.namespace, or external)`
  return undefined
}

function checkTarget(mesh: Mesh, target: string, external: boolean): string | undefined {
  if (external) return target === INGRESS_TARGET ? undefined : `\`external\` reaches the mesh only through the ingress gateway: its target is ${INGRESS_TARGET}`
  if (target === INGRESS_TARGET) return `${INGRESS_TARGET} is the external client's target; workloads probe services`
  const resolved = resolveTarget(mesh, target, '')
  return resolved.ok ? undefined : `${resolved.message} at this step`
}

/** The probes of a request against a mesh, and what in the request does not fit that mesh. */
export function probesFor(mesh: Mesh, request: StepRequest): { probes: StepProbe[]; problems: RequestProblem[] } {
  const clients = request.clients ?? listClients(mesh).map(clientLabel)
  const external = clients.includes(EXTERNAL_CLIENT)
  const targets = request.targets ?? (external ? [INGRESS_TARGET] : listTargets(mesh).map(targetLabel))
  const problems: RequestProblem[] = []
  clients.forEach((c, index) => {
    const message = checkClient(mesh, c)
    if (message) problems.push({ field: 'clients', index, message })
  })
  targets.forEach((t, index) => {
    const message = checkTarget(mesh, t, external)
    if (message) problems.push({ field: 'targets', index, message })
  })
  const path = request.path ?? DEFAULT_PATH
  const token = request.token ?? 'none'
  const start = request.at ?? 0
  const times = request.loop ? Array.from({ length: request.loop.count }, (_, i) => start + i * (request.loop?.intervalSeconds ?? 0)) : [start]
  const probes: StepProbe[] = []
  for (const at of times) {
    for (const from of clients) {
      for (const target of targets) {
        probes.push({ key: cellKey(from, target, request.loop ? at : undefined), from, target, url: urlOf(mesh, from, target, path), path, token, at })
      }
    }
  }
  return { probes, problems }
}

/**
 * The concrete requests of step `stepIndex`, in the order a loop over clients and targets sends them.
 * @example lessonStepRequests(lesson, 0)[0] // { key: 'sleep.bar -> httpbin.foo:8000', url: 'http://httpbin.foo:8000/ip', ... }
 */
export function lessonStepRequests(lesson: Lesson, stepIndex: number): StepProbe[] {
  const step = lesson.steps[stepIndex]
  if (!step) throw new RangeError(`lesson ${lesson.id} has no step ${stepIndex}`)
  const { probes, problems } = probesFor(lessonStepModel(lesson, stepIndex).mesh, step.request)
  const first = problems[0]
  if (first) throw new Error(`steps[${stepIndex}].request.${first.field}[${first.index}]: ${first.message}`)
  return probes
}
