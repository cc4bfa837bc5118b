/**
 * Predict-then-reveal: what a step shows before the reveal (its title and `explanation`) must not
 * give away its answers. A code of the step's expected grid named there is a warning, at its line.
 */
import type { CellCode, LessonStep } from '../types'
import type { Path } from './positions'
import { report, type Problems } from './shape'

/** The ways a text names a code: `503` as a word; `000 (56)` as `000`, `(56)` or `exit code 56`. */
function patternOf(code: CellCode): RegExp {
  const exit = /^000 \((\d+)\)$/.exec(code)?.[1]
  if (exit === undefined) return new RegExp(`(?<![\\w.:/-])${code}(?![\\w:/]|\\.\\d)`)
  return new RegExp(`(?<![\\w.:/-])000(?![\\w:/]|\\.\\d)|\\(${exit}\\)|exit code ${exit}(?!\\d)`)
}

export interface SpoilerHit {
  code: CellCode
  /** What the text says, e.g. `503` or `exit code 56`. */
  found: string
  /** 1-based line and column inside the text. */
  line: number
  column: number
}

/** The first place each answer code of the step is named in `text`, in reading order. */
export function findSpoilers(text: string, codes: readonly CellCode[]): SpoilerHit[] {
  const hits: SpoilerHit[] = []
  for (const code of new Set(codes)) {
    const match = patternOf(code).exec(text)
    if (!match) continue
    const before = text.slice(0, match.index)
    const line = before.split('\n').length
    const column = match.index - before.lastIndexOf('\n')
    hits.push({ code, found: match[0], line, column })
  }
  return hits.sort((a, b) => a.line - b.line || a.column - b.column)
}

/** Warns where the step's title or pre-reveal `explanation` names one of its answers. */
export function checkSpoilers(problems: Problems, step: LessonStep, i: number): void {
  const codes = Object.values(step.expect.grid)
  const fields: [keyof LessonStep & ('title' | 'section' | 'explanation'), string][] = [
    ['title', step.title],
    ['section', step.section],
    ['explanation', step.explanation],
  ]
  for (const [field, text] of fields) {
    const path: Path = ['steps', i, field]
    for (const hit of findSpoilers(text, codes)) {
      report(problems, {
        path,
        target: 'value',
        block: { line: hit.line, column: hit.column },
        warning: true,
        message: `names \`${hit.found}\` before the reveal, and ${hit.code} is one of this step's answers: move what the step prints to \`outcome\` (shown after the reveal)`,
      })
    }
  }
}
