/**
 * `npm run -s grid -- [options] FILE...`: the engine from the command line, printing the grid the
 * way the seed's loops print it, so a design can be checked in CI and compared with a cluster.
 * The only I/O layer around the engine here: files, stdin, the clock, stdout/stderr, exit status.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { parseGridArgs, UsageError, USAGE, type GridArgs } from './args'
import { loadInputs, type InputError } from './inputs'
import { runProbes, runTlsCheck } from './probes'
import { extractIntentArgs, INTENT_USAGE, type IntentArgs } from './intentArgs'
import { runDiff, runExpect, type IntentRun } from './intentCommands'

function readSource(file: string): string {
  return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8')
}

function printErrors(errors: readonly InputError[]): void {
  for (const e of errors) process.stderr.write(`${e.where}: ${e.severity} ${e.code}: ${e.message}\n`)
}

async function main(argv: readonly string[]): Promise<number> {
  let args: GridArgs
  let intentArgs: IntentArgs
  try {
    const split = extractIntentArgs(argv)
    intentArgs = split.intent
    args = parseGridArgs(split.rest)
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`grid: ${error.message}\n\n${USAGE}\n${INTENT_USAGE}\n`)
      return 2
    }
    throw error
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n${INTENT_USAGE}\n`)
    return 0
  }
  const loaded = loadInputs(args, readSource)
  printErrors(loaded.warnings)
  if (!loaded.ok) {
    printErrors(loaded.errors)
    return 2
  }
  const now = args.at ?? Math.floor(Date.now() / 1000)
  if (intentArgs.expect || intentArgs.diffOld) return runIntent(loaded, args, intentArgs, now)
  const result = args.tlsCheck ? runTlsCheck(loaded, args) : await runProbes(loaded, args, now)
  if (!result.ok) {
    process.stderr.write(`grid: ${result.message}\n`)
    return 2
  }
  process.stdout.write(result.output)
  return 0
}

/** --expect / --suggest / --diff (intentCommands.ts). */
async function runIntent(loaded: Extract<ReturnType<typeof loadInputs>, { ok: true }>, args: GridArgs, intentArgs: IntentArgs, now: number): Promise<number> {
  let run: IntentRun
  if (intentArgs.diffOld) {
    const old = loadInputs({ ...args, files: intentArgs.diffOld }, readSource)
    printErrors(old.warnings)
    if (!old.ok) {
      printErrors(old.errors)
      return 2
    }
    run = await runDiff(old, loaded, args, now)
  } else run = await runExpect(loaded, args, intentArgs, now, { read: readSource, write: (file, text) => writeFileSync(file, text) })
  process.stdout.write(run.stdout)
  process.stderr.write(run.stderr)
  return run.status
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`grid: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 3
  },
)
