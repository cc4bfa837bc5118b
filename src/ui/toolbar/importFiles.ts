/**
 * Files to import, read as text. What they hold is the store's business (`importYaml`): parsing
 * (in a worker when big), the checks, and the one undo step.
 */
import { MAX_IMPORT_CHARS, type ImportSource } from '../../store'

export function isYamlFile(file: File): boolean {
  return /\.ya?ml$/i.test(file.name)
}

/** Reads the files as text; one that is too large is not read at all (the store refuses it). */
export async function readFiles(files: readonly File[]): Promise<ImportSource[]> {
  return Promise.all(files.map(async (f) => (f.size > MAX_IMPORT_CHARS ? { name: f.name, text: '', tooLarge: true } : { name: f.name, text: await f.text() })))
}
