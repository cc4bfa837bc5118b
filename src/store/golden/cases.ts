/**
 * The designs of the golden grid test: the seed and synthetic meshes of several sizes and shapes, in
 * both profiles, as loaded and after one edit (a client's sidecar switched off).
 */
import type { EngineOptions, KubeObject } from '../../engine'
import { seedWorkloads } from '../../scenarios/seed'
import { syntheticMesh, variedMesh } from '../../scenarios/synthetic/syntheticMesh'
import { setAppSidecar } from '../commands'

export interface GoldenCase {
  name: string
  resources: () => KubeObject[]
  options: EngineOptions
  /** The edit applied after loading (the canvas's sidecar switch on one client). */
  edit: (resources: readonly KubeObject[]) => KubeObject[]
}

const MESHES: [string, () => KubeObject[], string][] = [
  ['seed', seedWorkloads, 'Deployment/foo/sleep'],
  ['synthetic-10', () => syntheticMesh(10), 'Deployment/ns-1/client'],
  ['synthetic-30x2', () => syntheticMesh(30, 2), 'Deployment/ns-1/client-1'],
  ['synthetic-50x4', () => syntheticMesh(50, 4), 'Deployment/ns-1/client'],
  ['varied-20', () => variedMesh(20), 'Deployment/ns-1/client'],
  ['varied-40x2', () => variedMesh(40, 2), 'Deployment/ns-4/client'],
  ['varied-50x4', () => variedMesh(50, 4), 'Deployment/ns-7/client-2'],
]

export const GOLDEN_CASES: GoldenCase[] = MESHES.flatMap(([name, resources, client]) =>
  (['1.0', '1.1'] as const).map((profile) => ({
    name: `${name} ${profile}`,
    resources,
    options: { profile, r11: 'documented' as const },
    edit: (r: readonly KubeObject[]) => {
      const next = setAppSidecar(r, client, false)
      if (!Array.isArray(next)) throw new Error(`golden edit refused: ${next.message}`)
      return next
    },
  })),
)
