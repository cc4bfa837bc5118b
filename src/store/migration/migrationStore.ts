/**
 * The alpha -> modern migration as a small store of its own, next to the designer's (like the
 * workshop's): a preview (convert, both grids, the differences) and, once the user opens the
 * converted design, a live check of the design against the alpha baseline, so adjusting the converted
 * objects shows the difference shrink. It drives the designer only through its public actions.
 */
import { create } from 'zustand'
import { honoursV1alpha1, LATEST_PROFILE, type EngineOptions, type IstioProfile, type KubeObject } from '../../engine'
import { checkMigration, type MigrationCheck } from '../../engine/migrate'
import type { DesignerHandle } from '../workshop/applyStep'
import { migrationRequest } from './migrationRequest'

export interface MigrationPreview {
  from: IstioProfile
  to: IstioProfile
  check: MigrationCheck | undefined
  computing: boolean
  error: string | undefined
}

export interface LiveMigration {
  /** The alpha design the migration started from, and the profile it was read under. */
  baseline: { resources: readonly KubeObject[]; options: EngineOptions }
  check: MigrationCheck | undefined
  computing: boolean
}

export interface MigrationStore {
  preview: MigrationPreview | undefined
  live: LiveMigration | undefined
  /** Opens the preview for the current design. */
  openPreview(): void
  closePreview(): void
  setProfiles(from: IstioProfile, to: IstioProfile): void
  /** Puts the converted design into the designer on the target profile and keeps checking it. */
  accept(): void
  /** Ends the live check (the designer keeps the converted design). */
  finish(): void
  /** Resolves when the current computation is done (tests). */
  settled(): Promise<void>
}

/** True when the design holds v1alpha1 authentication policies a migration would convert. */
export function hasAlphaPolicies(resources: readonly KubeObject[]): boolean {
  return resources.some((o) => (o.kind === 'Policy' || o.kind === 'MeshPolicy') && (o.apiVersion ?? '').startsWith('authentication.istio.io/'))
}

/** The profile to read the alpha objects under: the design's own when it has v1alpha1, else 1.0 (the seed's). */
function alphaProfileOf(options: EngineOptions): IstioProfile {
  return honoursV1alpha1(options.profile) ? options.profile : '1.0'
}

export function createMigrationStore(designer: DesignerHandle, clock: () => number = () => Math.floor(Date.now() / 1000)) {
  let generation = 0
  let pending: Promise<void> = Promise.resolve()
  let unsubscribe: (() => void) | undefined

  const store = create<MigrationStore>()((set, get) => {
    function runPreview(): void {
      const preview = get().preview
      if (!preview) return
      const mine = ++generation
      const d = designer.getState()
      set({ preview: { ...preview, computing: true, error: undefined } })
      pending = checkMigration({ objects: d.resources, from: { ...d.options, profile: preview.from }, to: preview.to, request: migrationRequest(d.request, clock()) }).then(
        (check) => {
          const now = get().preview
          if (mine === generation && now) set({ preview: { ...now, check, computing: false } })
        },
        (error: unknown) => {
          const now = get().preview
          if (mine === generation && now) set({ preview: { ...now, check: undefined, computing: false, error: error instanceof Error ? error.message : String(error) } })
        },
      )
    }

    function runLive(): void {
      const live = get().live
      if (!live) return
      const mine = ++generation
      const d = designer.getState()
      set({ live: { ...live, computing: true } })
      const input = { objects: live.baseline.resources, from: live.baseline.options, to: d.options.profile, adjusted: d.resources, request: migrationRequest(d.request, clock()) }
      pending = checkMigration(input).then(
        (check) => {
          const now = get().live
          if (mine === generation && now) set({ live: { ...now, check, computing: false } })
        },
        (error: unknown) => {
          console.error('Migration check failed:', error)
          const now = get().live
          if (mine === generation && now) set({ live: { ...now, computing: false } })
        },
      )
    }

    return {
      preview: undefined,
      live: undefined,
      openPreview() {
        const options = designer.getState().options
        set({ preview: { from: alphaProfileOf(options), to: LATEST_PROFILE, check: undefined, computing: true, error: undefined } })
        runPreview()
      },
      closePreview() {
        generation++
        set({ preview: undefined })
      },
      setProfiles(from, to) {
        const preview = get().preview
        if (!preview) return
        set({ preview: { ...preview, from, to } })
        runPreview()
      },
      accept() {
        const preview = get().preview
        const check = preview?.check
        if (!preview || !check) return
        const d = designer.getState()
        const baseline = { resources: d.resources, options: { ...d.options, profile: preview.from } }
        set({ preview: undefined, live: { baseline, check, computing: false } })
        d.loadResources(check.migration.objects, 'import', d.layout, { ...d.options, profile: preview.to })
        unsubscribe ??= designer.subscribe((state, previous) => {
          if (state.resources !== previous.resources || state.options !== previous.options || state.request !== previous.request) runLive()
        })
        runLive()
      },
      finish() {
        generation++
        unsubscribe?.()
        unsubscribe = undefined
        set({ live: undefined })
      },
      async settled() {
        let seen: Promise<void>
        do {
          seen = pending
          await seen
        } while (seen !== pending)
      },
    }
  })
  return store
}

export type MigrationStoreHook = ReturnType<typeof createMigrationStore>
