/**
 * Named versions of the design kept in this browser (localStorage), to compare the current design
 * with: the user's snapshots and the design as it was last exported. Corrupt entries are skipped.
 */
import type { EngineOptions, KubeObject } from '../../engine'
import { checkDesign } from '../design'
import type { StorageLike } from '../autosave'

export const SNAPSHOTS_KEY = 'mesh-auth-designer:snapshots:v1'
export const LAST_EXPORT = 'Last export'
const MAX_SNAPSHOTS = 30

export interface Snapshot {
  name: string
  savedAt: string
  resources: KubeObject[]
  options: EngineOptions
  intent?: string
}

export function readSnapshots(storage: StorageLike | undefined): Snapshot[] {
  let text: string | null = null
  try {
    text = storage?.getItem(SNAPSHOTS_KEY) ?? null
  } catch {
    return []
  }
  if (!text) return []
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return []
  }
  if (!Array.isArray(value)) return []
  const out: Snapshot[] = []
  for (const item of value) {
    if (typeof item !== 'object' || item === null) continue
    const { name, savedAt } = item as Record<string, unknown>
    if (typeof name !== 'string' || typeof savedAt !== 'string') continue
    const checked = checkDesign({ ...(item as object), v: 1 })
    if (checked.ok) out.push({ name, savedAt, resources: checked.value.resources, options: checked.value.options, ...(checked.value.intent !== undefined ? { intent: checked.value.intent } : {}) })
  }
  return out
}

/** Saves (or replaces, by name) a snapshot; the newest first, at most MAX_SNAPSHOTS. */
export function saveSnapshot(storage: StorageLike | undefined, snapshot: Snapshot): Snapshot[] {
  const list = [snapshot, ...readSnapshots(storage).filter((s) => s.name !== snapshot.name)].slice(0, MAX_SNAPSHOTS)
  try {
    storage?.setItem(SNAPSHOTS_KEY, JSON.stringify(list))
  } catch (error) {
    console.warn('Could not save the snapshot:', error)
  }
  return list
}

export function deleteSnapshot(storage: StorageLike | undefined, name: string): Snapshot[] {
  const list = readSnapshots(storage).filter((s) => s.name !== name)
  try {
    storage?.setItem(SNAPSHOTS_KEY, JSON.stringify(list))
  } catch (error) {
    console.warn('Could not delete the snapshot:', error)
  }
  return list
}
