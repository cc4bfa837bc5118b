/**
 * The meaning checks of a lesson, step by step against the engine's model of that step: deletes
 * name existing objects, the embedded YAML parses, clients and targets exist, and the expected grid
 * names exactly the probes the request sends.
 */
import { buildModel, clientLabel, type Diagnostic, type KubeObject, type Model } from '../../engine'
import { locate, type ParsedManifests } from '../../yaml'
import { lessonOptions, lessonStepModel } from '../model'
import { probesFor } from '../requests'
import { describeRef, lessonBuild } from '../resources'
import type { Lesson, LessonStep } from '../types'
import type { Path } from './positions'
import { report, type Problems } from './shape'
import { checkSpoilers } from './spoilers'

function yamlProblems(problems: Problems, parsed: ParsedManifests, path: Path): void {
  for (const d of parsed.diagnostics) {
    report(problems, { path, target: 'value', block: { line: d.range.line, column: d.range.column }, message: d.message, warning: d.severity !== 'error' })
  }
}

/** Admission findings of objects this step applied point into its YAML; others are reported once. */
function modelProblems(problems: Problems, model: Model, objects: readonly KubeObject[], applied: ParsedManifests | undefined, path: Path, seen: Set<string>): void {
  const errors = model.diagnostics.filter((d: Diagnostic) => d.severity === 'error')
  for (const d of errors) {
    const id = `${d.code} ${d.resource ?? ''} ${d.message}`
    const object = d.index === undefined ? undefined : objects[d.index]
    const at = applied && object !== undefined ? applied.objects.indexOf(object) : -1
    const source = applied?.sources[at]
    if (source) {
      const range = locate(source, d.path ?? [])
      report(problems, { path, target: 'value', block: { line: range.line, column: range.column }, message: `${d.code}: ${d.message} (Istio would reject it)`, warning: true })
    } else if (!seen.has(id)) {
      report(problems, { path, target: 'value', message: `${d.code}: ${d.message}${d.resource ? ` (${d.resource})` : ''}`, warning: true })
    }
    seen.add(id)
  }
}

function gridKeyProblems(problems: Problems, expected: Record<string, string>, sent: readonly string[], path: Path, what: string): void {
  const sentSet = new Set(sent)
  const missing = sent.filter((k) => !(k in expected))
  if (missing.length > 0) {
    report(problems, { path, target: 'key', message: `missing ${missing.map((k) => JSON.stringify(k)).join(', ')}: the request sends ${missing.length === 1 ? 'it' : 'them'}, so ${what} must say what ${missing.length === 1 ? 'it prints' : 'they print'}` })
  }
  for (const key of Object.keys(expected)) {
    if (!sentSet.has(key)) report(problems, { path: [...path, key], shown: path, message: `"${key}": the request sends no such probe; it sends ${sent.map((k) => JSON.stringify(k)).join(', ')}` })
  }
}

function checkStep(problems: Problems, lesson: Lesson, step: LessonStep, i: number, model: Model): void {
  const { probes, problems: requestProblems } = probesFor(model.mesh, step.request)
  for (const p of requestProblems) report(problems, { path: ['steps', i, 'request', p.field, p.index], target: 'value', message: p.message })
  if (requestProblems.length > 0) return
  gridKeyProblems(problems, step.expect.grid, [...new Set(probes.map((p) => p.key))], ['steps', i, 'expect', 'grid'], 'the grid')
  if (step.expect.tlsCheck) {
    const sidecarPairs = probes
      .filter((p) => model.mesh.workloads.find((w) => clientLabel(w) === p.from)?.sidecar === true)
      .map((p) => `${p.from} -> ${p.target}`)
    gridKeyProblems(problems, step.expect.tlsCheck, [...new Set(sidecarPairs)], ['steps', i, 'expect', 'tlsCheck'], 'tlsCheck (pairs whose client has a sidecar)')
  }
  if (lesson.profile === '1.1' && i === 0 && lesson.r11) {
    report(problems, { path: ['r11'], target: 'value', message: 'r11 is a rule of the 1.0 profile only; the 1.1 profile ignores it', warning: true })
  }
}

/** Checks every step of a lesson whose shape is already valid (and warms the per-step caches). */
export function checkSteps(problems: Problems, lesson: Lesson): void {
  const build = lessonBuild(lesson)
  yamlProblems(problems, build.base, ['base'])
  const seen = new Set<string>()
  modelProblems(problems, buildModel(build.base.objects, lessonOptions(lesson)), build.base.objects, build.base, ['base'], seen)
  build.steps.forEach((state, i) => {
    const step = lesson.steps[i] as LessonStep
    state.missingDeletes.forEach((j) => {
      const ref = step.delete?.[j]
      if (ref) report(problems, { path: ['steps', i, 'delete', j], message: `${describeRef(ref)} does not exist ${i === 0 ? 'in the base' : `after steps[${i - 1}]`}, so there is nothing to delete` })
    })
    if (state.applied) yamlProblems(problems, state.applied, ['steps', i, 'apply'])
    const model = lessonStepModel(lesson, i)
    modelProblems(problems, model, state.objects, state.applied, ['steps', i, 'apply'], seen)
    checkStep(problems, lesson, step, i, model)
    checkSpoilers(problems, step, i)
  })
}
