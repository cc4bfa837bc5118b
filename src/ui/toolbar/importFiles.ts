/**
 * Files to import, read as text. What they hold is the store's business (`importYaml`): intent
 * documents apart from objects, parsing (in a worker when big), the checks, and the one undo step.
 */
import { MAX_IMPORT_CHARS, type ImportOutcome, type ImportSource } from '../../store'
import type { Notice } from './notice'

export function isYamlFile(file: File): boolean {
  return /\.ya?ml$/i.test(file.name)
}

/** Reads the files as text; one that is too large is not read at all (the store refuses it). */
export async function readFiles(files: readonly File[]): Promise<ImportSource[]> {
  return Promise.all(files.map(async (f) => (f.size > MAX_IMPORT_CHARS ? { name: f.name, text: '', tooLarge: true } : { name: f.name, text: await f.text() })))
}

/** What an import says: its refusal, or its summary (an error tone while the expectations have errors). */
export function importNotice(result: ImportOutcome, extra = ''): Omit<Notice, 'id'> {
  if (!result.ok) return { tone: 'error', text: result.message }
  // Problems in the expectations stay on screen until dismissed, like other errors.
  return { tone: result.intent && result.intent.errors > 0 ? 'error' : 'success', text: `${result.summary}${extra}` }
}
