/** The words of the "parsing" state (editor, grid, paste dialog): the text's size in KB, at least 1. */
export function parsingLabel(chars: number): string {
  return `Parsing… (${Math.max(1, Math.round(chars / 1024))} KB)`
}
