/**
 * Files in and out. Import reads any multi-document stream (or a `kind: List`), keeping kinds we do
 * not model; export writes what a user applies: the Istio tab, everything, or a shell block.
 */
import type { KubeObject } from '../engine'
import { parseManifests, stringifyManifests, toKubectlApplyBlock } from '../yaml'
import { objectsOfTab } from './tabs'
import type { DesignerState } from './types'

/** A finding about an imported file (it is not one of the editor tabs yet). */
export interface ImportProblem {
  file: string
  line: number
  column: number
  endLine: number
  endColumn: number
  severity: 'error' | 'warning' | 'info'
  code: string
  message: string
}

/**
 * @example importYamlText(await file.text(), file.name) // { objects: [...], problems: [] }
 */
export function importYamlText(text: string, fileName: string): { objects: KubeObject[]; problems: ImportProblem[] } {
  const parsed = parseManifests(text, fileName)
  const problems = parsed.diagnostics.map((d) => ({
    file: fileName,
    line: d.range.line,
    column: d.range.column,
    endLine: d.range.endLine,
    endColumn: d.range.endColumn,
    severity: d.severity,
    code: d.code,
    message: d.message,
  }))
  return { objects: parsed.objects, problems }
}

type Exported = Pick<DesignerState, 'resources'>

/** Workloads first: kubectl needs a Namespace before the objects in it. */
function applyOrder(state: Exported): KubeObject[] {
  return [...objectsOfTab(state.resources, 'workloads'), ...objectsOfTab(state.resources, 'istio')]
}

export function exportIstioYaml(state: Exported): string {
  return stringifyManifests(objectsOfTab(state.resources, 'istio'))
}

export function exportAllYaml(state: Exported): string {
  return stringifyManifests(applyOrder(state))
}

/** The seed task's way to apply: `cat <<EOF | kubectl apply -f -` ... `EOF`, one block for the design. */
export function exportKubectlApply(state: Exported): string {
  const objects = applyOrder(state)
  return objects.length === 0 ? '' : toKubectlApplyBlock(objects)
}
