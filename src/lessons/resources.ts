/**
 * The resources in force at each step: the base, then every step's `delete` and `apply` in order,
 * the way `kubectl delete` and `kubectl apply` change a cluster.
 */
import type { KubeObject } from '../engine'
import { applyOps, type SeedOp } from '../scenarios/seed/replay'
import { parseManifests, type ParsedManifests } from '../yaml'
import type { Lesson, LessonStep, ObjectRef } from './types'

const CLUSTER_SCOPED = new Set(['Namespace', 'MeshPolicy'])

/** `Kind/namespace/name` as kubectl resolves it: no namespace means `default`; none for cluster-scoped kinds. */
export function refKey(kind: string, name: string, namespace: string | undefined): string {
  return `${kind}/${CLUSTER_SCOPED.has(kind) ? '' : (namespace ?? 'default')}/${name}`
}

export function describeRef(ref: ObjectRef): string {
  return CLUSTER_SCOPED.has(ref.kind) ? `${ref.kind} ${ref.name}` : `${ref.kind} ${ref.namespace ?? 'default'}/${ref.name}`
}

export interface StepBuild {
  /** The resources after this step. Shared between calls: do not mutate. */
  objects: KubeObject[]
  /** This step's `apply` as parsed (objects, their sources, YAML problems). */
  applied?: ParsedManifests
  /** Indices into the step's `delete` of objects that did not exist. */
  missingDeletes: number[]
}

export interface LessonBuild {
  base: ParsedManifests
  steps: StepBuild[]
}

/** Every step's resources, computed once per base text and steps. */
export function buildSteps(baseYaml: string, steps: readonly LessonStep[]): LessonBuild {
  const base = parseManifests(baseYaml, 'base')
  let objects: KubeObject[] = base.objects
  const out: StepBuild[] = []
  for (const step of steps) {
    const present = new Set(objects.map((o) => refKey(o.kind, o.metadata.name, o.metadata.namespace)))
    const missingDeletes: number[] = []
    const ops: SeedOp[] = []
    ;(step.delete ?? []).forEach((ref, i) => {
      if (!present.has(refKey(ref.kind, ref.name, ref.namespace))) missingDeletes.push(i)
      ops.push({ op: 'delete', kind: ref.kind, name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) })
    })
    const applied = step.apply === undefined ? undefined : parseManifests(step.apply, 'apply')
    for (const object of applied?.objects ?? []) ops.push({ op: 'apply', object })
    objects = applyOps(objects, ops)
    out.push(applied ? { objects, applied, missingDeletes } : { objects, missingDeletes })
  }
  return { base, steps: out }
}

const cache = new WeakMap<Lesson, LessonBuild>()

export function lessonBuild(lesson: Lesson): LessonBuild {
  let build = cache.get(lesson)
  if (!build) {
    build = buildSteps(lesson.base.yaml, lesson.steps)
    cache.set(lesson, build)
  }
  return build
}

/**
 * The resources in force once step `stepIndex` has been applied (base + every step up to it).
 * @example lessonStepResources(lesson, 2).filter((o) => o.kind === 'DestinationRule')
 */
export function lessonStepResources(lesson: Lesson, stepIndex: number): KubeObject[] {
  const step = lessonBuild(lesson).steps[stepIndex]
  if (!step) throw new RangeError(`lesson ${lesson.id} has no step ${stepIndex}`)
  return [...step.objects]
}
