/** Files for the import (the parsing is the store's: store/importSources.ts). */
import { useDesignerStore } from '../../store'
import type { ImportResult, ImportSource } from '../../store/importSources'
import type { Notify } from './notice'

/** Same limit as the store's parseSources: a larger file is not even read. */
const MAX_CHARS = 5 * 1024 * 1024

export function isYamlFile(file: File): boolean {
  return /\.ya?ml$/i.test(file.name)
}

/** Reads the files as text; one that is too large is not read at all (parseSources refuses it). */
export async function readFiles(files: readonly File[]): Promise<ImportSource[]> {
  return Promise.all(files.map(async (f) => (f.size > MAX_CHARS ? { name: f.name, text: '', tooLarge: true } : { name: f.name, text: await f.text() })))
}

/**
 * Loads what parseSources read: objects replace the design (`replace`) or join it (`add`), an intent
 * file replaces or joins the expectations. Returns the problem to show when nothing was imported.
 */
export function importParsed(result: ImportResult, mode: 'replace' | 'add', notify: Notify, extra = ''): string | undefined {
  if (!result.ok) return result.message
  useDesignerStore.getState().importDesign(result.objects, result.intent?.text, mode)
  // Problems in the expectations stay on screen until dismissed, like other errors.
  notify({ tone: result.intent && result.intent.errors > 0 ? 'error' : 'success', text: `${result.summary}${extra}` })
  return undefined
}
