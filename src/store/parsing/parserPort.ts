/**
 * What the store parses YAML text with (issue 13, item 8). Small texts are parsed in this thread,
 * inside the edit (one store update, no flicker); texts from PARSE_WORKER_THRESHOLD characters up go
 * through a ParserPort: the parse worker in browsers, a fake in tests. The work itself is
 * `parseInThread`, the same function on both sides, so a worker answer equals a main-thread one.
 */
import { parseManifests, type ParsedManifests } from '../../yaml'
import { documentText } from '../generatedText'
import { importYamlText, type ImportedText } from '../io'

/**
 * Texts of at least this many characters are parsed off the main thread. Measured on this project's
 * machine (2 shared cores; `syntheticMesh(n)` printed as YAML, parse + admission, median of 7 warm
 * runs): 20 KB 23 ms, 30 KB 61 ms, 40 KB 68 ms, 60 KB 100 ms, 100 KB 221 ms, 294 KB 629 ms, about
 * 2 ms per KB; 50 ms is crossed near 25 KB. In Chromium the whole edit (parse, merge, admission,
 * problems, the other tab's text) of the 294 KB text blocked the page 1.5-2.1 s, about 6 ms per KB.
 * Below this, the synchronous path stays: no "Parsing" state comes and goes on ordinary typing.
 */
export const PARSE_WORKER_THRESHOLD = 24 * 1024

/** An editor tab's text (the tab parse, with the spans for markers) or an imported file (import clean-up too). */
export type ParseRequest = { kind: 'tab'; text: string; file: string } | { kind: 'import'; text: string; file: string }

/**
 * `documents[i]` is the YAML document the store would generate for object i (generatedText.ts):
 * written in the worker too, so the main thread does not serialise a big design again to show it.
 */
export type ParseAnswer = { kind: 'tab'; parsed: ParsedManifests; documents: string[] } | { kind: 'import'; imported: ImportedText; documents: string[] }

export interface ParserPort {
  /**
   * Parses `request` elsewhere. Resolves to undefined when a newer request for the same text (same
   * kind and file) replaced this one before it started: its answer would be stale anyway.
   */
  parse(request: ParseRequest): Promise<ParseAnswer | undefined>
}

/** The parse itself, plain data in and out (a worker answer is a structured clone of this). */
export function parseInThread(request: ParseRequest): ParseAnswer {
  if (request.kind === 'tab') {
    const parsed = parseManifests(request.text, request.file)
    return { kind: 'tab', parsed, documents: parsed.objects.map(documentText) }
  }
  const imported = importYamlText(request.text, request.file)
  return { kind: 'import', imported, documents: imported.objects.map(documentText) }
}

/** The lane a request waits in: a newer request in the same lane replaces a waiting older one. */
export function laneOf(request: ParseRequest): string {
  return `${request.kind}:${request.file}`
}
