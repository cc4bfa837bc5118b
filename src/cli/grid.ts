/**
 * `npm run -s grid -- [options] FILE...`: the engine from the command line, printing the grid the
 * way the seed's loops print it, so a design can be checked in CI and compared with a cluster.
 * The only I/O layer around the engine here: files, stdin, the clock, stdout/stderr, exit status.
 */
import { readFileSync } from 'node:fs'
import { parseGridArgs, UsageError, USAGE, type GridArgs } from './args'
import { loadInputs, type InputError } from './inputs'
import { runProbes, runTlsCheck } from './probes'

function readSource(file: string): string {
  return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8')
}

function printErrors(errors: readonly InputError[]): void {
  for (const e of errors) process.stderr.write(`${e.where}: ${e.severity} ${e.code}: ${e.message}\n`)
}

async function main(argv: readonly string[]): Promise<number> {
  let args: GridArgs
  try {
    args = parseGridArgs(argv)
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`grid: ${error.message}\n\n${USAGE}\n`)
      return 2
    }
    throw error
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const loaded = loadInputs(args, readSource)
  printErrors(loaded.warnings)
  if (!loaded.ok) {
    printErrors(loaded.errors)
    return 2
  }
  const now = args.at ?? Math.floor(Date.now() / 1000)
  const result = args.tlsCheck ? runTlsCheck(loaded, args) : await runProbes(loaded, args, now)
  if (!result.ok) {
    process.stderr.write(`grid: ${result.message}\n`)
    return 2
  }
  process.stdout.write(result.output)
  return 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    // Exit statuses are 0 and 2 only; a bug is still reported in one line (GRID_DEBUG=1 adds the stack).
    const detail = error instanceof Error ? (process.env.GRID_DEBUG === '1' ? (error.stack ?? error.message) : error.message) : String(error)
    process.stderr.write(`grid: error INTERNAL: ${detail} (please report this input)\n`)
    process.exitCode = 2
  },
)
