/**
 * `grid --expect`, `--suggest` and `--diff`: intent checks, fixes and differences from the command
 * line. Output goes through the returned text; the caller writes it and exits with `status`.
 */
import { intent as engineIntent, type Model } from '../engine'
import type { CellCheck, CheckInput, Expectation } from '../engine/intent'
import { parseIntent, type IntentProblem } from '../intent/parseIntent'
import { checkIntentReferences } from '../intent/references'
import type { GridArgs } from './args'
import type { IntentArgs } from './intentArgs'
import type { LoadedInputs } from './inputs'
import { junitReport } from './junit'
import { stringifyManifests } from '../yaml'

type Loaded = LoadedInputs

export interface IntentRun {
  status: number
  stdout: string
  stderr: string
}

export interface IntentIo {
  read(file: string): string
  write(file: string, text: string): void
}

function checkInput(loaded: Loaded, args: GridArgs, now: number): CheckInput {
  const headers: Record<string, string> = loaded.token !== undefined ? { Authorization: `Bearer ${loaded.token}` } : {}
  for (const [name, value] of args.headers) headers[name] = value
  const request = { path: args.path, headers, now, ...(args.method ? { method: args.method } : {}), ...(args.sourceIp ? { sourceIp: args.sourceIp } : {}) }
  return { options: loaded.options, request, keySets: loaded.keySets }
}

function problemLine(file: string, p: IntentProblem): string {
  return `${file}:${p.line}:${p.column}: error ${p.code}: ${p.message}\n`
}

/** Reads and validates intent.yaml; names that match nothing in the design are errors here (CI must not pass on a typo). */
function loadIntent(file: string, model: Model, io: IntentIo): { ok: true; expectations: Expectation[] } | { ok: false; stderr: string } {
  let text: string
  try {
    text = io.read(file)
  } catch (error) {
    return { ok: false, stderr: `${file}: error IO: ${error instanceof Error ? error.message : String(error)}\n` }
  }
  const parsed = parseIntent(text)
  const problems = [...parsed.problems, ...(parsed.problems.length === 0 ? checkIntentReferences(parsed, model.mesh) : [])]
  if (problems.length > 0) return { ok: false, stderr: problems.map((p) => problemLine(file, p)).join('') }
  return { ok: true, expectations: parsed.expectations }
}

function describeRequest(expectations: readonly Expectation[], c: CellCheck): string {
  const r = (expectations[c.expectation] as Expectation).request
  if (!r || c.request === '') return ''
  return [r.method, r.path, r.token !== undefined ? `token ${r.token === 'none' || r.token === 'demo' ? r.token : 'given'}` : undefined].filter(Boolean).join(' ')
}

export function violationLine(c: CellCheck, expectations: readonly Expectation[], intentFile: string): string {
  const e = expectations[c.expectation] as Expectation
  const request = describeRequest(expectations, c)
  return `${c.from} to ${c.to}: expected ${engineIntent.formatOutcome(e.expect)}, got ${engineIntent.formatGot(c.got)} (rule ${c.got?.rule ?? 'R20'}, ${intentFile}:${e.line}${request ? `, request ${request}` : ''})\n`
}

export async function runExpect(loaded: Loaded, args: GridArgs, intentArgs: IntentArgs, now: number, io: IntentIo): Promise<IntentRun> {
  const file = intentArgs.expect as string
  const intent = loadIntent(file, loaded.model, io)
  if (!intent.ok) return { status: 2, stdout: '', stderr: intent.stderr }
  const { expectations } = intent
  const input = checkInput(loaded, args, now)
  const result = await engineIntent.checkModel(loaded.model, expectations, input)
  const summary = `grid: ${result.violated.length} of ${result.checks.length} expectations violated\n`
  if (intentArgs.junit) {
    try {
      io.write(intentArgs.junit, junitReport(result.checks, expectations, file, (c) => describeRequest(expectations, c)))
    } catch (error) {
      return { status: 2, stdout: '', stderr: `${intentArgs.junit}: error IO: ${error instanceof Error ? error.message : String(error)}\n` }
    }
  }
  if (intentArgs.suggest) return suggest(loaded, expectations, input, file, result.violated.length, summary)
  return { status: result.violated.length > 0 ? 1 : 0, stdout: result.violated.map((c) => violationLine(c, expectations, file)).join(''), stderr: summary }
}

function describeExpectation(e: Expectation, file: string): string {
  return `${file}:${e.line} (${engineIntent.formatClientSet(e.from)} to ${engineIntent.formatTargetSet(e.to)}: ${engineIntent.formatOutcome(e.expect)})`
}

async function suggest(loaded: Loaded, expectations: Expectation[], input: CheckInput, file: string, violated: number, summary: string): Promise<IntentRun> {
  if (violated === 0) return { status: 0, stdout: '# every expectation holds: nothing to fix\n', stderr: summary }
  const objects = loaded.model.admission.accepted.map((a) => a.object)
  const result = await engineIntent.searchFixes(objects, expectations, input)
  const bound = `# searched ${result.evaluated} designs from ${result.candidates} candidate edits (at most ${engineIntent.MAX_EDITS} edits${result.truncated ? '; the budget ran out' : ''})\n`
  if (result.fixes.length === 0) {
    const lines = result.conflicts.map((c) => {
      const e = expectations[c.expectation] as Expectation
      return c.with.length === 0
        ? `# no edit within the bound makes ${describeExpectation(e, file)} hold\n`
        : `# ${describeExpectation(e, file)} conflicts with ${c.with.map((w) => describeExpectation(expectations[w] as Expectation, file)).join(', ')}\n`
    })
    return { status: 1, stdout: `# no fix found\n${bound}${lines.join('')}`, stderr: summary }
  }
  let out = bound
  result.fixes.forEach((fix, i) => {
    out += `# fix ${i + 1} of ${result.fixes.length}: ${fix.edits.map((e) => e.summary).join('; ')}\n`
    out += `# touches ${fix.touched.length} object${fix.touched.length === 1 ? '' : 's'}: ${fix.touched.join(', ')}\n`
    for (const key of fix.touched) {
      const object = fix.objects.find((o) => engineIntent.keyOfObject(o) === key)
      if (object) out += `---\n${stringifyManifests([object])}`
    }
    if (i < result.fixes.length - 1) out += '---\n'
  })
  return { status: 0, stdout: out, stderr: summary }
}

function formatBefore(v: { code: string; exit: number } | undefined): string {
  if (!v) return 'none'
  return v.code === '000' ? `000/${v.exit}` : v.code
}

export async function runDiff(oldLoaded: Loaded, newLoaded: Loaded, args: GridArgs, now: number): Promise<IntentRun> {
  const input = checkInput(newLoaded, args, now)
  const objectsOf = (l: Loaded) => l.model.admission.accepted.map((a) => a.object)
  const diff = await engineIntent.diffDesigns(objectsOf(oldLoaded), objectsOf(newLoaded), input)
  const lines = diff.cells.map((c) => `${c.from} to ${c.to}: ${formatBefore(c.before)} -> ${formatBefore(c.after)} (${c.causes.join(', ')})\n`)
  return { status: 0, stdout: lines.join(''), stderr: `grid: ${diff.cells.length} of ${diff.compared} cells change; ${diff.objects.length} object${diff.objects.length === 1 ? '' : 's'} changed\n` }
}
